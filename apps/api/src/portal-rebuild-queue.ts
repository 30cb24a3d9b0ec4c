/** The changes one run answers: the entity types changed since the last run, and when the latest was. */
export interface RebuildBatch {
  entityTypes: string[];
  /** The stations whose pages changed; null or absent when the whole site may have (a change of no one station, the start-up build). */
  stationIds?: number[] | null;
  at: Date;
}

/** One rebuild (or notification); it should stop early when `signal` aborts (shutdown). */
export type RebuildTask = (batch: RebuildBatch, signal: AbortSignal) => Promise<unknown>;

export interface RebuildQueueOptions {
  /** Names the task in the log, e.g. `Portal build`. */
  label: string;
  task: RebuildTask;
  /** Quiet time after the last change before a run starts (ms); default 2,000. */
  debounceMs?: number;
  /** Longest a change waits for a run while changes keep coming (ms); default 10 × `debounceMs`. */
  maxWaitMs?: number;
  /** Appended to the log line of a failed run. */
  failureHint?: string;
  log?: { info(line: string): void; error(line: string): void };
}

/** What a queue has done and is doing. */
export interface RebuildStatus {
  /** A run is in progress. */
  running: boolean;
  /** Changes are waiting for a run (the next one, or the one after the run in progress). */
  pending: boolean;
  runs: number;
  failures: number;
  lastStartedAt: Date | null;
  lastFinishedAt: Date | null;
  lastSucceededAt: Date | null;
  lastDurationMs: number | null;
  /** The last run's error, or null if it succeeded. */
  lastError: string | null;
}

export interface RebuildQueue {
  /** Records a change (of one station's pages, or without `stationId` of any); a run follows once changes stop for `debounceMs`. */
  changed(entityType: string, stationId?: number | null): void;
  /** Starts a run as soon as none is running (the start-up build). */
  runNow(): void;
  status(): RebuildStatus;
  /** Resolves once nothing is running, waiting or scheduled. */
  idle(): Promise<void>;
  /** Stops: cancels the scheduled run, aborts the running one and waits for it. Later changes are ignored. */
  close(): Promise<void>;
}

/**
 * Runs `task` for bursts of changes: changes within the debounce window share one run, at most
 * one run is in progress, and changes arriving during a run cause exactly one follow-up run.
 * A failed run is logged and recorded; the queue keeps going.
 */
export function createRebuildQueue({
  label,
  task,
  debounceMs = 2_000,
  maxWaitMs = debounceMs * 10,
  failureHint,
  log = { info: (line) => console.log(line), error: (line) => console.error(line) },
}: RebuildQueueOptions): RebuildQueue {
  const pendingTypes = new Set<string>();
  const pendingStations = new Set<number>();
  let pendingAll = false;
  let pending = false;
  let firstPendingAt = 0;
  let lastChangeAt = new Date();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let closed = false;
  const controller = new AbortController();
  let idleWaiters: (() => void)[] = [];
  const status: RebuildStatus = {
    running: false,
    pending: false,
    runs: 0,
    failures: 0,
    lastStartedAt: null,
    lastFinishedAt: null,
    lastSucceededAt: null,
    lastDurationMs: null,
    lastError: null,
  };

  const settleIdle = () => {
    if (running || timer || pending) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const schedule = (delayMs: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      start();
    }, Math.max(0, delayMs));
  };

  const start = () => {
    if (closed || running || !pending) return;
    const batch: RebuildBatch = { entityTypes: [...pendingTypes].sort(), stationIds: pendingAll ? null : [...pendingStations].sort((a, b) => a - b), at: lastChangeAt };
    pendingTypes.clear();
    pendingStations.clear();
    pendingAll = false;
    pending = false;
    const started = performance.now();
    status.running = true;
    status.lastStartedAt = new Date();
    status.runs += 1;
    running = (async () => {
      const what = batch.entityTypes.length > 0 ? ` (${batch.entityTypes.join(', ')})` : '';
      log.info(`${label} started${what}.`);
      try {
        await task(batch, controller.signal);
        status.lastError = null;
        status.lastSucceededAt = new Date();
        log.info(`${label} done in ${seconds(performance.now() - started)}${what}.`);
      } catch (error) {
        if (closed) return;
        status.failures += 1;
        status.lastError = error instanceof Error ? error.message : String(error);
        log.error(`${label} failed after ${seconds(performance.now() - started)}${what}: ${status.lastError}${failureHint ? `\n${failureHint}` : ''}`);
      } finally {
        status.running = false;
        status.lastFinishedAt = new Date();
        status.lastDurationMs = Math.round(performance.now() - started);
        running = null;
        if (pending && !closed) schedule(debounceMs - (Date.now() - lastChangeAt.getTime()));
        settleIdle();
      }
    })();
  };

  return {
    changed(entityType, stationId = null) {
      if (closed) return;
      const now = Date.now();
      if (!pending) firstPendingAt = now;
      pending = true;
      pendingTypes.add(entityType);
      if (stationId === null) pendingAll = true;
      else pendingStations.add(stationId);
      lastChangeAt = new Date(now);
      if (running) return;
      schedule(Math.min(debounceMs, firstPendingAt + maxWaitMs - now));
    },
    runNow() {
      if (closed) return;
      if (!pending) firstPendingAt = Date.now();
      pending = true;
      pendingAll = true;
      if (timer) clearTimeout(timer);
      timer = null;
      start();
    },
    status: () => ({ ...status, pending }),
    idle() {
      return new Promise((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      });
    },
    async close() {
      closed = true;
      pending = false;
      pendingTypes.clear();
      pendingStations.clear();
      if (timer) clearTimeout(timer);
      timer = null;
      controller.abort();
      await running;
      settleIdle();
    },
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
