import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchChromium } from './browser.ts';
import { layoutProblems } from './layout-checks.ts';

const origin = inject('portalOrigin');

/** One page of every type the portal has, in both languages where the layout differs (longer English words). */
const pageTypes = [
  '/',
  '/en/',
  '/qianling/',
  '/en/qiandeng/',
  '/qianling/officers/',
  '/en/zhuze/officers/',
  '/qianling/officers/area/',
  '/zhuze/reports/',
  '/qianling/reports/2026-q1/',
  '/en/qianling/reports/2026-q1/',
  '/zhuze/services/',
  '/zhuze/services/birth-registration/',
  '/zhuze/mediation/',
  '/en/zhuze/mediation/',
  '/zhuze/community/',
  '/zhuze/survey/',
  '/zhuze/survey/results/',
  '/en/zhuze/survey/results/',
  '/open-data/',
  '/en/open-data/',
  '/open-data/stations/',
  '/en/open-data/survey_results/',
  '/open-data/api/',
  '/open-data/calendar/',
  '/en/open-data/calendar/',
  '/find-officer/',
  '/find-officer?station=qianling&place=%E5%9B%AD&lang=zh',
  '/en/zhuze/survey/thanks/',
];

const viewports = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
];

describe.each(viewports)('at $width × $height', (viewport) => {
  let context: BrowserContext;
  let areaPath = '';
  beforeAll(async () => {
    const browser = await launchChromium();
    context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(`${origin}/qianling/officers/`);
    areaPath = (await page.locator('ul.areas-list a').first().getAttribute('href')) ?? '';
    await page.close();
    return () => browser.close();
  });
  afterAll(() => context?.close());

  async function open(path: string): Promise<Page> {
    const page = await context.newPage();
    const response = await page.goto(`${origin}${path === '/qianling/officers/area/' ? areaPath : path}`);
    expect(response?.status(), `${path} answers 200`).toBe(200);
    return page;
  }

  it.each(pageTypes)('%s fits the screen: tables, numbers and charts readable; axe finds nothing', async (path) => {
    const page = await open(path);
    expect(await layoutProblems(page)).toEqual([]);
    const violations = await axeViolations(page);
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.close();
  });

  it.each(['qianling', 'zhuze', 'toutunhe', 'xuecheng', 'qiandeng'].flatMap((slug) => [`/${slug}/`, `/en/${slug}/`]))('%s shows the duty phone, hours, address and 110 on the first screen', async (path) => {
    const page = await open(path);
    const firstScreen = async (selector: string) => {
      const box = await page.locator(selector).boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= viewport.height;
    };
    // qianling has holiday hours and a closure coming (the set-up's hours exceptions): the next one stands beside the hours, above the address.
    const exceptions = path.includes('qianling') ? ['.contact .hours-next a[href="#hours-exceptions"]'] : [];
    for (const selector of ['.contact a.phone', '.contact a[href="tel:110"]', ...exceptions, '.contact dd:last-of-type']) {
      expect(await firstScreen(selector), `${selector} within the first ${viewport.height} px`).toBe(true);
    }
    expect(await page.locator('.contact a.phone').getAttribute('href')).toMatch(/^tel:\+?\d{6,}$/);
    await page.close();
  });
});
