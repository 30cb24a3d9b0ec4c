/** Where the data lives, parsed from `DATABASE_URL`. */
export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string | null }
  | { kind: 'postgres'; url: string };

/** Default data directory of the embedded database, relative to the working directory. */
export const DEFAULT_PGLITE_DIR = 'data/pglite';

/**
 * Parses a database URL: unset → embedded PGlite in `./data/pglite`; `pglite:<dir>`;
 * `pglite:memory`; `postgres://…` or `postgresql://…`.
 */
export function parseDatabaseUrl(url: string | undefined): DatabaseTarget {
  if (url === undefined || url.trim() === '') return { kind: 'pglite', dataDir: DEFAULT_PGLITE_DIR };
  if (url.startsWith('pglite:')) {
    const rest = url.slice('pglite:'.length);
    if (rest === 'memory') return { kind: 'pglite', dataDir: null };
    if (rest === '') throw new Error('DATABASE_URL "pglite:" needs a directory (pglite:./data/pglite) or "memory".');
    return { kind: 'pglite', dataDir: rest };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { kind: 'postgres', url };
  throw new Error(
    `DATABASE_URL "${redact(url)}" is not supported: use postgres://user@host:5432/db, pglite:<dir> or pglite:memory.`,
  );
}

/** The URL with any password replaced, safe to print. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
