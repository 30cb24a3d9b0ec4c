import { readdir } from 'node:fs/promises';
import type { PrismaClient } from './generated/prisma/client.ts';
import { DEFAULT_MIGRATIONS_DIR, type MigrateOptions } from './migrate.ts';

/** Resolves once the database answers `SELECT 1`; rejects with the driver's error when it does not. */
export async function pingDatabase(prisma: PrismaClient): Promise<void> {
  await prisma.$queryRaw`SELECT 1`;
}

/**
 * The migrations in the migrations directory (by default the repository's `prisma/migrations`)
 * that the database has not applied, oldest first: those missing from `_prisma_migrations`,
 * or recorded there only as failed or rolled back. All of them when the table does not exist.
 */
export async function pendingMigrations(prisma: PrismaClient, options: MigrateOptions = {}): Promise<string[]> {
  const entries = await readdir(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
  const [table] = await prisma.$queryRaw<{ present: boolean }[]>`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`;
  if (!table?.present) return names;
  const applied = await prisma.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const done = new Set(applied.map((row) => row.migration_name));
  return names.filter((name) => !done.has(name));
}
