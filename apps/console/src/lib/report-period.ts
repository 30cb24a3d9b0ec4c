import { addDays, type Day, quarterEnd, quarterIndex, quarterOfIndex } from './compliance.ts';

/** A quarter to report on, and whether it has ended (a report is written once its quarter is over). */
export interface ReportPeriod {
  year: number;
  quarter: number;
  /** The day it can first be written and published: the day after the quarter's last day. */
  opensOn: Day;
  ended: boolean;
}

/**
 * The next quarter the station has not reported on: the one after its newest report (draft or
 * published), or the last quarter that has ended when it has none.
 */
export function nextReportPeriod(reports: readonly { year: number; quarter: number }[], today: Day): ReportPeriod {
  const todayIndex = quarterIndex(Number(today.slice(0, 4)), Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1);
  const newest = reports.reduce<number | null>((max, r) => Math.max(max ?? -1, quarterIndex(r.year, r.quarter)), null);
  const index = newest === null ? todayIndex - 1 : newest + 1;
  const opensOn = addDays(quarterEnd(index), 1);
  return { ...quarterOfIndex(index), opensOn, ended: opensOn <= today };
}
