import { randomBytes } from 'node:crypto';
import { type Database, type DatabaseTarget, dumpPglite } from '@openstation/db';
import type { OperatorAccess } from '../auth/principal.ts';
import { secretMatches, sha256 } from '../auth/tokens.ts';
import { OPERATOR_HEADER } from './headers.ts';
import { isLoopback, type ServerContext } from './loopback.ts';
import { databaseLabel, removeServerState, stateFilePath, writeServerState } from './state-file.ts';

/** The path the backup handler answers (GET, operator token, from this machine). */
export const BACKUP_PATH = '/operator/backup';

/** A fetch handler with the Node adapter's server context (for the caller's address). */
export type OperatorHandler = (request: Request, serverContext?: ServerContext) => Promise<Response>;

/** The running server's channel for the command-line tools on this machine. */
export interface OperatorChannel extends OperatorAccess {
  /** The state file the tools read (null for an in-memory database: nothing else can open it). */
  readonly stateFile: string | null;
  /** `GET /operator/backup`: a consistent backup of the embedded database, while it serves. */
  readonly backup: OperatorHandler;
  /** Writes the state file: call it once the server listens, so the tools find it answering. */
  publish(): void;
  /** Removes the state file (on shutdown). */
  close(): void;
}

const problem = (status: number, message: string) =>
  new Response(`${JSON.stringify({ error: message })}\n`, { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

/** Whether a request carries the operator token and comes from this machine. */
export function isOperatorRequest(request: Request, serverContext: ServerContext | undefined, token: string): boolean {
  const given = request.headers.get(OPERATOR_HEADER);
  return given !== null && isLoopback(request, serverContext) && secretMatches(given, sha256(token));
}

/** The backup route: a gzipped tarball of the embedded database's directory, made between queries. */
export function backupHandler(token: string, pglite: Database['pglite']): OperatorHandler {
  return async (request, serverContext) => {
    if (request.method !== 'GET') return problem(405, 'Use GET.');
    if (!isOperatorRequest(request, serverContext, token)) return problem(401, 'Backups are for the operator channel: run `pnpm backup` on the machine that runs the server.');
    if (!pglite) return problem(409, 'The server runs on PostgreSQL: back it up with pg_dump (docs/operations.md).');
    const backup = await dumpPglite(pglite);
    return new Response(backup, {
      headers: { 'content-type': 'application/gzip', 'content-disposition': 'attachment; filename="openstation-backup.tar.gz"', 'cache-control': 'no-store' },
    });
  };
}

/**
 * Opens the operator channel of a server that will listen at `url` (as reached from this
 * machine, e.g. `http://127.0.0.1:4000`): a new token, or `token` (the one every API worker shares). Pass the channel to
 * `createApi({ operator })`, mount `backup` at {@link BACKUP_PATH}, `publish()` it once the
 * server listens (the state file beside the data, with the pid, mode 0600), and `close()` it
 * on shutdown.
 */
export function openOperatorChannel({ target, url, pglite, token = randomBytes(32).toString('base64url') }: { target: DatabaseTarget; url: string; pglite: Database['pglite']; token?: string }): OperatorChannel {
  const stateFile = stateFilePath(target);
  return {
    token,
    stateFile,
    backup: backupHandler(token, pglite),
    publish: () => {
      if (stateFile) writeServerState(stateFile, { pid: process.pid, url: url.replace(/\/+$/, ''), token, database: databaseLabel(target) });
    },
    close: () => {
      if (stateFile) removeServerState(stateFile, token);
    },
  };
}
