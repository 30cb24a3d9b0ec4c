import type { RateLimitOptions } from './cost-plugin.ts';
import { positiveInt } from './env.ts';
import { memoryBuckets } from './memory-bucket.ts';
import { redisBuckets } from './redis-bucket.ts';

/**
 * Cost budgets from the environment: buckets in Redis when `REDIS_URL` is set (shared by all
 * API processes), in memory otherwise; `RATE_LIMIT_WINDOW_SECONDS`, `ANONYMOUS_COST_BUDGET`,
 * `STAFF_COST_BUDGET`, `TRUST_PROXY=1`, `RATE_LIMIT_LOOPBACK=1` (budget local anonymous requests too).
 */
export function rateLimitFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimitOptions {
  const windowMs = positiveInt(env, 'RATE_LIMIT_WINDOW_SECONDS', 60) * 1000;
  return {
    store: env.REDIS_URL ? redisBuckets(env.REDIS_URL, windowMs) : memoryBuckets(windowMs),
    anonymousBudget: positiveInt(env, 'ANONYMOUS_COST_BUDGET', 100_000),
    staffBudget: positiveInt(env, 'STAFF_COST_BUDGET', 300_000),
    trustProxy: env.TRUST_PROXY === '1',
    exemptLoopback: env.RATE_LIMIT_LOOPBACK !== '1',
  };
}
