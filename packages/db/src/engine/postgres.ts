import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { reportCatalogTypesAsText } from './catalog-text.ts';
import { describePostgresUrl, withDatabase } from './datasource.ts';
import { EngineError } from './errors.ts';
import { toDriverAdapterError, wholeScriptAdapter } from './adapter-wrappers.ts';

/** A pool for the engine's own use: catalog columns come back as text, idle errors are not fatal. */
export function createEnginePool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on('connect', reportCatalogTypesAsText);
  pool.on('error', () => {
    // An idle connection died (server restart, database dropped); the next query reconnects.
  });
  return pool;
}

/** Ends a pool once; later calls do nothing. */
export function poolCloser(pool: pg.Pool): () => Promise<void> {
  let ended: Promise<void> | undefined;
  return () => (ended ??= pool.end());
}

function schemaOf(url: string): string | undefined {
  return new URL(url).searchParams.get('schema') ?? undefined;
}

/** Connects the engine's adapter to a pool; the pool is closed by whoever created it. */
export async function connectPoolAdapter(pool: pg.Pool, url: string): Promise<SqlDriverAdapter> {
  const schema = schemaOf(url);
  const adapter = await new PrismaPg(pool, schema === undefined ? {} : { schema }).connect();
  return wholeScriptAdapter(adapter, async (script) => {
    try {
      await pool.query(script);
    } catch (error) {
      throw toDriverAdapterError(error);
    }
  });
}

const SOCKET_ERROR_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'EAI_AGAIN']);

/** Maps a `pg` connection error to the error the native engine reports for it. */
export function connectionError(error: unknown, url: string): EngineError {
  const { database, server } = describePostgresUrl(url);
  const code: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code === 'string' && SOCKET_ERROR_CODES.has(code)) {
    return new EngineError('P1001', `Can't reach database server at \`${server}\`\n\nPlease make sure your database server is running at \`${server}\`.`);
  }
  if (code === '3D000') {
    return new EngineError('P1003', `Database \`${database}\` does not exist on the database server at \`${server}\`.`);
  }
  if (code === '28P01' || code === '28000') {
    const user = decodeURIComponent(new URL(url).username) || 'postgres';
    return new EngineError('P1000', `Authentication failed against database server at \`${server}\`, the provided database credentials for \`${user}\` are not valid.\n\n${message}`);
  }
  return new EngineError(undefined, message);
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw connectionError(error, url);
  }
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** `cli can-connect-to-database` for PostgreSQL. */
export async function canConnectToPostgres(url: string): Promise<void> {
  await withClient(url, (client) => client.query('SELECT 1'));
}

/** Runs `work` on a connection to the server's maintenance database (`postgres`, else `template1`). */
async function withMaintenanceClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  try {
    return await withClient(withDatabase(url, 'postgres'), work);
  } catch (error) {
    if (error instanceof EngineError && error.errorCode === 'P1003') return withClient(withDatabase(url, 'template1'), work);
    throw error;
  }
}

/** `cli create-database` for PostgreSQL; returns the database name. */
export async function createPostgresDatabase(url: string): Promise<string> {
  const { database, server } = describePostgresUrl(url);
  await withMaintenanceClient(url, async (client) => {
    try {
      await client.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
    } catch (error) {
      if (typeof error === 'object' && error !== null && Reflect.get(error, 'code') === '42P04') {
        throw new EngineError('P1009', `Database \`${database}\` already exists on the database server at \`${server}\``);
      }
      throw error;
    }
  });
  return database;
}

/** `cli drop-database` for PostgreSQL. */
export async function dropPostgresDatabase(url: string): Promise<void> {
  const { database } = describePostgresUrl(url);
  await withMaintenanceClient(url, (client) => client.query(`DROP DATABASE ${quoteIdentifier(database)}`));
}
