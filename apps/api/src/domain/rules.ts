import { RuleError } from '../errors.ts';

/**
 * Content rules shared by every writer. Each refusal is a {@link RuleError} whose code is
 * listed in docs/content-rules.md and whose `field` names the input field.
 */

/** The date in China (UTC+8) as a `@db.Date` value (midnight UTC): "today" for every date rule. */
export function chinaDay(now: Date = new Date()): Date {
  return new Date(`${new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)}T00:00:00Z`);
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The earliest and latest dates any field accepts. */
export const DATE_RANGE = { min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z') } as const;

/** DATE_OUT_OF_RANGE outside 1900-01-01 … 2100-12-31. */
export function inDateRange(date: Date, field: string): void {
  if (Number.isNaN(date.getTime()) || date < DATE_RANGE.min || date > DATE_RANGE.max) {
    throw new RuleError('DATE_OUT_OF_RANGE', field, `\`${field}\` must be between 1900-01-01 and 2100-12-31.`);
  }
}

/** DATE_IN_FUTURE for a date that records something done (verified, received, raised, acted) after today. */
export function notInFuture(date: Date | null | undefined, field: string, today = chinaDay()): void {
  if (date == null) return;
  inDateRange(date, field);
  if (day(date) > day(today)) {
    throw new RuleError('DATE_IN_FUTURE', field, `\`${field}\` records something done: it cannot be after today (${day(today)}).`);
  }
}

/** `code` when `later` is before `earlier`. */
export function notBefore(later: Date | null | undefined, earlier: Date | null | undefined, code: string, field: string, message: string): void {
  if (later == null || earlier == null) return;
  if (day(later) < day(earlier)) throw new RuleError(code, field, message);
}

/** The last day of a quarter. */
export function quarterEnd(year: number, quarter: number): Date {
  return new Date(Date.UTC(year, quarter * 3, 0));
}

/** REPORT_PERIOD_NOT_ENDED: a quarter is reported on once it has ended. */
export function quarterEnded(year: number, quarter: number, field: string, today = chinaDay()): void {
  if (day(quarterEnd(year, quarter)) >= day(today)) {
    throw new RuleError(
      'REPORT_PERIOD_NOT_ENDED',
      field,
      `${year} Q${quarter} ends on ${day(quarterEnd(year, quarter))}: its report can be written from the day after.`,
    );
  }
}

const CHINESE_QUARTERS = ['一', '二', '三', '四'] as const;

/** The title a report of the quarter gets when none is given (zh, en). */
export function reportTitle(year: number, quarter: number): { zh: string; en: string } {
  return { zh: `${year}年第${CHINESE_QUARTERS[quarter - 1]}季度工作报告`, en: `Work report, ${year} Q${quarter}` };
}

/**
 * REPORT_TITLE_MISMATCH when a title names a year or a quarter other than the report's
 * ("第四季度" on a Q3 report, "2025年" on a 2026 report, "Q4", "fourth quarter").
 */
export function titleMatchesPeriod(title: { zh: string; en?: string | null }, year: number, quarter: number, field: string): void {
  const text = `${title.zh} ${title.en ?? ''}`;
  const quarters = new Set<number>();
  for (const m of text.matchAll(/第\s*([一二三四1-4])\s*季度/g)) {
    const q = m[1] ?? '';
    quarters.add(/\d/.test(q) ? Number(q) : CHINESE_QUARTERS.indexOf(q as (typeof CHINESE_QUARTERS)[number]) + 1);
  }
  for (const m of text.matchAll(/\bQ\s*([1-4])\b/gi)) quarters.add(Number(m[1]));
  const ordinals = ['first', 'second', 'third', 'fourth'];
  for (const m of text.matchAll(/\b(first|second|third|fourth)\s+quarter\b/gi)) quarters.add(ordinals.indexOf((m[1] ?? '').toLowerCase()) + 1);
  const years = new Set([...text.matchAll(/(?<!\d)(19|20|21)(\d\d)(?!\d)/g)].map((m) => Number(`${m[1]}${m[2]}`)));
  const wrongQuarter = [...quarters].some((q) => q !== quarter);
  const wrongYear = [...years].some((y) => y !== year);
  if (wrongQuarter || wrongYear) {
    throw new RuleError(
      'REPORT_TITLE_MISMATCH',
      field,
      `The title names ${wrongQuarter ? 'another quarter' : 'another year'} than the report's period (${year} Q${quarter}); leave it out to have it written for you.`,
    );
  }
}

/** What a metric's kind allows. */
export const METRIC_BOUNDS = {
  COUNT: { min: 0, max: 1e9, whole: true, words: 'a whole number, 0 or more' },
  PERCENT: { min: 0, max: 100, whole: false, words: 'a percentage from 0 to 100' },
  MONEY: { min: 0, max: 1e12, whole: false, words: 'an amount, 0 or more' },
} as const;

/** METRIC_OUT_OF_RANGE when a value does not fit its metric's kind. */
export function metricInBounds(kind: keyof typeof METRIC_BOUNDS, key: string, value: number, field: string): void {
  const bounds = METRIC_BOUNDS[kind];
  if (!Number.isFinite(value) || value < bounds.min || value > bounds.max || (bounds.whole && !Number.isInteger(value))) {
    throw new RuleError('METRIC_OUT_OF_RANGE', field, `\`${key}\` is ${bounds.words}; ${value} is not.`, { kind, min: bounds.min, max: bounds.max });
  }
}
