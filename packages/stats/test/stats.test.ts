import { describe, expect, it } from 'vitest';
import { compareShares, proportion, summariseScale, suppressedCells, wilson } from '../src/index.ts';

describe('wilson', () => {
  // By hand: p = 0.9, z² = 3.841459, z²/n = 0.0768292;
  // centre = (0.9 + 0.0384146) / 1.0768292 = 0.871461;
  // half = 1.959964 / 1.0768292 × √(0.0018 + 0.00038415) = 0.0850635.
  it('45 of 50: 0.7864 to 0.9565', () => {
    const interval = wilson(45, 50);
    expect(interval?.low).toBeCloseTo(0.786398, 5);
    expect(interval?.high).toBeCloseTo(0.956524, 5);
  });

  // p = 0.5, n = 10: centre = 0.5; half = 1.959964 / 1.3841459 × √(0.025 + 0.0096036) = 0.263407.
  it('5 of 10: 0.2366 to 0.7634, symmetric about one half', () => {
    const interval = wilson(5, 10);
    expect(interval?.low).toBeCloseTo(0.236593, 5);
    expect(interval?.high).toBeCloseTo(0.763407, 5);
  });

  // p = 0: low is 0; high = z²/n / (1 + z²/n) = 3.841459 / 23.841459 = 0.161125.
  it('0 of 20 stays inside [0, 1] with a non-zero upper end', () => {
    const interval = wilson(0, 20);
    expect(interval?.low).toBe(0);
    expect(interval?.high).toBeCloseTo(0.161125, 5);
  });

  it('has no interval without answers and refuses impossible counts', () => {
    expect(wilson(0, 0)).toBeNull();
    expect(() => wilson(3, 2)).toThrow(RangeError);
    expect(() => wilson(-1, 2)).toThrow(RangeError);
  });
});

describe('summariseScale', () => {
  it('leaves "don\'t know" out of the mean and the share satisfied', () => {
    // Scores 1×1, 2×1, 3×2, 4×3, 5×3 (10 rated, sum 1+2+6+12+15 = 36) and 4 "don't know".
    const summary = summariseScale({ scores: [1, 1, 2, 3, 3], dontKnow: 4 });
    expect(summary.answered).toBe(14);
    expect(summary.mean).toBeCloseTo(3.6, 10);
    expect(summary.satisfied).toMatchObject({ n: 10, count: 6, share: 0.6 });
    // 6 of 10: centre = (0.6 + 0.1920729) / 1.3841459 = 0.572247, half = 1.416008 × √(0.024 + 0.0096036) = 0.259573.
    expect(summary.satisfied.low).toBeCloseTo(0.312674, 5);
    expect(summary.satisfied.high).toBeCloseTo(0.831820, 5);
  });

  it('has no mean or share when everyone said "don\'t know"', () => {
    const summary = summariseScale({ scores: [0, 0, 0, 0, 0], dontKnow: 3 });
    expect(summary.mean).toBeNull();
    expect(summary.satisfied.share).toBeNull();
  });
});

describe('compareShares', () => {
  it('flags a change only when the intervals do not overlap', () => {
    // 20/50 → 0.2761–0.5382; 45/50 → 0.7864–0.9565: apart.
    expect(compareShares(proportion(20, 50), proportion(45, 50))).toEqual({ delta: 0.5, exceedsIntervals: true });
    // 40/50 → 0.6696–0.8876 overlaps 0.7864–0.9565.
    const small = compareShares(proportion(40, 50), proportion(45, 50));
    expect(small?.delta).toBeCloseTo(0.1, 10);
    expect(small?.exceedsIntervals).toBe(false);
    expect(compareShares(proportion(0, 0), proportion(45, 50))).toBeNull();
  });
});

describe('suppressedCells', () => {
  it('shows everything when every cell has at least ten responses', () => {
    expect(suppressedCells([10, 25, 40])).toEqual([]);
  });

  it('hides a small cell and the next smallest, so the total does not give it away', () => {
    // 4 is hidden; alone it would be total − 30 − 12 − 50, so 12 (the smallest shown) goes too.
    expect(suppressedCells([30, 4, 12, 50])).toEqual([1, 2]);
  });

  it('needs no second cell when two small cells already hold ten or more together', () => {
    expect(suppressedCells([30, 6, 5, 50])).toEqual([1, 2]);
  });

  it('keeps hiding while the hidden cells hold fewer than ten together', () => {
    // 3 + 2 = 5 < 10: the next smallest, 11, is hidden too (3 + 2 + 11 = 16).
    expect(suppressedCells([3, 40, 2, 11])).toEqual([0, 2, 3]);
  });

  it('does not count or use empty cells, which reveal nothing', () => {
    // 0 cannot protect the 7: the 15 is hidden instead.
    expect(suppressedCells([7, 0, 15, 20])).toEqual([0, 2]);
    expect(suppressedCells([0, 20, 30])).toEqual([]);
  });

  it('hides every cell when nothing else is left to hide', () => {
    expect(suppressedCells([3, 4])).toEqual([0, 1]);
    expect(suppressedCells([5])).toEqual([0]);
  });

  it('breaks ties by order', () => {
    expect(suppressedCells([12, 9, 12])).toEqual([0, 1]);
  });
});
