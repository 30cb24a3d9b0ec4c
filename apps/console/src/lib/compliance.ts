/**
 * The compliance clock: when a station's next quarterly report and resident evaluation fall
 * due, and whether they are late. Dates are China calendar days (`YYYY-MM-DD`).
 *
 * A report on a quarter may be published once the quarter has ended and is due by the end of
 * the next quarter (the portal flags a station whose reports are further behind). An
 * evaluation is due every half year, by the half year's last day.
 */

/** A day as `YYYY-MM-DD`. */
export type Day = string;

/** Today in China (UTC+8), as `YYYY-MM-DD`. */
export function chinaToday(now = new Date()): Day {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`. */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** `day` moved by `days`. */
export function addDays(day: Day, days: number): Day {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function lastDayOfMonth(year: number, month: number): Day {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** Quarters counted from year 0: `year * 4 + quarter - 1`. */
export function quarterIndex(year: number, quarter: number): number {
  return year * 4 + quarter - 1;
}

/** The year and quarter of a {@link quarterIndex}. */
export function quarterOfIndex(index: number): { year: number; quarter: number } {
  return { year: Math.floor(index / 4), quarter: (index % 4) + 1 };
}

/** A quarter as the API writes it: `2026-Q3`. */
export function quarterLabel(index: number): string {
  const { year, quarter } = quarterOfIndex(index);
  return `${year}-Q${quarter}`;
}

/** The last day of a quarter. */
export function quarterEnd(index: number): Day {
  const { year, quarter } = quarterOfIndex(index);
  return lastDayOfMonth(year, quarter * 3);
}

/** Where a duty stands: done for now, due soon, or late. */
export type ClockState = 'ok' | 'due' | 'overdue' | 'none';

/** One duty's next deadline. */
export interface Deadline {
  state: ClockState;
  /** The period the next report or evaluation covers (`2026-Q4`, `2026-H2`). */
  period: string;
  due: Day;
  /** Days from today to `due` (negative when late). */
  daysLeft: number;
  /** The latest period done, if any. */
  latest: string | null;
}

/** The next quarterly report: `latest` is the newest published report's year and quarter. */
export function reportDeadline(latest: { year: number; quarter: number } | null, today: Day): Deadline {
  const current = quarterIndex(Number(today.slice(0, 4)), Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1);
  const latestIndex = latest ? quarterIndex(latest.year, latest.quarter) : null;
  // The first quarter with no report: after the latest one, or the quarter just ended when there is none.
  const next = latestIndex === null ? current - 1 : latestIndex + 1;
  const due = quarterEnd(next + 1);
  const daysLeft = daysBetween(today, due);
  const state: ClockState = latestIndex === null ? 'none' : daysLeft < 0 ? 'overdue' : next < current ? 'due' : 'ok';
  return { state, period: quarterLabel(next), due, daysLeft, latest: latestIndex === null ? null : quarterLabel(latestIndex) };
}

/** Half years counted from year 0: `year * 2 + half - 1`. */
function halfIndex(year: number, half: number): number {
  return year * 2 + half - 1;
}

function halfLabel(index: number): string {
  return `${Math.floor(index / 2)}-H${(index % 2) + 1}`;
}

/** The index of a period label such as `2026-H1`, or null if it is not one. */
function parseHalf(period: string): number | null {
  const match = /^(\d{4})-H([12])$/.exec(period);
  return match ? halfIndex(Number(match[1]), Number(match[2])) : null;
}

/** The next resident evaluation: `periods` are the station's published campaigns' half years. */
export function surveyDeadline(periods: readonly string[], today: Day): Deadline {
  const current = halfIndex(Number(today.slice(0, 4)), Number(today.slice(5, 7)) <= 6 ? 1 : 2);
  const done = periods.map(parseHalf).filter((i): i is number => i !== null);
  const latestIndex = done.length > 0 ? Math.max(...done) : null;
  const next = latestIndex === null ? current : latestIndex + 1;
  const { year, half } = { year: Math.floor(next / 2), half: (next % 2) + 1 };
  const due = lastDayOfMonth(year, half * 6);
  const daysLeft = daysBetween(today, due);
  const state: ClockState = latestIndex === null ? 'none' : daysLeft < 0 ? 'overdue' : next <= current ? 'due' : 'ok';
  return { state, period: halfLabel(next), due, daysLeft, latest: latestIndex === null ? null : halfLabel(latestIndex) };
}

/** Contacts not verified for more than this many days are flagged. */
export const VERIFY_EVERY_DAYS = 90;

/** Whether an officer's contact details need checking: never verified, or more than 90 days ago. */
export function needsVerifying(lastVerifiedOn: Day | null, today: Day): boolean {
  return lastVerifiedOn === null || daysBetween(lastVerifiedOn, today) > VERIFY_EVERY_DAYS;
}
