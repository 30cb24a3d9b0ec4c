/**
 * Survey statistics: pure functions, no I/O. Used by the API to publish results and, later,
 * by the portal to draw them.
 */

/** The normal quantile for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

/** A share with its 95% Wilson score interval. */
export interface Proportion {
  /** Answers counted (the denominator). */
  n: number;
  /** Answers in the group of interest (the numerator). */
  count: number;
  /** `count / n`; null when `n` is 0. */
  share: number | null;
  /** Lower end of the 95% Wilson interval; null when `n` is 0. */
  low: number | null;
  /** Upper end of the 95% Wilson interval; null when `n` is 0. */
  high: number | null;
}

/**
 * The Wilson score interval of `count` successes out of `n` (Wilson 1927): unlike the
 * normal approximation it stays inside [0, 1] and behaves at small `n` and shares near 0 or 1.
 */
export function wilson(count: number, n: number, z = Z95): { low: number; high: number } | null {
  if (!Number.isInteger(count) || !Number.isInteger(n) || count < 0 || n < 0 || count > n) {
    throw new RangeError(`wilson: need whole numbers 0 ≤ count ≤ n, got ${count}/${n}`);
  }
  if (n === 0) return null;
  const p = count / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** `count` of `n` as a {@link Proportion}. */
export function proportion(count: number, n: number): Proportion {
  const interval = wilson(count, n);
  return { n, count, share: n === 0 ? null : count / n, low: interval?.low ?? null, high: interval?.high ?? null };
}

/** Answers to 5-point scale questions: how many chose each score, and how many said "don't know". */
export interface ScaleCounts {
  /** `scores[0]` is the number of 1s … `scores[4]` the number of 5s. */
  scores: readonly [number, number, number, number, number];
  dontKnow: number;
}

export interface ScaleSummary {
  /** Every answer, "don't know" included. */
  answered: number;
  dontKnow: number;
  /** Mean score over the answers with a score (1–5); null when there are none. */
  mean: number | null;
  /** Share satisfied: scores 4 and 5 among the answers with a score. */
  satisfied: Proportion;
}

/** Mean score and share satisfied (4–5 of 5) of scale answers, leaving "don't know" out of both. */
export function summariseScale({ scores, dontKnow }: ScaleCounts): ScaleSummary {
  const rated = scores.reduce((sum, c) => sum + c, 0);
  const total = scores.reduce((sum, c, i) => sum + c * (i + 1), 0);
  return {
    answered: rated + dontKnow,
    dontKnow,
    mean: rated === 0 ? null : total / rated,
    satisfied: proportion(scores[3] + scores[4], rated),
  };
}

/** Adds scale counts (e.g. of the questions of one indicator). */
export function addScaleCounts(a: ScaleCounts, b: ScaleCounts): ScaleCounts {
  const s = a.scores.map((c, i) => c + (b.scores[i] ?? 0)) as [number, number, number, number, number];
  return { scores: s, dontKnow: a.dontKnow + b.dontKnow };
}

export const EMPTY_SCALE: ScaleCounts = { scores: [0, 0, 0, 0, 0], dontKnow: 0 };

/** How a share moved from one campaign to the next. */
export interface ShareChange {
  /** `current.share − previous.share` (a difference of shares, not a percentage change). */
  delta: number;
  /**
   * True when the two 95% intervals do not overlap: a conservative test (it errs towards
   * calling a change noise), so a change flagged here is unlikely to be sampling noise.
   */
  exceedsIntervals: boolean;
}

/** The change between two shares, or null when either has no answers. */
export function compareShares(previous: Proportion, current: Proportion): ShareChange | null {
  if (previous.share === null || current.share === null || previous.low === null || previous.high === null || current.low === null || current.high === null) {
    return null;
  }
  return {
    delta: current.share - previous.share,
    exceedsIntervals: current.low > previous.high || current.high < previous.low,
  };
}

/** Cells with fewer responses than this are never shown. */
export const MIN_CELL = 10;

/**
 * Which cells of a breakdown (e.g. responses per area, whose total is published) to hide.
 *
 * 1. Primary: every cell with 1 to `min − 1` responses (an empty cell reveals nothing).
 * 2. Secondary: while exactly one cell is hidden, or the hidden cells hold fewer than `min`
 *    responses together, also hide the smallest shown non-empty cell (ties: the first listed):
 *    otherwise the total minus the shown cells would give away a hidden cell, or a group of
 *    them smaller than `min`.
 *
 * Returns the indexes of the hidden cells, in the order given.
 */
export function suppressedCells(counts: readonly number[], min = MIN_CELL): number[] {
  const hidden = new Set<number>();
  counts.forEach((n, i) => {
    if (n > 0 && n < min) hidden.add(i);
  });
  const hiddenTotal = () => [...hidden].reduce((sum, i) => sum + (counts[i] ?? 0), 0);
  while (hidden.size > 0 && (hidden.size === 1 || hiddenTotal() < min)) {
    let next = -1;
    counts.forEach((n, i) => {
      if (!hidden.has(i) && n > 0 && (next === -1 || n < (counts[next] ?? 0))) next = i;
    });
    if (next === -1) break;
    hidden.add(next);
  }
  return [...hidden].sort((a, b) => a - b);
}
