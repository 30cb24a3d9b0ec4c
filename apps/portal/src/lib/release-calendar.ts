import { getCollection, getEntry } from 'astro:content';
import { ICalCalendar } from 'ical-generator';
import { type Lang, localePath, t } from '@openstation/site/i18n';
import type { Release } from '../data/release-calendar.ts';
import { halfYearLabel, quarterLabel } from '@openstation/site/format';
import { plain } from '@openstation/site/localized';
import { siteData } from './site-data.ts';

/** One station's next releases, with its name, earliest due first. */
export interface CalendarRow {
  slug: string;
  name: { zh: string; en: string | null };
  release: Release;
}

/** Every station's row of the calendar, the one whose next release is due first at the top. */
export async function calendarRows(): Promise<CalendarRow[]> {
  const [entries, data] = await Promise.all([getCollection('releaseCalendar'), siteData()]);
  const earliest = (r: Release) => (r.nextReport.dueOn < r.nextSurvey.dueOn ? r.nextReport.dueOn : r.nextSurvey.dueOn);
  return entries
    .flatMap(({ data: release }) => {
      const bundle = data.bySlug.get(release.stationSlug);
      return bundle ? [{ slug: release.stationSlug, name: bundle.station.name, release }] : [];
    })
    .sort((a, b) => earliest(a.release).localeCompare(earliest(b.release)) || a.slug.localeCompare(b.slug));
}

/** One station's next report and survey, or null when the calendar has none for it. */
export async function stationRelease(slug: string): Promise<Release | null> {
  return (await getEntry('releaseCalendar', slug))?.data ?? null;
}

/** The report period in words: `2026-Q4` → `2026年第四季度` / `Q4 2026`. */
export function reportPeriodLabel(release: Release, lang: Lang): string {
  return quarterLabel(release.nextReport.year, release.nextReport.quarter, lang);
}

/**
 * The calendar as iCalendar (RFC 5545): one all-day event on each due day, so residents and
 * partners can subscribe. Summaries in Chinese with the English after them.
 */
export async function calendarFeed(site: URL): Promise<string> {
  const rows = await calendarRows();
  const calendar = new ICalCalendar({ name: `${t('zh', 'calendar.title')} · ${t('en', 'calendar.title')}`, prodId: { company: 'OpenStation', product: 'release-calendar' } });
  const both = (key: 'calendar.reportEvent' | 'calendar.surveyEvent', row: CalendarRow, period: (lang: Lang) => string) =>
    (['zh', 'en'] as const).map((lang) => t(lang, key, { station: plain(row.name, lang), period: period(lang) })).join(' / ');
  // DTSTAMP: the China day the calendar was worked out, not the instant of the build, so that two
  // builds of the same data on the same day (a full and an incremental one) write the same bytes.
  const stamp = new Date(`${new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)}T00:00:00+08:00`);
  for (const row of rows) {
    const url = new URL(localePath('zh', `/${row.slug}/`), site).href;
    calendar.createEvent({
      id: `report-${row.slug}-${row.release.nextReport.period}@openstation`,
      allDay: true,
      stamp,
      start: new Date(`${row.release.nextReport.dueOn}T00:00:00Z`),
      summary: both('calendar.reportEvent', row, (lang) => reportPeriodLabel(row.release, lang)),
      url,
    });
    calendar.createEvent({
      id: `survey-${row.slug}-${row.release.nextSurvey.period}@openstation`,
      allDay: true,
      stamp,
      start: new Date(`${row.release.nextSurvey.dueOn}T00:00:00Z`),
      summary: both('calendar.surveyEvent', row, (lang) => halfYearLabel(row.release.nextSurvey.period, lang)),
      url,
    });
  }
  return calendar.toString();
}
