import { type Lang, t } from '@openstation/site/i18n';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { halfYearLabel } from '@openstation/site/format';
import { axeViolations, trackForeignRequests, usePhoneBrowser } from './browser.ts';
import { parseCsv } from './csv.ts';
import { STATION_WITHOUT_OPEN_SURVEY } from './fixtures.ts';

const origin = inject('portalOrigin');
const apiUrl = inject('portalApiUrl');
const editorHeaders = inject('portalEditorHeaders');
const STATIONS = ['qiandeng', 'qianling', 'toutunhe', 'xuecheng', 'zhuze'];

interface Share {
  n: number;
  count: number;
  share: number | null;
  low: number | null;
  high: number | null;
}
interface Indicator {
  indicator: string;
  n: number;
  mean: number | null;
  share: Share;
  change?: { delta: number; exceedsIntervals: boolean } | null;
}
interface Results {
  responses: number;
  indicators: Indicator[];
  areas: { area: { id: string } | null; suppressed: boolean; n: number | null; indicators: Indicator[] | null }[];
}
interface Campaign {
  id: string;
  period: string;
  phase: string;
  closesOn: string;
}

async function api<T>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(apiUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const SHARE = '{ n count share low high }';

async function closedCampaigns(slug: string): Promise<Campaign[]> {
  const data = await api<{ surveyCampaigns: Campaign[] }>('query ($s: String) { surveyCampaigns(stationSlug: $s) { id period phase closesOn } }', { s: slug });
  return data.surveyCampaigns.filter((c) => c.phase === 'CLOSED').sort((a, b) => b.closesOn.localeCompare(a.closesOn));
}

async function results(campaignId: string): Promise<Results> {
  const data = await api<{ surveyResults: Results }>(
    `query ($id: ID!) { surveyResults(campaignId: $id) { responses
      indicators { indicator n mean share ${SHARE} change { delta exceedsIntervals } }
      areas { area { id } suppressed n indicators { indicator n mean share ${SHARE} } } } }`,
    { id: campaignId },
  );
  return data.surveyResults;
}

/** Every written comment of a campaign, read with a staff session (they are never public). */
async function freeTexts(campaignId: string): Promise<string[]> {
  const texts: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: { surveyResponses: { edges: { node: { answers: { text: string | null }[] } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await api(
      'query ($id: ID!, $after: String) { surveyResponses(campaignId: $id, first: 100, after: $after) { edges { node { answers { text } } } pageInfo { hasNextPage endCursor } } }',
      { id: campaignId, after },
      editorHeaders,
    );
    for (const edge of page.surveyResponses.edges) for (const a of edge.node.answers) if (a.text) texts.push(a.text);
    if (!page.surveyResponses.pageInfo.hasNextPage) return texts;
    after = page.surveyResponses.pageInfo.endCursor;
  }
}

/** The portal's caveat rule, as the method note states it: fewer than 30 answers, or an interval wider than ±10 points. */
const readWithCare = (s: Share) => s.n < 30 || s.low === null || s.high === null || s.high - s.low > 0.2;
const localId = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').split(':')[1];
const percent = (x: number | null) => (x === null ? '—' : `${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(x * 100)}%`);

async function text(path: string): Promise<string> {
  const response = await fetch(`${origin}${path}`);
  expect(response.status, `${path} answers 200`).toBe(200);
  return response.text();
}

const phone = usePhoneBrowser();

describe('published survey results', () => {
  it('every station\'s results page, in Chinese and English, carries no script at all', async () => {
    for (const slug of STATIONS) {
      for (const prefix of ['', '/en']) {
        const html = await text(`${prefix}/${slug}/survey/results/`);
        expect(html, `${prefix}/${slug}/survey/results/`).not.toMatch(/<script/i);
        expect(html).toContain('<svg class="chart"');
      }
    }
  });

  it.each(['/en/zhuze/survey/results/', '/qianling/survey/results/'])('%s: a chart of shares with 95%% intervals beside the previous survey, its table, n in text, and no axe-core violations', async (path) => {
    const slug = path.split('/').at(-4) as string;
    const lang: Lang = path.startsWith('/en/') ? 'en' : 'zh';
    const [open, close] = lang === 'zh' ? ['（', '）'] : [' (', ')'];
    const [last, previous] = await closedCampaigns(slug);
    if (!last || !previous) throw new Error(`${slug} needs two closed surveys`);
    const [now, before] = await Promise.all([results(last.id), results(previous.id)]);
    const page = await phone.context.newPage();
    const foreign = trackForeignRequests(page, origin);
    await page.goto(`${origin}${path}`);
    const chart = page.locator('svg.chart[role=img]');
    expect(await chart.count()).toBe(1);
    const [titleId, descId] = ((await chart.getAttribute('aria-labelledby')) ?? '').split(' ');
    expect(await page.locator(`svg.chart title#${titleId}`).textContent()).toBeTruthy();
    const desc = (await page.locator(`svg.chart desc#${descId}`).textContent()) ?? '';
    expect(desc).toContain(halfYearLabel(last.period, lang));
    expect(desc).toContain(halfYearLabel(previous.period, lang));
    expect(desc).not.toMatch(/\d{4}-H[12]/);
    // Two bars and two interval lines per indicator: this survey and the previous one.
    expect(await chart.locator('g.bars.s0 rect').count()).toBe(now.indicators.length);
    expect(await chart.locator('g.bars.s1 rect').count()).toBe(now.indicators.length);
    expect(await chart.locator('line.ci').count(), 'a whisker and two ends per bar').toBe(now.indicators.length * 2 * 3);
    const notes = await chart.locator('g.bars text').allTextContents();
    for (const r of now.indicators) {
      expect(notes).toContain(`${percent(r.share.share)}${open}${percent(r.share.low)}–${percent(r.share.high)}${close} ${t(lang, 'survey.n', { n: r.share.n })}`);
      const p = before.indicators.find((b) => b.indicator === r.indicator)?.share as Share;
      expect(notes).toContain(`${percent(p.share)}${open}${percent(p.low)}–${percent(p.high)}${close} ${t(lang, 'survey.n', { n: p.n })}`);
    }
    // The table under the chart holds the same figures: n and the interval as text.
    const table = page.locator('figure.chart-box ~ .scroll table.survey-results');
    expect(await table.locator('tbody tr').count()).toBe(now.indicators.length);
    const cells = await table.locator('tbody td').allTextContents();
    for (const r of now.indicators) {
      expect(cells).toContain(String(r.share.n));
      expect(cells).toContain(`${percent(r.share.low)}–${percent(r.share.high)}`);
    }
    expect((await axeViolations(page)).map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('marks exactly the figures with fewer than 30 answers or an interval wider than ±10 points, and says why', async () => {
    const [last] = await closedCampaigns('zhuze');
    if (!last) throw new Error('zhuze has no closed survey');
    const r = await results(last.id);
    const page = await phone.context.newPage();
    await page.goto(`${origin}/en/zhuze/survey/results/`);
    const stationMarks = await page.locator('table.survey-results tbody tr').evaluateAll((rows) => rows.map((row) => row.querySelector('.caveat') !== null));
    expect(stationMarks).toEqual(r.indicators.map((i) => readWithCare(i.share)));
    const areaMarks = await page
      .locator('table.survey-areas tbody tr')
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].slice(1).map((td) => td.querySelector('.caveat') !== null)));
    const expected = r.areas.map((a) =>
      a.suppressed || !a.indicators ? [] : r.indicators.map((i) => readWithCare((a.indicators?.find((c) => c.indicator === i.indicator) as Indicator).share)),
    );
    expect(areaMarks).toEqual(expected);
    expect(expected.flat().filter(Boolean).length, 'the demo areas have small samples').toBeGreaterThan(0);
    expect(expected.flat().some((marked) => !marked), 'and some large enough').toBe(true);
    const rule = (await page.locator('#caveat-rule').textContent()) ?? '';
    expect(rule).toContain('fewer than 30 answers');
    expect(rule).toContain('±10 percentage points');
    expect(await page.locator('.caveat').first().isVisible()).toBe(true);
    await page.close();
  });

  it('offers one station\'s results as CSV (UTF-8 with BOM) and JSON that match the API\'s surveyResults, suppressed areas without figures', async () => {
    const [last] = await closedCampaigns('zhuze');
    if (!last) throw new Error('zhuze has no closed survey');
    const r = await results(last.id);
    const page = await text('/zhuze/survey/results/');
    const links = [...page.matchAll(/<p id="survey-downloads">.*?<\/p>/gs)].flatMap((m) => [...m[0].matchAll(/href="([^"]+)"/g)].map((h) => h[1] as string));
    expect(links).toEqual([`/data/survey/zhuze-${last.period.toLowerCase()}.csv`, `/data/survey/zhuze-${last.period.toLowerCase()}.json`]);
    const json = JSON.parse(await text(links[1] as string)) as { fields: string[]; responses: number; campaign_period: string; rows: Record<string, string | number | boolean | null>[] };
    expect(json.campaign_period).toBe(last.period);
    expect(json.responses).toBe(r.responses);
    for (const i of r.indicators) {
      const row = json.rows.find((x) => x.scope === 'station' && x.indicator === i.indicator);
      expect(row).toEqual({
        station_slug: 'zhuze', campaign_period: last.period, scope: 'station', area_id: null, suppressed: false, indicator: i.indicator,
        answers: i.n, mean: i.mean, counted: i.share.n, satisfied: i.share.count, share: i.share.share, ci_low: i.share.low, ci_high: i.share.high,
        low_sample: readWithCare(i.share), change_share: i.change?.delta ?? null, change_beyond_intervals: i.change?.exceedsIntervals ?? null,
      });
    }
    for (const a of r.areas) {
      const rows = json.rows.filter((x) => x.scope === (a.area ? 'area' : 'no_area') && x.area_id === (a.area ? localId(a.area.id) : null));
      if (a.suppressed) {
        expect(rows).toHaveLength(1);
        expect(rows[0]?.suppressed).toBe(true);
        for (const field of ['indicator', 'answers', 'mean', 'counted', 'satisfied', 'share', 'ci_low', 'ci_high']) expect(rows[0]?.[field], field).toBeNull();
      } else {
        expect(rows.map((x) => [x.indicator, x.counted, x.satisfied, x.share, x.ci_low, x.ci_high])).toEqual(
          (a.indicators ?? []).map((i) => [i.indicator, i.share.n, i.share.count, i.share.share, i.share.low, i.share.high]),
        );
      }
    }
    expect(r.areas.some((a) => a.suppressed), 'the demo data has suppressed areas').toBe(true);

    const bytes = new Uint8Array(await (await fetch(`${origin}${links[0]}`)).arrayBuffer());
    expect([...bytes.subarray(0, 3)], 'UTF-8 byte order mark').toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...records] = parseCsv(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(3)));
    expect(header).toEqual(json.fields);
    expect(records).toHaveLength(json.rows.length);
    records.forEach((record, k) => {
      const row = json.rows[k] as Record<string, unknown>;
      expect(record).toEqual(json.fields.map((f) => (row[f] === null ? '' : String(row[f]))));
    });
  });

  it('publishes no written comment in any survey download or results page', async () => {
    const campaigns = await closedCampaigns('zhuze');
    const texts = (await Promise.all(campaigns.map((c) => freeTexts(c.id)))).flat();
    expect(texts.length, 'the demo survey has written comments').toBeGreaterThan(0);
    const published = await Promise.all([
      ...campaigns.flatMap((c) => ['csv', 'json'].map((f) => text(`/data/survey/zhuze-${c.period.toLowerCase()}.${f}`))),
      text('/data/survey_results.csv'),
      text('/data/survey_results.json'),
      text('/data/survey_campaigns.csv'),
      text('/zhuze/survey/results/'),
      text('/en/zhuze/survey/results/'),
    ]);
    for (const body of published) for (const comment of new Set(texts)) expect(body.includes(comment), comment).toBe(false);
  });

  it('lists the survey tables on the Open data page, with site-wide downloads and their data dictionaries', async () => {
    const page = await phone.context.newPage();
    await page.goto(`${origin}/en/open-data/`);
    for (const name of ['survey_campaigns', 'survey_results']) {
      expect(await page.locator(`a[href="/data/${name}.csv"]`).count()).toBe(1);
      expect(await page.locator(`a[href="/data/${name}.json"]`).count()).toBe(1);
      expect(await page.locator(`a[href="/en/open-data/${name}/"]`).count()).toBe(1);
    }
    for (const name of ['survey_campaigns', 'survey_results']) {
      await page.goto(`${origin}/en/open-data/${name}/`);
      expect(await page.locator('main table tbody tr').count()).toBeGreaterThan(5);
    }
    const lowSample = (await page.locator('main table tr:has(code:text-is("low_sample")) td').first().textContent()) ?? '';
    expect(lowSample).toContain('fewer than 30 answers');
    await page.close();
    const all = parseCsv(await text('/data/survey_results.csv'));
    const stations = new Set(all.slice(1).map((row) => row[0]));
    expect([...stations].sort()).toEqual(STATIONS);
    const campaigns = JSON.parse(await text('/data/survey_campaigns.json')) as { rows: { station_slug: string; campaign_period: string; responses: number }[] };
    const [last] = await closedCampaigns('zhuze');
    const zhuze = campaigns.rows.find((c) => c.station_slug === 'zhuze' && c.campaign_period === last?.period);
    expect(zhuze?.responses).toBe((await results(last?.id as string)).responses);
  });
});

describe('a station with no open survey', () => {
  it.each([
    [`/${STATION_WITHOUT_OPEN_SURVEY}/survey/`, '目前没有正在进行的评议。'],
    [`/en/${STATION_WITHOUT_OPEN_SURVEY}/survey/`, 'No survey is taking answers at the moment.'],
  ])('%s says so clearly, with no form and no island', async (path, message) => {
    const html = await text(path);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<form/i);
    const page = await phone.context.newPage();
    const foreign = trackForeignRequests(page, origin);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${origin}${path}`);
    await expect(page.locator('#survey-none').textContent()).resolves.toBe(message);
    expect(await page.locator('#survey-none').isVisible()).toBe(true);
    expect(await page.locator('form.survey, input[name=campaign]').count()).toBe(0);
    expect(await page.locator('#survey-results-link a').count(), 'the last results are still linked').toBe(1);
    expect(requests.filter((p) => p.endsWith('.js') || p === '/graphql')).toEqual([]);
    expect((await axeViolations(page)).map((v) => v.id)).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('while another station\'s survey page keeps its form and its island', async () => {
    const html = await text('/zhuze/survey/');
    expect(html).toMatch(/<form class="survey"/);
    expect(html.match(/<script type="module" src="\/_astro\/[\w.-]+\.js"><\/script>/g)).toHaveLength(1);
  });
});
