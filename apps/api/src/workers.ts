import { randomBytes } from 'node:crypto';
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { parseDatabaseUrl } from '@openstation/db';
import type { PublicChange } from './domain/public-change.ts';

/**
 * Several API processes on one machine (`API_WORKERS`): replicas that share the port through
 * node:cluster, so that a machine's cores all serve (one Node process runs its JavaScript on one
 * core). Like replicas on several machines they share state through PostgreSQL and Redis; one of
 * them, the leader, also does what must happen once: the portal build, the daily schedule and
 * the operator channel's state file. The primary process only starts, restarts and stops them.
 */

/** Tells a worker its index; the worker with index 0 leads. */
const WORKER_ENV = 'OPENSTATION_WORKER';
/** The operator token every worker accepts (the leader publishes it in the state file). */
const OPERATOR_TOKEN_ENV = 'OPENSTATION_OPERATOR_TOKEN';
/** The pid that stops them all (the primary's), for the leader's "Stop:" line. */
const PRIMARY_PID_ENV = 'OPENSTATION_PRIMARY_PID';

/** Messages between a worker and the primary. */
type WorkerMessage = { type: 'ready' } | { type: 'public-change'; change: PublicChange };

/** How many API processes `API_WORKERS` asks for: a whole number, or `auto` (one per CPU); 1 when unset. */
export function workersFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env.API_WORKERS?.trim();
  if (!raw) return 1;
  if (raw === 'auto') return availableParallelism();
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > 64) throw new Error(`API_WORKERS must be a whole number from 1 to 64, or auto, not "${raw}".`);
  return count;
}

/** Why `count` processes cannot run with this environment, or null. */
export function workerSetupProblem(count: number, env: NodeJS.ProcessEnv): string | null {
  if (count === 1) return null;
  if (parseDatabaseUrl(env.DATABASE_URL).kind === 'pglite') {
    return `API_WORKERS=${count} needs PostgreSQL (DATABASE_URL=postgres://…): the embedded database lives inside one process.`;
  }
  if (!env.REDIS_URL) {
    return `API_WORKERS=${count} needs REDIS_URL: cost budgets, login throttling, the survey limit and the response cache must be shared by the processes, or each would keep its own.`;
  }
  return null;
}

/** What this process is: the only one (no workers), the leader worker, or another worker. */
export interface WorkerRole {
  /** Whether it does what happens once (portal build, schedule, state file): true without workers. */
  leader: boolean;
  /** Its index among the workers; null without workers. */
  index: number | null;
  /** The operator token the primary chose for all workers; null: make one. */
  operatorToken: string | null;
  /** The pid that stops the server (the primary's with workers, else this one's). */
  stopPid: number;
  /** Tells the primary this worker listens (no-op without workers). */
  ready(): void;
  /**
   * Passes a committed change on to the leader, whose portal rebuilds (no-op without workers
   * or in the leader). The leader's listener is `onForwardedChange`.
   */
  forward(change: PublicChange): void;
  /** In the leader: calls `listener` with the changes the other workers committed. */
  onForwardedChange(listener: (change: PublicChange) => void): void;
}

export function workerRole(env: NodeJS.ProcessEnv = process.env): WorkerRole {
  const send = (message: WorkerMessage) => {
    if (cluster.isWorker && process.connected) process.send?.(message);
  };
  if (!cluster.isWorker || env[WORKER_ENV] === undefined) {
    return { leader: true, index: null, operatorToken: null, stopPid: process.pid, ready: () => {}, forward: () => {}, onForwardedChange: () => {} };
  }
  const index = Number(env[WORKER_ENV]);
  const leader = index === 0;
  return {
    leader,
    index,
    operatorToken: env[OPERATOR_TOKEN_ENV] ?? null,
    stopPid: Number(env[PRIMARY_PID_ENV]) || process.pid,
    ready: () => send({ type: 'ready' }),
    forward: (change) => {
      if (!leader) send({ type: 'public-change', change });
    },
    onForwardedChange: (listener) => {
      if (!leader) return;
      process.on('message', (message: WorkerMessage) => {
        if (message?.type === 'public-change') listener(message.change);
      });
    },
  };
}

/** A worker that dies after it has served is started again after this long (longer each time in a row, up to a minute). */
const RESTART_AFTER_MS = 1_000;
/** Workers still running this long after the stop signal are killed. */
const STOP_GRACE_MS = 15_000;

/**
 * The primary: starts the leader, then the other workers once the leader has applied the
 * migrations and listens; restarts a worker that dies (a new leader if it was the leader);
 * passes SIGINT, SIGTERM and SIGHUP on and exits once every worker has stopped (0 if all
 * stopped cleanly). A worker that dies before it ever listened stops the whole server.
 */
export function runPrimary(count: number, port: number): void {
  const operatorToken = randomBytes(32).toString('base64url');
  const byIndex = new Map<number, Worker>();
  const ready = new Set<number>();
  /** Indexes that have served: a restart of one may fail (the database down) and is tried again. */
  const served = new Set<number>();
  const restarts = new Map<number, number>();
  let stopping = false;
  let failed = false;
  let announced = false;
  const started = performance.now();

  const fork = (index: number) => {
    const worker = cluster.fork({ [WORKER_ENV]: String(index), [OPERATOR_TOKEN_ENV]: operatorToken, [PRIMARY_PID_ENV]: String(process.pid) });
    byIndex.set(index, worker);
    worker.on('message', (message: WorkerMessage) => {
      if (message?.type === 'ready') {
        ready.add(index);
        served.add(index);
        restarts.delete(index);
        if (index === 0 && byIndex.size === 1) for (let i = 1; i < count; i++) fork(i);
        if (ready.size === count && !stopping && !announced) {
          announced = true;
          console.log(`OpenStation API: ${count} worker processes ready in ${Math.round(performance.now() - started)} ms on port ${port}. Stop: Ctrl-C, SIGTERM, or kill -INT ${process.pid} (the primary's pid).`);
        }
      } else if (message?.type === 'public-change' && index !== 0) {
        const leader = byIndex.get(0);
        if (leader?.isConnected()) leader.send(message);
      }
    });
    worker.on('exit', (code, signal) => {
      if (byIndex.get(index) === worker) byIndex.delete(index);
      ready.delete(index);
      if (stopping) {
        if (code !== 0) failed = true;
        if (byIndex.size === 0) process.exit(failed ? 1 : 0);
        return;
      }
      console.error(`Worker ${index} (pid ${worker.process.pid}) exited (${signal ?? `code ${code}`}).`);
      if (!served.has(index)) {
        // It never served: the set-up is wrong (its error is above). Stop rather than loop.
        failed = true;
        console.error('It stopped before it ever served: stopping the server.');
        stop('SIGTERM');
        if (byIndex.size === 0) process.exit(1);
        return;
      }
      const inARow = (restarts.get(index) ?? 0) + 1;
      restarts.set(index, inARow);
      setTimeout(() => {
        if (!stopping) fork(index);
      }, Math.min(RESTART_AFTER_MS * 2 ** (inARow - 1), 60_000)).unref();
    });
  };

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const worker of byIndex.values()) worker.process.kill(signal);
    setTimeout(() => {
      for (const worker of byIndex.values()) worker.process.kill('SIGKILL');
    }, STOP_GRACE_MS).unref();
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      console.log(`${signal} received: stopping the ${count} worker processes…`);
      stop(signal);
    });
  }
  fork(0);
}
