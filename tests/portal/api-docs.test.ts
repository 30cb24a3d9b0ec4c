import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PAGE_BUDGET_BYTES } from '../../apps/portal/scripts/weigh.ts';
import { DocLinkError, portalDocLink } from '../../apps/portal/src/lib/doc-links.ts';
import { axeViolations, trackForeignRequests, usePhoneBrowser } from './browser.ts';

const origin = inject('portalOrigin');
const root = new URL('../../', import.meta.url);
const phone = usePhoneBrowser();

/** The published docs: page path (Chinese) → the heading their source file starts with. */
const DOCS: Record<string, { source: string; heading: string }> = {
  '/open-data/api/': { source: 'docs/partners.md', heading: 'Using the OpenStation API from a partner agency' },
  '/open-data/api/errors/': { source: 'docs/errors.md', heading: 'API error codes' },
  '/open-data/api/content-rules/': { source: 'docs/content-rules.md', heading: 'Content rules and warnings' },
  '/open-data/api/changelog/': { source: 'apps/api/CHANGELOG.md', heading: 'Changelog of the OpenStation GraphQL API' },
};
const pages = Object.keys(DOCS).flatMap((path) => [path, `/en${path}`]);

async function open(path: string): Promise<{ page: Page; foreign: string[] }> {
  const page = await phone.context.newPage();
  const foreign = trackForeignRequests(page, origin);
  const response = await page.goto(`${origin}${path}`);
  expect(response?.status(), `${path} answers 200`).toBe(200);
  return { page, foreign };
}

/** Every same-origin link on the page, absolute, and the ids its targets must have. */
async function internalLinks(page: Page): Promise<string[]> {
  const hrefs = await page.locator('a[href]').evaluateAll((els) => els.map((el) => (el as HTMLAnchorElement).href));
  return [...new Set(hrefs.filter((href) => href.startsWith(`${origin}/`) || href === origin))];
}

describe('the partner documentation on the portal', () => {
  it.each(pages)('%s is rendered from the repository, axe-clean, without script or foreign request', async (path) => {
    const { page, foreign } = await open(path);
    const zh = !path.startsWith('/en/');
    const doc = DOCS[zh ? path : path.slice(3)];
    expect(doc).toBeDefined();
    expect(await page.getAttribute('html', 'lang')).toBe(zh ? 'zh-CN' : 'en');
    const article = page.locator('main article.doc');
    await expect(article.locator('h1').textContent()).resolves.toBe(doc?.heading);
    // Rendered from the file itself: its second heading is there too.
    const second = /^##\s+(.+)$/m.exec(readFileSync(new URL(doc?.source ?? '', root), 'utf8'))?.[1]?.replace(/`/g, '');
    if (second) await expect(article.locator('h2').first().textContent()).resolves.toBe(second);
    if (zh) {
      // English content on a Chinese page is marked, and said to be English in Chinese.
      expect(await article.getAttribute('lang')).toBe('en');
      await expect(page.locator('main [role=note]').textContent()).resolves.toContain('英文');
    } else {
      expect(await article.getAttribute('lang')).toBeNull();
    }
    const scripts = await page.locator('script').count();
    expect(scripts, 'no client-side JavaScript').toBe(0);
    const violations = await axeViolations(page);
    expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    // Wide tables and code scroll in their own box: the page itself does not scroll sideways on a phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(foreign).toEqual([]);
  });

  it.each(pages)('every link on %s leads to a published file, and every #fragment to an id there', async (path) => {
    const { page } = await open(path);
    const links = await internalLinks(page);
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) {
      const url = new URL(link);
      const response = await fetch(`${url.origin}${url.pathname}`);
      expect(response.status, `${link} on ${path}`).toBe(200);
      const body = await response.text();
      if (url.hash && url.hash !== '#') {
        const id = decodeURIComponent(url.hash.slice(1));
        expect(body.includes(`id="${id}"`), `${link} on ${path}: no element with id "${id}"`).toBe(true);
      }
    }
    // No link leaves the portal.
    const external = await page.locator('a[href]').evaluateAll((els, o) => els.map((el) => (el as HTMLAnchorElement).href).filter((h) => /^https?:/.test(h) && !h.startsWith(o)), origin);
    expect(external).toEqual([]);
  });

  it('links between the docs are rewritten to the portal’s pages', async () => {
    const partners = await (await fetch(`${origin}/open-data/api/`)).text();
    expect(partners).toContain('href="errors/"');
    expect(partners).toContain('href="/open-data/api/schema.graphql"');
    expect(partners).toContain('href="/open-data/api/schema.released.graphql"');
    expect(partners).toContain('href="changelog/"');
    expect(partners).not.toMatch(/href="[^"]*\.md[#"]/);
    const errors = await (await fetch(`${origin}/en/open-data/api/errors/`)).text();
    expect(errors).toContain('href="../#registered-operations"');
  });

  it.each([
    ['/open-data/api/schema.graphql', 'apps/api/schema.graphql'],
    ['/open-data/api/schema.released.graphql', 'apps/api/schema.released.graphql'],
  ])('%s is %s byte for byte', async (path, file) => {
    const response = await fetch(`${origin}${path}`);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(new URL(file, root)))).toBe(true);
  });

  it.each(['/open-data/', '/en/open-data/'])('%s links to the partner documentation from its API section and footer', async (path) => {
    const { page } = await open(path);
    const partners = path === '/open-data/' ? '/open-data/api/' : '/en/open-data/api/';
    const section = page.locator('#api ~ ul');
    expect(await section.locator(`a[href="${partners}"]`).count()).toBe(1);
    expect(await section.locator('a[href="/open-data/api/schema.graphql"]').count()).toBe(1);
    expect(await page.locator(`footer a[href="${partners}"]`).count()).toBe(1);
    await page.locator('#api ~ ul').locator(`a[href="${partners}"]`).click();
    await expect.poll(() => page.url()).toBe(`${origin}${partners}`);
  });

  it.each(pages)('%s weighs less than the page budget (HTML + CSS)', async (path) => {
    const html = await (await fetch(`${origin}${path}`)).text();
    let bytes = Buffer.byteLength(html);
    for (const match of html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)) {
      bytes += (await (await fetch(`${origin}${match[1]}`)).arrayBuffer()).byteLength;
    }
    expect(bytes).toBeLessThan(PAGE_BUDGET_BYTES);
  });
});

describe('links in the docs (portalDocLink)', () => {
  it('maps links between published documents to relative page links, and files to downloads', () => {
    expect(portalDocLink('errors.md', 'docs/partners.md')).toBe('errors/');
    expect(portalDocLink('partners.md#registered-operations', 'docs/errors.md')).toBe('../#registered-operations');
    expect(portalDocLink('../apps/api/schema.graphql', 'docs/partners.md')).toBe('/open-data/api/schema.graphql');
    expect(portalDocLink('../apps/api/CHANGELOG.md', 'docs/partners.md')).toBe('changelog/');
    expect(portalDocLink('schema.released.graphql', 'apps/api/CHANGELOG.md')).toBe('/open-data/api/schema.released.graphql');
    expect(portalDocLink('#limits', 'docs/partners.md')).toBe('#limits');
    expect(portalDocLink('mailto:duty@station.example', 'docs/partners.md')).toBe('mailto:duty@station.example');
  });

  it.each([
    ['csv.md', 'docs/partners.md', /docs\/csv\.md.*would break/],
    ['../apps/api/src/errors.ts', 'docs/errors.md', /apps\/api\/src\/errors\.ts/],
    ['https://github.com/openstation/openstation', 'docs/partners.md', /another site/],
    ['../apps/api/schema.graphql#L10', 'docs/partners.md', /download/],
  ])('fails the build on %s in %s', (url, source, message) => {
    expect(() => portalDocLink(url, source)).toThrow(DocLinkError);
    expect(() => portalDocLink(url, source)).toThrow(message);
  });
});
