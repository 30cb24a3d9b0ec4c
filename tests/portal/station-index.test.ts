import { describe, expect, inject, it } from 'vitest';

const origin = inject('portalOrigin');
const apiUrl = inject('portalApiUrl');

interface Station {
  slug: string;
  bureau: { zh: string };
}

async function apiStations(): Promise<Station[]> {
  const response = await fetch(apiUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ stations(first: 100) { edges { node { slug bureau { zh } } } } }' }),
  });
  const body = (await response.json()) as { data: { stations: { edges: { node: Station }[] } } };
  return body.data.stations.edges.map((e) => e.node);
}

/** The page's bureau sections: each `<h2>`'s text and the station links of the list under it. */
function bureauSections(html: string): { heading: string; links: string[] }[] {
  return html
    .split('<h2>')
    .slice(1)
    .map((part) => ({
      heading: (part.split('</h2>')[0] ?? '').replace(/<[^>]+>/g, '').trim(),
      links: [...(/<ul class="directory">([\s\S]*?)<\/ul>/.exec(part)?.[1] ?? '').matchAll(/<a href="([^"]+)"/g)].map((m) => m[1] ?? ''),
    }));
}

describe('the site index', () => {
  it.each([
    { path: '/', prefix: '' },
    { path: '/en/', prefix: '/en' },
  ])('$path links every station once, under its bureau, and the release calendar', async ({ path, prefix }) => {
    const html = await (await fetch(`${origin}${path}`)).text();
    const stations = await apiStations();
    const sections = bureauSections(html);
    expect(sections.flatMap((s) => s.links).sort()).toEqual(stations.map((s) => `${prefix}/${s.slug}/`).sort());
    if (prefix === '') {
      for (const station of stations) expect(sections.find((s) => s.links.includes(`/${station.slug}/`))?.heading, station.slug).toBe(station.bureau.zh);
    }
    expect(html).toContain(`href="${prefix}/open-data/calendar/"`);
  });
});
