import { randomUUID } from 'node:crypto';
import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import type pg from 'pg';
import { describePostgresUrl, withDatabase } from './datasource.ts';
import { EngineError } from './errors.ts';
import { disposingAlso } from './adapter-wrappers.ts';
import { connectPoolAdapter, createEnginePool, poolCloser, quoteIdentifier } from './postgres.ts';

const SHADOW_HELP = 'Read more about the shadow database (and workarounds) at https://pris.ly/d/migrate-shadow';

async function currentDatabase(pool: pg.Pool): Promise<string> {
  const result = await pool.query<{ name: string }>('SELECT current_database() AS name');
  const name = result.rows[0]?.name;
  if (name === undefined) throw new EngineError(undefined, 'SELECT current_database() returned no row');
  return name;
}

async function dropDatabase(mainPool: pg.Pool, name: string): Promise<void> {
  try {
    await mainPool.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
  } catch {
    // PostgreSQL before 13 has no FORCE.
    await mainPool.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)}`);
  }
}

/**
 * A temporary database `prisma_migrate_shadow_db_<uuid>` on the main server, dropped when the
 * engine disposes of it. adapter-pg's own `connectToShadowDb()` silently reconnects to the main
 * database when given a connection string; here the URL names the new database and
 * `current_database()` proves it before the engine touches anything.
 */
async function temporaryShadowDatabase(mainPool: pg.Pool, mainUrl: string): Promise<SqlDriverAdapter> {
  const name = `prisma_migrate_shadow_db_${randomUUID()}`;
  try {
    await mainPool.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new EngineError(
      'P3014',
      `Prisma Migrate could not create the shadow database. Please make sure the database user has permission to create databases. ${SHADOW_HELP}\n\nOriginal error: ${reason}`,
    );
  }
  const url = withDatabase(mainUrl, name);
  const pool = createEnginePool(url);
  const closePool = poolCloser(pool);
  const cleanUp = async (): Promise<void> => {
    await closePool().catch(() => undefined);
    await dropDatabase(mainPool, name);
  };
  try {
    const connected = await currentDatabase(pool);
    if (connected !== name) {
      throw new EngineError(undefined, `The shadow database connection reached \`${connected}\` instead of \`${name}\`; refusing to use it.`);
    }
    return disposingAlso(await connectPoolAdapter(pool, url), cleanUp);
  } catch (error) {
    await cleanUp().catch(() => undefined);
    throw error;
  }
}

/**
 * The database named by `shadowDatabaseUrl`. Like the native engine, its `public` schema
 * (or the URL's `?schema=`) is emptied before use; it must never be the main database.
 */
async function configuredShadowDatabase(shadowUrl: string, mainUrl: string | undefined): Promise<SqlDriverAdapter> {
  const shadow = describePostgresUrl(shadowUrl);
  if (mainUrl !== undefined) {
    const main = describePostgresUrl(mainUrl);
    if (main.server === shadow.server && main.database === shadow.database) {
      throw new EngineError('P3005', `The shadow database you configured appears to be the same as the main database. Please specify another shadow database. ${SHADOW_HELP}`);
    }
  }
  const pool = createEnginePool(shadowUrl);
  const closePool = poolCloser(pool);
  try {
    const connected = await currentDatabase(pool);
    if (connected !== shadow.database) {
      throw new EngineError(undefined, `The shadow database connection reached \`${connected}\` instead of \`${shadow.database}\`; refusing to use it.`);
    }
    const schema = quoteIdentifier(new URL(shadowUrl).searchParams.get('schema') ?? 'public');
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema};`);
    return disposingAlso(await connectPoolAdapter(pool, shadowUrl), closePool);
  } catch (error) {
    await closePool().catch(() => undefined);
    throw error;
  }
}

/**
 * Opens a PostgreSQL shadow database: the configured `shadowDatabaseUrl`, else a temporary
 * database beside the main one (which needs `mainPool`).
 */
export function connectPostgresShadow(options: {
  shadowDatabaseUrl: string | undefined;
  main: { pool: pg.Pool; url: string } | undefined;
}): Promise<SqlDriverAdapter> {
  const { shadowDatabaseUrl, main } = options;
  if (shadowDatabaseUrl !== undefined) return configuredShadowDatabase(shadowDatabaseUrl, main?.url);
  if (main === undefined) throw new EngineError(undefined, 'No shadow database: set shadowDatabaseUrl.');
  return temporaryShadowDatabase(main.pool, main.url);
}
