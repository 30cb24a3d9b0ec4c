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

describe('the release calendar (page, feed)', () => {
  it.each(['/open-data/calendar/', '/en/open-data/calendar/'])('%s shows each station\'s next report and survey due days, links the feed and passes axe', async (path) => {
    const page = await phone.context.newPage();
    const response = await page.goto(`${origin}${path}`);
    expect(response?.status()).toBe(200);
    const calendar = await apiCalendar();
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(calendar.length);
    for (const station of calendar) {
      const row = page.locator('tbody tr', { has: page.locator(`a[href$="/${station.slug}/"]`) });
      const days = await row.locator('time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime')));
      expect(days).toEqual([station.releaseCalendar.nextReport.dueOn, station.releaseCalendar.nextSurvey.dueOn]);
    }
    expect(await page.locator('link[rel="alternate"][type="text/calendar"]').getAttribute('href')).toBe('/open-data/calendar.ics');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
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
