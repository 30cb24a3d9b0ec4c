import type { Proportion } from '../data/survey-results.ts';

/** A published share counts fewer answers than this: it is shown with a caveat. */
export const LOW_SAMPLE_MIN_ANSWERS = 30;

/** A published share's 95% interval is wider than this in all (±10 percentage points): it is shown with a caveat. */
export const LOW_SAMPLE_MAX_INTERVAL_WIDTH = 0.2;

/**
 * The portal's one rule for reading a share with care: fewer than
 * {@link LOW_SAMPLE_MIN_ANSWERS} answers counted, or a 95% interval wider than
 * {@link LOW_SAMPLE_MAX_INTERVAL_WIDTH} (no interval at all counts as wide).
 */
export function isLowSample(share: Pick<Proportion, 'n' | 'low' | 'high'>): boolean {
  if (share.n < LOW_SAMPLE_MIN_ANSWERS) return true;
  if (share.low === null || share.high === null) return true;
  return share.high - share.low > LOW_SAMPLE_MAX_INTERVAL_WIDTH + 1e-9;
}
