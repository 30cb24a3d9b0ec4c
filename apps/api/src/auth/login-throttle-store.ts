import { Redis } from 'ioredis';

/** Failed logins counted under one key (an account or an address), and when the last was. */
export interface LoginFailures {
  failures: number;
  lastFailureAt: number;
}

/** Where failed logins are counted: in memory (one process) or in Redis (shared by replicas). */
export interface LoginThrottleStore {
  read(key: string): Promise<LoginFailures | null>;
  /** Counts one more failure at `at` (ms); the key is forgotten `ttlMs` after its last failure. */
  fail(key: string, at: number, ttlMs: number): Promise<LoginFailures>;
  clear(key: string): Promise<void>;
  close(): Promise<void>;
}

/** Failures in this process's memory. */
export function memoryLoginStore(now: () => number = Date.now): LoginThrottleStore {
  const entries = new Map<string, LoginFailures & { expiresAt: number }>();
  const live = (key: string) => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) entries.delete(key);
    return entries.get(key) ?? null;
  };
  return {
    async read(key) {
      const entry = live(key);
      return entry && { failures: entry.failures, lastFailureAt: entry.lastFailureAt };
    },
    async fail(key, at, ttlMs) {
      const failures = (live(key)?.failures ?? 0) + 1;
      entries.set(key, { failures, lastFailureAt: at, expiresAt: at + ttlMs });
      return { failures, lastFailureAt: at };
    },
    async clear(key) {
      entries.delete(key);
    },
    async close() {
      entries.clear();
    },
  };
}

/** Failures in Redis, shared by every API process that uses it (`REDIS_URL`). */
export function redisLoginStore(url: string, keyPrefix = 'openstation:login:'): LoginThrottleStore {
  const redis = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
  return {
    async read(key) {
      const [failures, last] = await redis.hmget(keyPrefix + key, 'failures', 'last');
      return failures ? { failures: Number(failures), lastFailureAt: Number(last) } : null;
    },
    async fail(key, at, ttlMs) {
      const k = keyPrefix + key;
      const result = await redis.multi().hincrby(k, 'failures', 1).hset(k, 'last', String(at)).pexpire(k, ttlMs).exec();
      return { failures: Number(result?.[0]?.[1] ?? 1), lastFailureAt: at };
    },
    async clear(key) {
      await redis.del(keyPrefix + key);
    },
    async close() {
      redis.disconnect();
    },
  };
}
