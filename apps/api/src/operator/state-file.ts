import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { type DatabaseTarget, isProcessAlive, redact } from '@openstation/db';

/** What a running server tells the command-line tools on this machine (mode 0600). */
export interface ServerState {
  pid: number;
  /** Where the server answers on this machine, e.g. `http://127.0.0.1:4000`. */
  url: string;
  /** The operator token: sent as `X-OpenStation-Operator`. */
  token: string;
  /** The database it serves, as {@link databaseLabel} names it. */
  database: string;
}

/** The database a target names, the same way for the server and the tools (no password). */
export function databaseLabel(target: DatabaseTarget): string {
  return target.kind === 'pglite' ? `pglite:${target.dataDir === null ? 'memory' : resolve(target.dataDir)}` : redact(target.url).replace(/:\*\*\*@/, '@');
}

/**
 * Where the server serving `target` writes its state: beside the embedded database's
 * directory (`data/openstation-server.json` for the default `data/pglite`), or for
 * PostgreSQL under `data/`, keyed by the database. Null for an in-memory database.
 */
export function stateFilePath(target: DatabaseTarget): string | null {
  if (target.kind === 'pglite') {
    if (target.dataDir === null) return null;
    const dir = resolve(target.dataDir);
    const name = basename(dir) === 'pglite' ? 'openstation-server.json' : `openstation-server-${basename(dir)}.json`;
    return join(dirname(dir), name);
  }
  const key = createHash('sha256').update(databaseLabel(target)).digest('hex').slice(0, 12);
  return resolve('data', `openstation-server-${key}.json`);
}

/** Writes the state file readable by its owner only, in one step (no half-written file is ever read). */
export function writeServerState(path: string, state: ServerState): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, path);
}

function parse(text: string): ServerState | null {
  try {
    const value = JSON.parse(text) as Partial<ServerState>;
    const ok = typeof value.pid === 'number' && typeof value.url === 'string' && typeof value.token === 'string' && typeof value.database === 'string';
    return ok ? (value as ServerState) : null;
  } catch {
    return null;
  }
}

/** The state file's contents when it names a running process serving `target`; null when absent, unreadable, stale or for another database. */
export function readLiveServerState(target: DatabaseTarget): { path: string; state: ServerState } | null {
  const path = stateFilePath(target);
  if (path === null) return null;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  const state = parse(text);
  if (!state || state.database !== databaseLabel(target) || !isProcessAlive(state.pid)) return null;
  return { path, state };
}

/** Removes the state file if it is still this server's (same token). */
export function removeServerState(path: string, token: string): void {
  try {
    if (parse(readFileSync(path, 'utf8'))?.token === token) rmSync(path, { force: true });
  } catch {
    // already gone
  }
}
