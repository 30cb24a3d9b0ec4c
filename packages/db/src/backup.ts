import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase } from './database.ts';
import { DatabaseUnavailableError } from './errors.ts';
import { lockDataDir } from './pglite-lock.ts';

const LOCK_FILE = 'openstation.lock';

/**
 * A consistent gzipped tarball of an open embedded database, taken while it keeps serving:
 * a checkpoint, then PGlite's `dumpDataDir`, which runs between queries. A transaction still
 * open at that moment is not in the backup (as after a crash).
 */
export async function dumpPglite(pglite: PGlite): Promise<Blob> {
  await pglite.exec('CHECKPOINT');
  return pglite.dumpDataDir('gzip');
}

/** Rows in the tables a restore is checked by. */
export type RowCounts = Record<string, number>;

const COUNTED = ['Station', 'Area', 'Officer', 'ServiceItem', 'WorkReport', 'MediationCase', 'SurveyResponse', 'StaffUser', 'ApiClient', 'AuditEntry'] as const;

/** Opens an embedded database directory (applying pending migrations) and counts its main tables. */
export async function checkPgliteDir(dataDir: string): Promise<{ counts: RowCounts; migrations: number }> {
  const db = await openDatabase(`pglite:${dataDir}`);
  try {
    const counts: RowCounts = {};
    for (const table of COUNTED) {
      const [row] = await db.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}"`);
      counts[table] = row?.n ?? 0;
    }
    const [applied] = await db.prisma.$queryRawUnsafe<{ n: number }[]>('SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL');
    return { counts, migrations: applied?.n ?? 0 };
  } finally {
    await db.close();
  }
}

export interface RestoreResult {
  /** Where the directory that was replaced now is (null when there was none). */
  kept: string | null;
  counts: RowCounts;
  /** Migrations recorded as applied in the restored database. */
  migrations: number;
}

const stamp = (now: Date) => now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');

/**
 * Restores a `dumpPglite` backup into `dataDir`: unpacks it into a fresh directory beside it,
 * opens it (pending migrations applied) and counts its rows, and only then swaps it in,
 * keeping the previous directory aside as `<dataDir>.before-restore-<time>`. Refuses
 * (DatabaseUnavailableError) while any process has `dataDir` open. A backup that does not
 * open leaves everything as it was.
 */
export async function restorePglite(dataDir: string, backup: Blob, now = new Date()): Promise<RestoreResult> {
  const lock = existsSync(dataDir) ? lockDataDir(dataDir) : null;
  let locked = lock !== null;
  const release = () => {
    if (locked) lock?.();
    locked = false;
  };
  const fresh = join(dirname(dataDir), `${basename(dataDir)}.restoring-${stamp(now)}`);
  try {
    let pglite: PGlite;
    try {
      pglite = await PGlite.create({ dataDir: fresh, loadDataDir: backup });
    } catch (error) {
      throw new DatabaseUnavailableError(`The backup could not be unpacked: ${(error as Error).message}. Is it a file written by \`pnpm backup\`?`, { cause: error });
    }
    await pglite.close();
    rmSync(join(fresh, LOCK_FILE), { force: true });
    const { counts, migrations } = await checkPgliteDir(fresh);
    let kept: string | null = null;
    if (existsSync(dataDir)) {
      kept = join(dirname(dataDir), `${basename(dataDir)}.before-restore-${stamp(now)}`);
      release();
      renameSync(dataDir, kept);
      rmSync(join(kept, LOCK_FILE), { force: true });
    }
    renameSync(fresh, dataDir);
    return { kept, counts, migrations };
  } catch (error) {
    rmSync(fresh, { recursive: true, force: true });
    throw error;
  } finally {
    release();
  }
}
