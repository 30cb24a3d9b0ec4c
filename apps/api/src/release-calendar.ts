/**
 * When a station's next publications are due, announced ahead as statistics offices do:
 * the quarterly report (at least once a quarter: the report on a quarter is due by the end of
 * the month after it) and the half-yearly resident evaluation (due within its half-year).
 * Pure dates (`YYYY-MM-DD`, China time): the API's `Station.releaseCalendar` answers them.
 */

export interface NextReport {
  year: number;
  quarter: number;
  /** `2026-Q4`. */
  period: string;
  /** The last day the report is due: the end of the month after the quarter. */
  dueOn: string;
}

export interface NextSurvey {
  /** `2027-H1`. */
  period: string;
  /** The last day of the half-year: the survey must have run by then. */
  dueOn: string;
}

const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

/**
 * The report to publish next: the quarter after the latest published one, or with none
 * published, the quarter that ended last before `today`.
 */
export function nextReport(latest: { year: number; quarter: number } | null, today: string): NextReport {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const index = latest ? latest.year * 4 + latest.quarter : y * 4 + Math.floor((m - 1) / 3) - 1;
  const year = Math.floor(index / 4);
  const quarter = (index % 4) + 1;
  const dueMonth = quarter * 3 + 1;
  const dueOn = dueMonth > 12 ? lastDayOf(year + 1, dueMonth - 12) : lastDayOf(year, dueMonth);
  return { year, quarter, period: `${year}-Q${quarter}`, dueOn };
}

/** The last day of a half-year period such as `2027-H1`: when its survey is due. */
export function surveyDueOn(period: string): string {
  return period.endsWith('H1') ? `${period.slice(0, 4)}-06-30` : `${period.slice(0, 4)}-12-31`;
}

/**
 * The survey to run next: the half-year after the latest published campaign's, or with none,
 * the half-year `today` is in.
 */
export function nextSurvey(latestPeriod: string | null, today: string): NextSurvey {
  const parsed = latestPeriod ? /^(\d{4})-H([12])$/.exec(latestPeriod) : null;
  const [y, m] = today.split('-').map(Number) as [number, number];
  const index = parsed ? Number(parsed[1]) * 2 + Number(parsed[2]) : y * 2 + (m <= 6 ? 0 : 1);
  const period = `${Math.floor(index / 2)}-H${(index % 2) + 1}`;
  return { period, dueOn: surveyDueOn(period) };
}
