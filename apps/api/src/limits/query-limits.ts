/**
 * Limits on one operation, checked by the complexity plugin before any root field resolves.
 * Every field costs 1; the selection under a list costs 10 times its own cost.
 */
export const QUERY_LIMITS = { depth: 15, breadth: 400, complexity: 50_000 } as const;
