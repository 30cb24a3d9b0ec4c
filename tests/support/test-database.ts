import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Database, openDatabase } from '@openstation/db';
import { inject } from 'vitest';
import { adminQuery, databaseUrl } from './postgres-admin.ts';

export interface TestDatabase extends Database {
  /** SQL statements sent since the last `resetQueries()`. */
  readonly queries: string[];
  resetQueries(): void;
}

/**
 * A private copy of the seeded demo database for one test file: a clone of the template
 * database on PostgreSQL, or an in-memory PGlite loaded from the snapshot.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const queries: string[] = [];
  const onQuery = (sql: string) => queries.push(sql);
  const template = inject('templateDatabaseUrl');
  if (template) {
    const base = process.env.TEST_DATABASE_URL ?? template;
    const name = `openstation_test_${randomUUID().slice(0, 8)}`;
    const templateName = new URL(template).pathname.slice(1);
    await adminQuery(base, `CREATE DATABASE "${name}" TEMPLATE "${templateName}"`);
    const db = await openDatabase(databaseUrl(base, name), { migrate: false, onQuery, poolSize: 4 });
    return {
      ...db,
      queries,
      resetQueries: () => queries.splice(0),
      async close() {
        await db.close();
        await adminQuery(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    };
  }
  const snapshot = inject('pgliteSnapshotPath');
  if (!snapshot) throw new Error('No test database was prepared: run the tests through vitest.config.ts.');
  const db = await openDatabase('pglite:memory', {
    migrate: false,
    onQuery,
    loadDataDir: new Blob([readFileSync(snapshot)]),
  });
  return { ...db, queries, resetQueries: () => queries.splice(0) };
}
