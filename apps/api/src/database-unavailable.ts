import { DatabaseUnavailableError } from '@openstation/db';

/**
 * Prisma's codes for a database that cannot answer now: cannot be reached (P1001), timed out
 * (P1002, P1008), closed the connection (P1017), no connection free in the pool in time
 * (P2024), or no transaction could start in time (P2028: every connection is busy).
 */
const UNAVAILABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);

/** What the driver adapter reports (`meta.driverAdapterError.cause.kind`) when the server is out of reach. */
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);

/** Seconds a caller should wait before retrying after SERVICE_UNAVAILABLE. */
export const RETRY_AFTER_SECONDS = 5;

/** pg-pool's message when no connection came free within `connectionTimeoutMillis` (5 s). */
const POOL_TIMEOUT = /timeout exceeded when trying to connect/;

/** Whether `error` (from Prisma, its driver adapter or `openDatabase`) says the database cannot answer right now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    if (current instanceof DatabaseUnavailableError) return true;
    const { code, kind, message, meta, cause } = current as { code?: unknown; kind?: unknown; message?: unknown; meta?: { driverAdapterError?: unknown }; cause?: unknown };
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof kind === 'string' && UNAVAILABLE_KINDS.has(kind)) return true;
    if (typeof message === 'string' && POOL_TIMEOUT.test(message)) return true;
    current = meta?.driverAdapterError ?? cause;
  }
  return false;
}
