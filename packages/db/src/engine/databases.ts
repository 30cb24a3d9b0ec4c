import { parseDatabaseUrl } from './datasource.ts';
import { canConnectToPglite, dropPgliteDatabase } from './pglite.ts';
import { canConnectToPostgres, createPostgresDatabase, dropPostgresDatabase } from './postgres.ts';

/** `cli can-connect-to-database`: resolves when the database exists and answers. */
export async function canConnectToDatabase(url: string): Promise<void> {
  const location = parseDatabaseUrl(url);
  if (location.kind === 'postgres') await canConnectToPostgres(location.url);
  else await canConnectToPglite(location.dataDir);
}

/**
 * `cli create-database`: returns the name of the created database. A PGlite data directory
 * is created when first opened, so there is nothing to do for `pglite:` URLs.
 */
export async function createDatabase(url: string): Promise<string> {
  const location = parseDatabaseUrl(url);
  if (location.kind === 'postgres') return createPostgresDatabase(location.url);
  return location.dataDir ?? 'memory';
}

/** `cli drop-database`. */
export async function dropDatabase(url: string): Promise<void> {
  const location = parseDatabaseUrl(url);
  if (location.kind === 'postgres') await dropPostgresDatabase(location.url);
  else await dropPgliteDatabase(location.dataDir);
}
