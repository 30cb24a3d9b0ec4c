import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@openstation/db';
import { seedDemoData } from '@openstation/db/seed';
import type { TestProject } from 'vitest/node';
import { adminQuery, databaseUrl } from './postgres-admin.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PostgreSQL: the migrated, seeded template database each test file clones. */
    templateDatabaseUrl: string | null;
    /** PGlite: a `dumpDataDir()` tarball of the migrated, seeded database. */
    pgliteSnapshotPath: string | null;
  }
}

/**
 * Migrates and seeds one database per run, so that each test file starts from a copy
 * in well under a second instead of migrating and seeding again.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const engine = project.config.env.OPENSTATION_TEST_ENGINE;
  if (engine === 'postgres') {
    const base = process.env.TEST_DATABASE_URL;
    if (!base) throw new Error('OPENSTATION_TEST_ENGINE=postgres needs TEST_DATABASE_URL.');
    const name = `openstation_tpl_${randomUUID().slice(0, 8)}`;
    await adminQuery(base, `CREATE DATABASE "${name}"`);
    const url = databaseUrl(base, name);
    const db = await openDatabase(url);
    await seedDemoData(db.prisma);
    await db.close();
    project.provide('templateDatabaseUrl', url);
    project.provide('pgliteSnapshotPath', null);
    return async () => {
      await adminQuery(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    };
  }
  const db = await openDatabase('pglite:memory');
  await seedDemoData(db.prisma);
  if (!db.pglite) throw new Error('Expected a PGlite database.');
  const dump = await db.pglite.dumpDataDir('gzip');
  await db.close();
  const dir = mkdtempSync(join(tmpdir(), 'openstation-test-'));
  const path = join(dir, 'snapshot.tar.gz');
  writeFileSync(path, new Uint8Array(await dump.arrayBuffer()));
  project.provide('templateDatabaseUrl', null);
  project.provide('pgliteSnapshotPath', path);
  return async () => rmSync(dir, { recursive: true, force: true });
}
