import type { PGlite } from '@electric-sql/pglite';
import type { ApplyMigrationsOutput } from '@prisma/schema-engine-wasm';
import { fileURLToPath } from 'node:url';
import { type OwnedAdapterFactory, openAdapterFactory, pgliteAdapterFactory } from './engine/adapters.ts';
import { readMigrationsList } from './engine/migrations-dir.ts';
import { EngineSession } from './engine/session.ts';
import { serializeEngineWork } from './engine/wasm.ts';

/** Options of {@link applyMigrations} and {@link applyMigrationsToPglite}. */
export interface MigrateOptions {
  /** The migrations directory; defaults to the repository's `prisma/migrations`. */
  migrationsDir?: string;
}

/** What a migration run did. */
export interface MigrateResult {
  /** Names of the migrations applied by this call, oldest first; empty when up to date. */
  applied: string[];
}

/** The repository's `prisma/migrations`: what {@link applyMigrations} applies unless told otherwise. */
export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL('../../../prisma/migrations', import.meta.url));


async function run(factory: OwnedAdapterFactory, options: MigrateOptions): Promise<MigrateResult> {
  const migrationsList = await readMigrationsList(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const session = await EngineSession.open({ datamodels: [], factory });
  try {
    const output = (await session.call('applyMigrations', {
      migrationsList,
      filters: { externalTables: [], externalEnums: [] },
    })) as ApplyMigrationsOutput;
    return { applied: output.appliedMigrationNames };
  } finally {
    await session.close();
  }
}

/**
 * Applies pending migrations to the database at `url` (`postgres://…`, `pglite:<dir>`,
 * `pglite:memory`) with Prisma's own schema engine (WASM) in this process, recording them in
 * `_prisma_migrations` exactly as `prisma migrate deploy` does. A failing migration is rolled
 * back whole and the call rejects with an `EngineError` carrying the Prisma error code.
 */
export function applyMigrations(url: string, options: MigrateOptions = {}): Promise<MigrateResult> {
  return serializeEngineWork(() => run(openAdapterFactory({ url }), options));
}

/**
 * Applies pending migrations to a PGlite instance the caller owns and keeps open: the
 * application migrates its embedded database before handing the instance to Prisma.
 */
export function applyMigrationsToPglite(db: PGlite, options: MigrateOptions = {}): Promise<MigrateResult> {
  return serializeEngineWork(() => run(pgliteAdapterFactory(db), options));
}

export { EngineError } from './engine/errors.ts';
