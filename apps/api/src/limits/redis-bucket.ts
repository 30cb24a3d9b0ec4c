import { Redis } from 'ioredis';
import { budgetState, type BudgetState, type CostBucketStore } from './bucket.ts';

/**
 * Drain, test and fill in one atomic step, on Redis' clock (so API processes with skewed
 * clocks agree). Returns { allowed, level } with the level as a string (Lua numbers would be
 * truncated to integers).
 */
const TAKE = `
local capacity = tonumber(ARGV[1])
local window_ms = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'level', 'at')
local level = tonumber(state[1]) or 0
local at = tonumber(state[2]) or now
local per_ms = capacity / window_ms
level = math.max(0, level - math.max(0, now - at) * per_ms)
local allowed = 0
if level + cost <= capacity then
  level = level + cost
  allowed = 1
end
redis.call('HSET', KEYS[1], 'level', tostring(level), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(level / per_ms) + 1000)
return { allowed, tostring(level) }
`;

export interface RedisBucketOptions {
  /** Prefix of every key, e.g. `openstation:budget:` (tests use a unique one). */
  keyPrefix?: string;
}

/** Buckets shared by every API process that uses the same Redis. */
export function redisBuckets(url: string, windowMs: number, options: RedisBucketOptions = {}): CostBucketStore {
  const redis = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
  const prefix = options.keyPrefix ?? 'openstation:budget:';
  let sha: string | null = null;

  async function run(key: string, args: string[]): Promise<unknown> {
    sha ??= (await redis.script('LOAD', TAKE)) as string;
    try {
      return await redis.evalsha(sha, 1, key, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(TAKE, 1, key, ...args);
    }
  }

  return {
    async take(key: string, capacity: number, cost: number): Promise<BudgetState> {
      const reply = await run(`${prefix}${key}`, [String(capacity), String(windowMs), String(cost)]);
      if (!Array.isArray(reply)) throw new Error('Unexpected reply from the rate-limit script.');
      const allowed = reply[0] === 1;
      return budgetState(Number(reply[1]), capacity, windowMs, allowed, cost);
    },
    async close() {
      await redis.quit();
    },
  };
}
