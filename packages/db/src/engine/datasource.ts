import { resolve } from 'node:path';
import { EngineError } from './errors.ts';

/** Where a URL the project accepts points: a PostgreSQL server or an in-process PGlite. */
export type DatabaseLocation =
  | { kind: 'postgres'; url: string }
  | { kind: 'pglite'; dataDir: string | undefined };

const PGLITE_PREFIX = 'pglite:';

/**
 * Parses `postgres://…`, `postgresql://…`, `pglite:<dir>` (relative to `cwd`) and
 * `pglite:memory`.
 */
export function parseDatabaseUrl(url: string, cwd: string = process.cwd()): DatabaseLocation {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { kind: 'postgres', url };
  if (url.startsWith(PGLITE_PREFIX)) {
    const path = url.slice(PGLITE_PREFIX.length);
    if (path === 'memory') return { kind: 'pglite', dataDir: undefined };
    if (path.length > 0) return { kind: 'pglite', dataDir: resolve(cwd, path) };
  }
  throw new EngineError(
    'P1013',
    'The provided database string is invalid. Expected postgres://…, postgresql://…, pglite:<directory> or pglite:memory.',
  );
}

/** What the CLI passes as `--datasource`. */
export interface DatasourceConfig {
  url: string;
  shadowDatabaseUrl?: string;
}

export function parseDatasourceArgument(json: string): DatasourceConfig {
  const value: unknown = JSON.parse(json);
  if (typeof value !== 'object' || value === null) throw new EngineError('P1012', 'Invalid --datasource argument.');
  const url: unknown = Reflect.get(value, 'url');
  const shadowDatabaseUrl: unknown = Reflect.get(value, 'shadowDatabaseUrl');
  if (typeof url !== 'string' || url.length === 0) {
    throw new EngineError('P1012', 'The datasource has no url. Set DATABASE_URL or datasource.url in prisma.config.ts.');
  }
  return typeof shadowDatabaseUrl === 'string' && shadowDatabaseUrl.length > 0 ? { url, shadowDatabaseUrl } : { url };
}

/** The database name and server of a PostgreSQL URL, for messages. */
export function describePostgresUrl(url: string): { database: string; server: string } {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres';
  return { database, server: `${parsed.hostname}:${parsed.port || '5432'}` };
}

/** The same PostgreSQL URL with another database name in its path. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.href;
}
