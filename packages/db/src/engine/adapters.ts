import type { PGlite } from '@electric-sql/pglite';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type pg from 'pg';
import { disposingAlso } from './adapter-wrappers.ts';
import { type DatasourceConfig, parseDatabaseUrl } from './datasource.ts';
import { connectPgliteAdapter, connectPgliteShadow, LazyPglite, lazyPgliteAdapter } from './pglite.ts';
import { connectPoolAdapter, createEnginePool, poolCloser } from './postgres.ts';
import { connectPostgresShadow } from './shadow.ts';

/** An adapter factory for the engine that also releases everything it opened. */
export interface OwnedAdapterFactory extends SqlMigrationAwareDriverAdapterFactory {
  close(): Promise<void>;
}

interface MainConnection {
  adapterName: string;
  connect(): Promise<SqlDriverAdapter>;
  close(): Promise<void>;
  /** Set for PostgreSQL: where a temporary shadow database can be created. */
  postgres?: { pool: pg.Pool; url: string };
}

function postgresMain(url: string): MainConnection {
  const pool = createEnginePool(url);
  return {
    adapterName: '@prisma/adapter-pg',
    connect: () => connectPoolAdapter(pool, url),
    close: poolCloser(pool),
    postgres: { pool, url },
  };
}

function pgliteMain(dataDir: string | undefined): MainConnection {
  const lazy = new LazyPglite(dataDir);
  return {
    adapterName: 'pglite-prisma-adapter',
    connect: async () => lazyPgliteAdapter(lazy),
    close: () => lazy.close(),
  };
}

function borrowedPgliteMain(db: PGlite): MainConnection {
  return {
    adapterName: 'pglite-prisma-adapter',
    connect: () => connectPgliteAdapter(db),
    close: async () => undefined,
  };
}

type ShadowOpener = () => Promise<SqlDriverAdapter>;

function shadowOpener(main: MainConnection, shadowDatabaseUrl: string | undefined, cwd: string): ShadowOpener {
  if (shadowDatabaseUrl !== undefined) {
    const shadow = parseDatabaseUrl(shadowDatabaseUrl, cwd);
    if (shadow.kind === 'pglite') {
      return async () => {
        const db = new LazyPglite(shadow.dataDir, { scratch: true });
        return disposingAlso(await connectPgliteAdapter(await db.get()), () => db.close());
      };
    }
    return () => connectPostgresShadow({ shadowDatabaseUrl: shadow.url, main: main.postgres });
  }
  // PGlite holds one database: its shadow is a fresh in-memory instance.
  if (main.postgres === undefined) return connectPgliteShadow;
  const postgres = main.postgres;
  return () => connectPostgresShadow({ shadowDatabaseUrl: undefined, main: postgres });
}

function composeFactory(main: MainConnection, openShadow: ShadowOpener): OwnedAdapterFactory {
  const openShadows = new Set<SqlDriverAdapter>();
  return {
    provider: 'postgres',
    adapterName: main.adapterName,
    connect: () => main.connect(),
    async connectToShadowDb(): Promise<SqlDriverAdapter> {
      const shadow = await openShadow();
      openShadows.add(shadow);
      return {
        ...shadow,
        dispose: async () => {
          openShadows.delete(shadow);
          await shadow.dispose();
        },
      };
    },
    async close(): Promise<void> {
      for (const shadow of [...openShadows]) {
        openShadows.delete(shadow);
        await shadow.dispose().catch(() => undefined);
      }
      await main.close();
    },
  };
}

/**
 * The engine's adapter factory for a datasource: adapter-pg for `postgres://` URLs (temporary
 * shadow databases on the same server), pglite-prisma-adapter for `pglite:` URLs (an
 * in-memory PGlite as shadow database). A `shadowDatabaseUrl` overrides the shadow.
 */
export function openAdapterFactory(datasource: DatasourceConfig, cwd: string = process.cwd()): OwnedAdapterFactory {
  const location = parseDatabaseUrl(datasource.url, cwd);
  const main = location.kind === 'postgres' ? postgresMain(location.url) : pgliteMain(location.dataDir);
  return composeFactory(main, shadowOpener(main, datasource.shadowDatabaseUrl, cwd));
}

/** The engine's adapter factory over a PGlite instance owned by the caller (left open). */
export function pgliteAdapterFactory(db: PGlite): OwnedAdapterFactory {
  const main = borrowedPgliteMain(db);
  return composeFactory(main, connectPgliteShadow);
}

/**
 * For calls that never read the main database (`diff` between migrations and schema files):
 * one in-memory PGlite answers the engine's start-up queries and then serves as the first
 * shadow database, which saves creating a second instance (seconds, and about 1 GB).
 */
export function scratchAdapterFactory(): OwnedAdapterFactory {
  const scratch = new LazyPglite(undefined, { scratch: true });
  let lent = false;
  const main: MainConnection = {
    adapterName: 'pglite-prisma-adapter',
    connect: async () => lazyPgliteAdapter(scratch),
    close: () => scratch.close(),
  };
  return composeFactory(main, async () => {
    if (lent) return connectPgliteShadow();
    lent = true;
    return connectPgliteAdapter(await scratch.get());
  });
}
