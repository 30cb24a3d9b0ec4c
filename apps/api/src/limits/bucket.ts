/** The state of a caller's cost budget after a request was counted (or refused). */
export interface BudgetState {
  /** Whether the request fits in the budget (and was counted). */
  allowed: boolean;
  /** The budget: cost units per window. */
  limit: number;
  /** Cost units the caller may still spend right now. */
  remaining: number;
  /** Seconds until the whole budget is available again. */
  resetSeconds: number;
  /** When refused: seconds until this request's cost would fit. */
  retryAfterSeconds: number;
}

/**
 * A leaky bucket per key: each request pours its cost in, the bucket drains `capacity` units
 * per window, and a request that would overflow it is refused (and not counted).
 */
export interface CostBucketStore {
  take(key: string, capacity: number, cost: number): Promise<BudgetState>;
  close(): Promise<void>;
}

/** Budget state from a bucket's level (cost units in it) after a request. */
export function budgetState(level: number, capacity: number, windowMs: number, allowed: boolean, cost: number): BudgetState {
  const perMs = capacity / windowMs;
  return {
    allowed,
    limit: capacity,
    remaining: Math.max(0, Math.floor(capacity - level)),
    resetSeconds: Math.ceil(level / perMs / 1000),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((level + cost - capacity) / perMs / 1000)),
  };
}
