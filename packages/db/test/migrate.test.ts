import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, applyMigrationsToPglite, EngineError } from '../src/migrate.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MIGRATIONS_DIR = join(ROOT, 'prisma/migrations');
const PRISMA = join(dirname(createRequire(import.meta.url).resolve('prisma/package.json')), 'build/index.js');
const SERVER = 'postgres://postgres@127.0.0.1:5432';

/** `prisma migrate status` from the unmodified CLI: exit code and output. */
function migrateStatus(databaseUrl: string): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [PRISMA, 'migrate', 'status'],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: '1' } },
      (error, stdout) => resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout }),
    );
  });
}

async function migrationNames(): Promise<string[]> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

async function checksums(): Promise<Array<{ migration_name: string; checksum: string }>> {
  return Promise.all(
    (await migrationNames()).map(async (name) => ({
      migration_name: name,
      checksum: createHash('sha256').update(await readFile(join(MIGRATIONS_DIR, name, 'migration.sql'))).digest('hex'),
    })),
  );
}

const HISTORY = 'SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name';

/** The real migrations plus `extra` as the newest one; `$$` bodies hold semicolons. */
async function migrationsWith(root: string, name: string, extra: string): Promise<string> {
  const dir = join(root, name);
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  await mkdir(join(dir, `29991231000000_${name}`));
  await writeFile(join(dir, `29991231000000_${name}`, 'migration.sql'), extra);
  return dir;
}

const BROKEN = `CREATE TABLE "HalfDone" ("id" INTEGER PRIMARY KEY);
CREATE FUNCTION half_done() RETURNS integer LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END; $$;
INSERT INTO "NoSuchTable" VALUES (1);
`;

const FUNCTION_BODY = `CREATE FUNCTION station_count() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE n integer;
BEGIN
  SELECT count(*) INTO n FROM "Station";
  RETURN n;
END;
$$;
`;

interface Sql {
  rows<T>(sql: string): Promise<T[]>;
}

/** What a failed migration must leave behind: nothing of itself, and a failed history row. */
async function expectRolledBack(sql: Sql): Promise<void> {
  const leftovers = await sql.rows<{ table: string | null; fn: string | null }>(
    `SELECT to_regclass('"HalfDone"')::text AS table, to_regproc('half_done')::text AS fn`,
  );
  expect(leftovers).toEqual([{ table: null, fn: null }]);
  const failed = await sql.rows<{ migration_name: string }>(
    'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL',
  );
  expect(failed).toEqual([{ migration_name: '29991231000000_broken' }]);
}

describe('applyMigrationsToPglite (the application migrating its own PGlite instance)', () => {
  let work: string;
  let dataDir: string;
  let db: PGlite;
  const sql: Sql = { rows: async <T>(text: string) => (await db.query<T>(text)).rows };

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'openstation-migrate-'));
    dataDir = join(work, 'pglite');
    db = new PGlite(dataDir);
    await db.waitReady;
  });
  afterAll(async () => {
    if (!db.closed) await db.close();
    await rm(work, { recursive: true, force: true });
  });

  it('applies every pending migration once, recording the checksums the native engine writes', async () => {
    expect(await applyMigrationsToPglite(db)).toEqual({ applied: await migrationNames() });
    expect(await applyMigrationsToPglite(db)).toEqual({ applied: [] });
    expect(await sql.rows(HISTORY)).toEqual(await checksums());
    expect(db.closed).toBe(false);
  });

  it('leaves `prisma migrate status` reporting the database up to date', async () => {
    await db.close();
    const status = await migrateStatus(`pglite:${dataDir}`);
    expect(status.stdout).toContain('Database schema is up to date!');
    expect(status.code).toBe(0);
    db = new PGlite(dataDir);
    await db.waitReady;
  });

  it('runs a migration as one script: $$ bodies survive', async () => {
    const migrationsDir = await migrationsWith(work, 'function', FUNCTION_BODY);
    expect(await applyMigrationsToPglite(db, { migrationsDir })).toEqual({ applied: ['29991231000000_function'] });
    expect(await sql.rows('SELECT station_count() AS n')).toEqual([{ n: 0 }]);
  });

  it('rolls a failing migration back whole and refuses to go on until it is resolved', async () => {
    const migrationsDir = await migrationsWith(work, 'broken', BROKEN);
    const failure = await applyMigrationsToPglite(db, { migrationsDir }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(EngineError);
    expect(failure).toMatchObject({ errorCode: 'P3018', meta: { migration_name: '29991231000000_broken' } });
    await expectRolledBack(sql);
    await expect(applyMigrationsToPglite(db, { migrationsDir })).rejects.toMatchObject({ errorCode: 'P3009' });
  });
});

describe('applyMigrations on PostgreSQL', () => {
  const database = `openstation_test_${randomUUID().replaceAll('-', '')}`;
  const url = `${SERVER}/${database}`;
  let work: string;
  let client: pg.Client;
  const sql: Sql = { rows: async <T>(text: string) => (await client.query(text)).rows as T[] };

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'openstation-migrate-pg-'));
    const admin = new pg.Client({ connectionString: `${SERVER}/postgres` });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    await admin.end();
    client = new pg.Client({ connectionString: url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    const admin = new pg.Client({ connectionString: `${SERVER}/postgres` });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
    await rm(work, { recursive: true, force: true });
  });

  it('applies every migration, and `prisma migrate status` agrees', async () => {
    expect(await applyMigrations(url)).toEqual({ applied: await migrationNames() });
    expect(await applyMigrations(url)).toEqual({ applied: [] });
    expect(await sql.rows(HISTORY)).toEqual(await checksums());
    const status = await migrateStatus(url);
    expect(status.stdout).toContain('Database schema is up to date!');
    expect(status.code).toBe(0);
  });

  it('rolls a failing migration back whole', async () => {
    const migrationsDir = await migrationsWith(work, 'broken', BROKEN);
    await expect(applyMigrations(url, { migrationsDir })).rejects.toMatchObject({ errorCode: 'P3018' });
    await expectRolledBack(sql);
  });

  it('reports an unreachable server as an EngineError', async () => {
    await expect(applyMigrations('postgres://postgres@127.0.0.1:1/nowhere')).rejects.toBeInstanceOf(EngineError);
  });
});

describe('applyMigrations on pglite:<dir>', () => {
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'openstation-migrate-dir-'));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('opens, migrates and closes the directory, releasing its lock', async () => {
    const dataDir = join(work, 'pglite');
    expect(await applyMigrations(`pglite:${dataDir}`)).toEqual({ applied: await migrationNames() });
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(existsSync(join(dataDir, 'openstation.lock'))).toBe(false);
    expect(await applyMigrations(`pglite:${dataDir}`)).toEqual({ applied: [] });
  });
});
