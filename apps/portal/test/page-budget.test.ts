import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGS, localePath, t } from '@openstation/site/i18n';
import Index from '../src/views/Index.astro';
import OpenData from '../src/views/OpenData.astro';
import OpenDataTable from '../src/views/OpenDataTable.astro';
import ReleaseCalendar from '../src/views/ReleaseCalendar.astro';
import { TABLES } from '../src/lib/open-data.ts';
import { tablePagePath } from '../src/lib/open-data-paths.ts';
import type { CalendarRow } from '../src/lib/release-calendar.ts';
import { releaseSchedule } from '../src/lib/release-schedule.ts';
import { stationDirectory } from '../src/lib/station-directory.ts';
import { PAGE_BUDGET_BYTES } from '../scripts/weigh.ts';

/**
 * The pages that list every station, and the open-data pages whose counts grow with them,
 * rendered as the build renders them (Astro's container, the page's whole document) with 200
 * stations, weighed as `weigh.ts` weighs a built page: its HTML plus the stylesheet it links
 * (site.css, the one Base imports; the build's copy of it is the same rules).
 */
const STATIONS = 200;
const TODAY = '2026-12-02';
const cssBytes = statSync(createRequire(import.meta.url).resolve('@openstation/site/site.css')).size;

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

/** `count` stations named as `seedSynthetic` names them (the benchmark's data set), in one bureau. */
function syntheticStations(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const number = String(i + 1).padStart(4, '0');
    return {
      slug: `synthetic-${number}`,
      name: { zh: `合成演示派出所${number}`, en: `Synthetic Demo Station ${number}` },
      bureau: { zh: '合成演示公安局', en: 'Synthetic Demo Public Security Bureau' },
      region: { zh: '合成演示地区', en: 'Synthetic demo region' },
    };
  });
}

/** The next report of a station on time (first) and of one late by one, two … quarters, as of {@link TODAY}. */
const NEXT_REPORTS = [
  { year: 2026, quarter: 4, dueOn: '2027-01-31' },
  { year: 2026, quarter: 3, dueOn: '2026-10-31' },
  { year: 2026, quarter: 2, dueOn: '2026-07-31' },
  { year: 2026, quarter: 1, dueOn: '2026-04-30' },
  { year: 2025, quarter: 4, dueOn: '2026-01-31' },
];

/**
 * Each station's next releases: station `i` is late with its report by `lateReports(i)`
 * quarters (0: on time) and late with its survey when `lateSurvey(i)`.
 */
function calendarRows(count: number, lateReports: (i: number) => number, lateSurvey: (i: number) => boolean): CalendarRow[] {
  return syntheticStations(count).map(({ slug, name }, i) => {
    const back = Math.min(lateReports(i), NEXT_REPORTS.length - 1);
    const { year, quarter, dueOn } = NEXT_REPORTS[back] ?? NEXT_REPORTS[0]!;
    return {
      slug,
      name,
      release: {
        stationSlug: slug,
        nextReport: { year, quarter, period: `${year}-Q${quarter}`, dueOn, overdue: back > 0 },
        nextSurvey: lateSurvey(i)
          ? { period: '2026-H1', dueOn: '2026-06-30', overdue: true, opensOn: null, closesOn: null }
          : { period: '2026-H2', dueOn: '2026-12-31', overdue: false, opensOn: '2026-11-01', closesOn: '2026-12-20' },
      },
    };
  });
}

async function weight(component: Parameters<AstroContainer['renderToString']>[0], props: Record<string, unknown>): Promise<{ html: string; bytes: number }> {
  const html = await container.renderToString(component, { props, partial: false });
  return { html, bytes: Buffer.byteLength(html) + cssBytes };
}

describe(`the pages that list every station stay within the page budget at ${STATIONS} stations`, () => {
  it.each(LANGS)('the site index (%s), every station flagged overdue', async (lang) => {
    const bureaus = stationDirectory(syntheticStations(STATIONS).map((station) => ({ station, overdue: true })));
    const { html, bytes } = await weight(Index, { lang, bureaus });
    expect(html.match(/<li>/g)?.length).toBe(STATIONS);
    expect(bytes).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
  });

  it.each(LANGS)('the release calendar (%s), every station late and so named twice', async (lang) => {
    const schedule = releaseSchedule(calendarRows(STATIONS, (i) => 1 + (i % 4), () => true));
    const { html, bytes } = await weight(ReleaseCalendar, { lang, schedule, today: TODAY });
    expect(html.match(/<li>/g)?.length).toBe(2 * STATIONS);
    expect(bytes).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
  });

  it.each(LANGS)('the release calendar (%s) at 2,000 stations, a fifth of them late with their report: those are named, the others counted', async (lang) => {
    const count = 2_000;
    const late = (i: number) => (i % 10 === 0 ? 2 : i % 10 === 5 ? 1 : 0);
    const schedule = releaseSchedule(calendarRows(count, late, () => false));
    const { html, bytes } = await weight(ReleaseCalendar, { lang, schedule, today: TODAY });
    const lateCount = Array.from({ length: count }, (_, i) => late(i)).filter((back) => back > 0).length;
    expect(html.match(/<li>/g)?.length).toBe(lateCount);
    expect(html).toContain(t(lang, 'calendar.rest', { count: count - lateCount }));
    expect(html).toContain(t(lang, 'calendar.all', { count }));
    expect(bytes).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
  });
});

/** Every table's row count with `stations` stations of a thousand rows each (more than the benchmark's 100 officers a station). */
const tableCounts = (stations: number) => TABLES.map(({ name }) => ({ name, rows: stations * 1_000 }));

describe(`the open-data pages stay within the page budget at ${STATIONS} stations`, () => {
  it.each(LANGS)('the open-data page (%s): every table linked to its own page, the dictionary not on it', async (lang) => {
    const { html, bytes } = await weight(OpenData, { lang, tables: tableCounts(STATIONS) });
    for (const { name } of TABLES) expect(html).toContain(`href="${localePath(lang, tablePagePath(name))}"`);
    expect(html).not.toContain(`<th scope="col">${t(lang, 'data.meaning')}</th>`);
    expect(bytes).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
  });

  it.each(LANGS.flatMap((lang) => TABLES.map(({ name }) => [lang, name] as const)))('the %s page of the table %s: its downloads and every field', async (lang, name) => {
    const table = TABLES.find((t) => t.name === name)!;
    const facts = { name, rows: STATIONS * 1_000, dates: { start: '2019-01-01', end: TODAY }, modified: TODAY };
    const { html, bytes } = await weight(OpenDataTable, { lang, ...facts });
    for (const file of [`${name}.csv`, `${name}.json`, `${name}.csv-metadata.json`]) expect(html).toContain(`href="/data/${file}"`);
    for (const field of table.fields) expect(html).toContain(`<code>${field.name}</code>`);
    expect(bytes).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
  });
});
