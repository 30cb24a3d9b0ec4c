import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations, usePhoneBrowser } from './browser.ts';

const origin = inject('portalOrigin');
const apiUrl = inject('portalApiUrl');
const phone = usePhoneBrowser();

interface Calendar {
  slug: string;
  releaseCalendar: { nextReport: { period: string; dueOn: string }; nextSurvey: { period: string; dueOn: string } };
}

/** What the API answers for the day the portal was built (the build takes today's date). */
async function apiCalendar(): Promise<Calendar[]> {
  const on = new Date().toISOString().slice(0, 10);
  const response = await fetch(apiUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'query Calendar($on: Date) { stations(first: 100) { edges { node { slug releaseCalendar(on: $on) { nextReport { period dueOn } nextSurvey { period dueOn } } } } } }',
      variables: { on },
    }),
  });
  const body = (await response.json()) as { data: { stations: { edges: { node: Calendar }[] } } };
  return body.data.stations.edges.map((e) => e.node);
}

/** Each row of a schedule table: its due day and the stations it names (slugs, from links into `section`). */
function scheduleRows(page: Page, table: string, section: string): Promise<{ dueOn: string | null; slugs: string[] }[]> {
  return page.locator(`${table} tbody tr`).evaluateAll(
    (rows, section) =>
      rows.map((row) => ({
        dueOn: row.querySelector('th time')?.getAttribute('datetime') ?? null,
        slugs: [...row.querySelectorAll('td a')].flatMap((a) => new RegExp(`/([\\w-]+)/${section}/$`).exec(a.getAttribute('href') ?? '')?.[1] ?? []),
      })),
    section,
  );
}

describe('the release calendar (page, feed)', () => {
  // The demo's five stations are all named; a group written as a count (hundreds of stations) is tested in apps/portal/test/page-budget.test.ts.
  it.each(['/open-data/calendar/', '/en/open-data/calendar/'])('%s names each station once under its next report\'s and survey\'s due day, links the feed and passes axe', async (path) => {
    const page = await phone.context.newPage();
    const response = await page.goto(`${origin}${path}`);
    expect(response?.status()).toBe(200);
    const calendar = await apiCalendar();
    for (const [table, section, due] of [
      ['#reports + table', 'reports', (s: Calendar) => s.releaseCalendar.nextReport.dueOn],
      ['#surveys + table', 'survey', (s: Calendar) => s.releaseCalendar.nextSurvey.dueOn],
    ] as const) {
      expect(await page.locator(`${table} thead th[scope="col"]`).count(), `${table} has column headers`).toBeGreaterThan(2);
      const rows = await scheduleRows(page, table, section);
      expect(rows.flatMap((r) => r.slugs).sort(), `${table} names every station once`).toEqual(calendar.map((s) => s.slug).sort());
      for (const station of calendar) {
        expect(rows.find((r) => r.slugs.includes(station.slug))?.dueOn, `${section} of ${station.slug}`).toBe(due(station));
      }
    }
    expect(await page.locator('link[rel="alternate"][type="text/calendar"]').getAttribute('href')).toBe('/open-data/calendar.ics');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it.each(['/zhuze/reports/', '/en/qianling/reports/'])('%s gives the station\'s own next due days', async (path) => {
    const slug = path.split('/').at(-3) ?? '';
    const station = (await apiCalendar()).find((s) => s.slug === slug);
    const html = await (await fetch(`${origin}${path}`)).text();
    const next = /<p id="next-release">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
    expect([...next.matchAll(/<time datetime="([\d-]+)"/g)].map((m) => m[1])).toEqual([station?.releaseCalendar.nextReport.dueOn, station?.releaseCalendar.nextSurvey.dueOn]);
    expect(next).toContain(`href="${path.startsWith('/en/') ? '/en' : ''}/open-data/calendar/"`);
  });

  it('the iCalendar feed has one all-day event on each due day', async () => {
    const response = await fetch(`${origin}/open-data/calendar.ics`);
    expect(response.status).toBe(200);
    const ics = await response.text();
    expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true);
    const calendar = await apiCalendar();
    expect(ics.match(/BEGIN:VEVENT/g)?.length).toBe(calendar.length * 2);
    for (const station of calendar) {
      for (const [kind, release] of [['report', station.releaseCalendar.nextReport], ['survey', station.releaseCalendar.nextSurvey]] as const) {
        const event = ics.split('BEGIN:VEVENT').find((e) => e.includes(`UID:${kind}-${station.slug}-${release.period}@openstation`));
        expect(event, `${kind} of ${station.slug}`).toBeDefined();
        expect(event).toContain(`DTSTART;VALUE=DATE:${release.dueOn.replaceAll('-', '')}`);
      }
    }
  });

  it('the open data page links to it', async () => {
    const html = await (await fetch(`${origin}/open-data/`)).text();
    expect(html).toContain('href="/open-data/calendar/"');
    const en = await (await fetch(`${origin}/en/open-data/`)).text();
    expect(en).toContain('href="/en/open-data/calendar/"');
  });
});
