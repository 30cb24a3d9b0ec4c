import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseUnavailableError } from './errors.ts';

const LOCK_FILE = 'openstation.lock';

/** Whether a process with this id runs on this machine (one we may not signal counts as running). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock on a PGlite data directory (one process may open it at a time).
 * A lock left by a process that no longer runs is taken over. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isProcessAlive(holder)) {
        throw new DatabaseUnavailableError(
          `The embedded database in "${dataDir}" is in use by process ${holder}, most likely the running server (\`pnpm start\`). ` +
            'While the server runs, the command-line tools (create-admin, import-csv, export-csv, backup, …) talk to it instead of ' +
            'opening the database: if one of them printed this, the server has not written its state file (restart it, or stop ' +
            `process ${holder} and run the command again). Only one process may open the embedded database at a time.`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new DatabaseUnavailableError(`Could not lock the embedded database in "${dataDir}".`);
}
