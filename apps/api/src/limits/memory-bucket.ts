import { budgetState, type BudgetState, type CostBucketStore } from './bucket.ts';

/** Buckets in this process's memory: for a single API process. */
export function memoryBuckets(windowMs: number, now: () => number = Date.now): CostBucketStore {
  const buckets = new Map<string, { level: number; at: number }>();
  return {
    async take(key: string, capacity: number, cost: number): Promise<BudgetState> {
      const t = now();
      const bucket = buckets.get(key) ?? { level: 0, at: t };
      const drained = Math.max(0, bucket.level - ((t - bucket.at) * capacity) / windowMs);
      const allowed = drained + cost <= capacity;
      const level = allowed ? drained + cost : drained;
      if (level === 0) buckets.delete(key);
      else buckets.set(key, { level, at: t });
      return budgetState(level, capacity, windowMs, allowed, cost);
    },
    async close() {
      buckets.clear();
    },
  };
}
