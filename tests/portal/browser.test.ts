import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, trackForeignRequests, usePhoneBrowser } from './browser.ts';

const origin = inject('portalOrigin');
const phone = usePhoneBrowser();

async function open(path: string): Promise<{ page: Page; foreign: string[] }> {
  const page = await phone.context.newPage();
  const foreign = trackForeignRequests(page, origin);
  const response = await page.goto(`${origin}${path}`);
  expect(response?.status(), `${path} answers 200`).toBe(200);
  return { page, foreign };
}

describe('a resident on a phone', () => {
  it('finds the officer for a named village from the station home', async () => {
    const { page, foreign } = await open('/qianling/');
    await page.getByRole('navigation', { name: '本所栏目' }).getByRole('link', { name: '找社区民警' }).click();
    await expect.poll(() => page.url()).toBe(`${origin}/qianling/officers/`);
    await page.getByRole('link', { name: /杨家村/ }).click();
    await expect(page.locator('h1').textContent()).resolves.toContain('杨家村');
    const primary = page.locator('article.card.primary');
    await expect(primary.locator('h3').textContent()).resolves.toContain('陈红霞');
    await expect(primary.textContent()).resolves.toContain('责任民警');
    const tel = primary.locator('a[href^="tel:"]');
    expect(await tel.getAttribute('href')).toMatch(/^tel:\+?\d{6,}$/);
    await expect(primary.textContent()).resolves.toContain('联系方式核实于');
    const support = await page.locator('article.card').allTextContents();
    expect(support.join(' ')).toMatch(/辅警/);
    expect(support.join(' ')).toMatch(/网格员/);
    const vcardHref = await primary.locator('a[download]').getAttribute('href');
    expect(vcardHref).toMatch(/^\/vcard\/qianling\/\d+\.vcf$/);
    const vcard = await page.request.get(`${origin}${vcardHref}`);
    expect(vcard.headers()['content-type']).toContain('text/vcard');
    expect(await primary.locator('a[download]').getAttribute('download')).toBe('陈红霞.vcf');
    expect(await vcard.text()).toMatch(/^BEGIN:VCARD\r\nVERSION:4\.0\r\nN:陈;红霞;;;\r\nFN:陈红霞\r\n/);
    expect(foreign).toEqual([]);
  });

  it('sees the overdue flag and opens the latest report', async () => {
    const { page } = await open('/qianling/');
    await expect(page.locator('#overdue').textContent()).resolves.toContain('2026年第一季度');
    await page.locator('#latest-report').click();
    await expect.poll(() => page.url()).toBe(`${origin}/qianling/reports/2026-q1/`);
    const rows = page.locator('table.metrics tbody tr');
    expect(await rows.count()).toBeGreaterThan(3);
    const headers = await page.locator('table.metrics thead th').allTextContents();
    expect(headers).toEqual(['指标', '本季度', '单位', '去年同期', '同比', '统计口径']);
    await expect(page.getByRole('heading', { name: '群众反映的问题和办理情况' }).count()).resolves.toBe(1);
  });

  it('a station that reports on time is not flagged', async () => {
    const { page } = await open('/zhuze/');
    expect(await page.locator('#overdue').count()).toBe(0);
  });

  it('opens a service item with everything needed to get it done', async () => {
    const { page } = await open('/zhuze/');
    await page.getByRole('navigation', { name: '本所栏目' }).getByRole('link', { name: '办事指南' }).click();
    await page.locator('main ul.tiles a').first().click();
    await expect.poll(() => page.url()).toMatch(/\/zhuze\/services\/[a-z0-9-]+\/$/);
    const text = (await page.locator('main').textContent()) ?? '';
    for (const heading of ['办理条件', '所需材料', '办理流程', '承诺时限', '收费标准', '办理地点', '办理时间', '施行日期']) {
      expect(text).toContain(heading);
    }
  });

  it('switches to English and back, keeping the page', async () => {
    const { page } = await open('/zhuze/reports/');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.locator('a.lang').click();
    await expect.poll(() => page.url()).toBe(`${origin}/en/zhuze/reports/`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect(page.locator('h1').textContent()).resolves.toBe('Quarterly reports');
    await page.locator('a.lang').click();
    await expect.poll(() => page.url()).toBe(`${origin}/zhuze/reports/`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
  });

  it('marks Chinese text shown on an English page', async () => {
    const { page } = await open('/en/zhuze/');
    const fallback = page.locator('[lang="zh-CN"] + .fb').first();
    expect(await fallback.count()).toBe(1);
  });

  it('can reach the content by keyboard, with a visible focus', async () => {
    const { page } = await open('/zhuze/');
    await page.keyboard.press('Tab');
    const skip = page.locator('a.skip');
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    const box = await skip.boundingBox();
    expect(box && box.x >= 0).toBe(true);
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).toBe('solid');
  });
});

describe('a resident who types the name of their village (no JavaScript)', () => {
  it.each([
    { home: '/qianling/', typed: '杨家', button: '查找民警', area: '杨家村', path: /^\/qianling\/officers\/\d+\/$/ },
    { home: '/en/qianling/', typed: 'Yangjia', button: 'Find officer', area: 'Yangjia Village', path: /^\/en\/qianling\/officers\/\d+\/$/ },
  ])('types “$typed” on $home, submits and lands on the officers for $area', async ({ home, typed, button, area, path }) => {
    const noScript = await phone.browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    try {
      const page = await noScript.newPage();
      const foreign = trackForeignRequests(page, origin);
      await page.goto(`${origin}${home}`);
      const options = await page.locator('datalist#places option').evaluateAll((els) => els.map((el) => el.getAttribute('value')));
      expect(options).toContain(area);
      await page.getByRole('combobox').fill(typed);
      await page.getByRole('button', { name: button }).click();
      await expect.poll(() => new URL(page.url()).pathname).toMatch(path);
      await expect(page.locator('h1').textContent()).resolves.toContain(area);
      expect(await page.locator('article.card.primary').count()).toBe(1);
      expect(foreign).toEqual([]);
    } finally {
      await noScript.close();
    }
  });

  it('chooses among several matches on a results page in the portal’s look', async () => {
    const { page } = await open('/qianling/officers/');
    await page.getByRole('combobox').fill('园');
    await page.getByRole('button', { name: '查找民警' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/find-officer');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.locator('link[rel=stylesheet]').count()).toBe(1);
    const links = page.locator('main ul.tiles a');
    expect(await links.count()).toBeGreaterThan(1);
    await links.filter({ hasText: '钟灵山工业园' }).click();
    await expect(page.locator('h1').textContent()).resolves.toContain('钟灵山工业园');
  });
});

const pageTypes = [
  '/',
  '/zhuze/',
  '/qianling/',
  '/zhuze/officers/',
  '/qiandeng/officers/',
  '/zhuze/reports/',
  '/zhuze/reports/2026-q3/',
  '/zhuze/services/',
  '/zhuze/services/birth-registration/',
  '/zhuze/mediation/',
  '/zhuze/community/',
  '/zhuze/survey/',
  '/qiandeng/survey/',
  '/zhuze/survey/thanks/',
  '/zhuze/survey/results/',
  '/open-data/',
  '/open-data/stations/',
  '/en/',
  '/en/zhuze/',
  '/en/zhuze/reports/2026-q3/',
  '/en/zhuze/mediation/',
  '/en/qiandeng/survey/',
  '/en/qiandeng/survey/thanks/',
  '/en/qiandeng/survey/results/',
  '/en/find-officer/',
  '/find-officer?station=qianling&place=%E5%9B%AD&lang=zh',
  '/find-officer?station=qianling&place=Atlantis&lang=en',
];

describe('every page type', () => {
  it.each(pageTypes)('%s has no axe-core WCAG 2.2 A/AA violations, no script and no foreign request', async (path) => {
    const { page, foreign } = await open(path);
    // The survey form is the one island: one module script, from the site itself.
    const island = /^(\/en)?\/[\w-]+\/survey\/$/.test(path);
    // Linked data (`application/ld+json`, schema.org) is data a browser never runs: not counted.
    const scripts = await page.locator('script:not([type="application/ld+json"])').evaluateAll((els) => els.map((el) => `${el.getAttribute('type')} ${el.getAttribute('src')}`));
    if (island) expect(scripts, 'the survey island only').toEqual([expect.stringMatching(/^module \/_astro\/[\w.-]+\.js$/)]);
    else expect(scripts, 'no client-side JavaScript').toEqual([]);
    const violations = await axeViolations(page);
    expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    expect(foreign).toEqual([]);
  });

  it('the officer page of an area passes axe-core too', async () => {
    const { page } = await open('/qianling/officers/');
    const href = await page.getByRole('link', { name: /杨家村/ }).getAttribute('href');
    await page.goto(`${origin}${href}`);
    expect((await axeViolations(page)).map((v) => v.id)).toEqual([]);
  });

  it('answers 404 with a page for an unknown address', async () => {
    const response = await fetch(`${origin}/no-such-station/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('找不到页面');
  });
});

describe('the reports feed', () => {
  it.each(['/qianling/reports/feed.xml', '/en/zhuze/reports/feed.xml'])('%s is well-formed RSS with absolute links and an Atom self link', async (path) => {
    const response = await fetch(`${origin}${path}`);
    expect(response.status).toBe(200);
    const xml = await response.text();
    const page = await phone.context.newPage();
    const feed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const atom = 'http://www.w3.org/2005/Atom';
      const self = doc.getElementsByTagNameNS(atom, 'link')[0];
      return {
        errors: doc.getElementsByTagName('parsererror').length,
        root: doc.documentElement.nodeName,
        self: self ? { href: self.getAttribute('href'), rel: self.getAttribute('rel'), type: self.getAttribute('type') } : null,
        links: [...doc.querySelectorAll('channel > link, item > link')].filter((l) => l.namespaceURI === null).map((l) => l.textContent ?? ''),
        guids: [...doc.querySelectorAll('item > guid')].map((l) => l.textContent ?? ''),
      };
    }, xml);
    await page.close();
    expect(feed.errors).toBe(0);
    expect(feed.root).toBe('rss');
    expect(feed.self).toEqual({ href: `${origin}${path}`, rel: 'self', type: 'application/rss+xml' });
    expect(feed.links.length).toBeGreaterThan(1);
    for (const link of [...feed.links, ...feed.guids]) expect(link).toMatch(new RegExp(`^${origin}/`));
  });
});
