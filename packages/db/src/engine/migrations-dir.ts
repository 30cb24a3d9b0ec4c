import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MigrationDirectory, MigrationList } from '@prisma/schema-engine-wasm';

const LOCKFILE = 'migration_lock.toml';
const MIGRATION_FILE = 'migration.sql';

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads a migrations directory into the engine's input exactly as the Prisma CLI does: every
 * subdirectory (sorted by name) with its `migration.sql`, and the lockfile.
 */
export async function readMigrationsList(baseDir: string, shadowDbInitScript = ''): Promise<MigrationList> {
  const lockfileContent = await readFile(join(baseDir, LOCKFILE), 'utf8').catch(() => null);
  const entries = await readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const directories = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory())
      .map(async (entry): Promise<MigrationDirectory> => {
        const content = await readFile(join(baseDir, entry.name, MIGRATION_FILE), 'utf8').then(
          (value) => ({ tag: 'ok' as const, value }),
          (error: unknown) => ({ tag: 'error' as const, value: reason(error) }),
        );
        return { path: entry.name, migrationFile: { path: MIGRATION_FILE, content } };
      }),
  );
  return {
    baseDir,
    lockfile: { path: LOCKFILE, content: lockfileContent },
    migrationDirectories: directories.sort((a, b) => a.path.localeCompare(b.path)),
    shadowDbInitScript,
  };
}
