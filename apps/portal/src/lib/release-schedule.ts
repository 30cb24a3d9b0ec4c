import type { Text } from '../data/text.ts';
import type { Release } from '../data/release-calendar.ts';
import type { CalendarRow } from './release-calendar.ts';

/**
 * A group on time with more stations than this is written as a count ("every other station")
 * rather than by name: each station's own dates stand on its reports page and in the
 * iCalendar feed, and the page stays light with hundreds of stations. Late stations are
 * always named.
 */
export const NAMED_STATIONS_MAX = 30;

/** A station in a group of the schedule. */
export interface ScheduledStation {
  slug: string;
  name: Text;
}

/** The stations whose next release of one kind is the same one, due the same day. */
export interface ReleaseGroup<R> {
  /** What is due and when (the same for every station of the group). */
  release: R;
  /** Every station of the group, in the calendar's order. */
  stations: ScheduledStation[];
  /**
   * The group is every station not named in the other groups of its kind (or every station,
   * when it is the only one): the page gives its count, not the names.
   */
  rest: boolean;
}

export type ReportRelease = Release['nextReport'];
export type SurveyRelease = Release['nextSurvey'];

/** The calendar by release: the next quarterly reports and resident surveys, earliest due first. */
export interface ReleaseSchedule {
  reports: ReleaseGroup<ReportRelease>[];
  surveys: ReleaseGroup<SurveyRelease>[];
}

function groupsOf<R extends { dueOn: string; overdue: boolean }>(rows: readonly CalendarRow[], release: (row: CalendarRow) => R): ReleaseGroup<R>[] {
  const groups = new Map<string, ReleaseGroup<R>>();
  for (const row of rows) {
    const due = release(row);
    const key = JSON.stringify(due);
    const group = groups.get(key) ?? { release: due, stations: [], rest: false };
    group.stations.push({ slug: row.slug, name: row.name });
    groups.set(key, group);
  }
  const sorted = [...groups.values()].sort((a, b) => a.release.dueOn.localeCompare(b.release.dueOn));
  const largest = sorted.filter((g) => !g.release.overdue).reduce<ReleaseGroup<R> | null>((max, g) => (max && max.stations.length >= g.stations.length ? max : g), null);
  if (largest && largest.stations.length > NAMED_STATIONS_MAX) largest.rest = true;
  return sorted;
}

/**
 * Groups the calendar's rows by what is due when: one group per report quarter (or survey
 * half-year and its published opening days) and due day.
 */
export function releaseSchedule(rows: readonly CalendarRow[]): ReleaseSchedule {
  return {
    reports: groupsOf(rows, ({ release: { nextReport: r } }) => ({ year: r.year, quarter: r.quarter, period: r.period, dueOn: r.dueOn, overdue: r.overdue })),
    surveys: groupsOf(rows, ({ release: { nextSurvey: s } }) => ({ period: s.period, dueOn: s.dueOn, overdue: s.overdue, opensOn: s.opensOn, closesOn: s.closesOn })),
  };
}
