import { existsSync } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { lockDataDir } from '../pglite-lock.ts';
import { disposingAlso, toDriverAdapterError, wholeScriptAdapter } from './adapter-wrappers.ts';
import { EngineError } from './errors.ts';

/** A dump of a freshly initialised database: loading it takes a fraction of initdb's time. */
let pristine: Promise<File | Blob> | undefined;

/**
 * A new, empty in-memory database for scratch work (shadow databases: `migrate dev` asks for
 * several in one run). The first one is initialised and dumped; later ones load that dump.
 */
export async function openScratchPglite(): Promise<PGlite> {
  const template = await pristine?.catch(() => undefined);
  if (template !== undefined) {
    const db = new PGlite({ loadDataDir: template });
    await db.waitReady;
    return db;
  }
  const db = await openPglite(undefined);
  pristine ??= db.dumpDataDir('none');
  await pristine.catch(() => undefined);
  return db;
}

/** Opens PGlite on a data directory (created if missing) or, without one, in memory. */
export async function openPglite(dataDir: string | undefined): Promise<PGlite> {
  if (dataDir !== undefined) await mkdir(dataDir, { recursive: true });
  const db = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  await db.waitReady;
  return db;
}

/**
 * The engine's adapter over a PGlite instance it does not own (dispose leaves it open).
 * Scripts run as one awaited `exec()`.
 */
export async function connectPgliteAdapter(db: PGlite): Promise<SqlDriverAdapter> {
  const adapter = await new PrismaPGlite(db).connect();
  return wholeScriptAdapter(adapter, async (script) => {
    try {
      await db.exec(script);
    } catch (error) {
      throw toDriverAdapterError(error);
    }
  });
}

/** A fresh in-memory PGlite as the shadow database, closed when the engine disposes of it. */
export async function connectPgliteShadow(): Promise<SqlDriverAdapter> {
  const db = await openScratchPglite();
  return disposingAlso(await connectPgliteAdapter(db), () => db.close());
}

/**
 * A PGlite opened on first use (a fresh data directory costs seconds and about 1.2 GB), so
 * commands that never touch the main database, such as `migrate diff` between migrations and
 * a schema, neither create nor open it.
 */
export class LazyPglite {
  readonly #dataDir: string | undefined;
  readonly #scratch: boolean;
  #opening: Promise<PGlite> | undefined;
  #release: (() => void) | undefined;

  /** `dataDir` undefined: in memory; `scratch`: see {@link openScratchPglite}. */
  constructor(dataDir: string | undefined, options: { scratch?: boolean } = {}) {
    this.#dataDir = dataDir;
    this.#scratch = options.scratch ?? false;
  }

  get(): Promise<PGlite> {
    this.#opening ??= this.#open();
    return this.#opening;
  }

  async #open(): Promise<PGlite> {
    const dataDir = this.#dataDir;
    if (dataDir === undefined) return this.#scratch ? openScratchPglite() : openPglite(undefined);
    // The same lock the application takes: never two processes on one data directory.
    const release = lockDataDir(dataDir);
    try {
      const db = await openPglite(dataDir);
      this.#release = release;
      return db;
    } catch (error) {
      release();
      throw error;
    }
  }

  async close(): Promise<void> {
    const opening = this.#opening;
    this.#opening = undefined;
    if (!opening) return;
    try {
      await (await opening).close();
    } finally {
      this.#release?.();
      this.#release = undefined;
    }
  }
}

/** An adapter that opens its PGlite on the first call that needs the database. */
export function lazyPgliteAdapter(lazy: LazyPglite): SqlDriverAdapter {
  let connecting: Promise<SqlDriverAdapter> | undefined;
  const adapter = (): Promise<SqlDriverAdapter> => (connecting ??= lazy.get().then(connectPgliteAdapter));
  return {
    provider: 'postgres',
    adapterName: 'pglite-prisma-adapter',
    queryRaw: async (query) => (await adapter()).queryRaw(query),
    executeRaw: async (query) => (await adapter()).executeRaw(query),
    executeScript: async (script) => (await adapter()).executeScript(script),
    startTransaction: async (isolationLevel) => (await adapter()).startTransaction(isolationLevel),
    getConnectionInfo: () => ({ supportsRelationJoins: true }),
    dispose: async () => {
      await connecting?.then(
        (connected) => connected.dispose(),
        () => undefined,
      );
    },
  };
}

/**
 * `cli can-connect-to-database` for `pglite:`. PGlite creates its directory on first open, so
 * only a path that exists and is not a directory cannot work; nothing is created here.
 */
export async function canConnectToPglite(dataDir: string | undefined): Promise<void> {
  if (dataDir === undefined || !existsSync(dataDir)) return;
  if (!(await stat(dataDir)).isDirectory()) {
    throw new EngineError('P1001', `The PGlite data directory \`${dataDir}\` is not a directory.`);
  }
}

/** `cli drop-database` for `pglite:`: removes the data directory if it holds a database. */
export async function dropPgliteDatabase(dataDir: string | undefined): Promise<void> {
  if (dataDir === undefined || !existsSync(dataDir)) return;
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    throw new EngineError(undefined, `\`${dataDir}\` is not a PGlite data directory; not removing it.`);
  }
  await rm(dataDir, { recursive: true, force: true });
}
