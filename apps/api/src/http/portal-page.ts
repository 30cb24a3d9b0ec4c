import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { htmlLang, type Lang, localePath, t } from '@openstation/site/i18n';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` escaped for HTML text and attribute values. */
export const esc = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);

/** The built portal's stylesheets (read from its home page), so server-rendered pages look like it; none without a build. */
export async function stylesheets(portalRoot: (() => string) | undefined): Promise<string[]> {
  if (!portalRoot) return [];
  try {
    const home = await readFile(join(portalRoot(), 'index.html'), 'utf8');
    return [...home.matchAll(/<link rel="?stylesheet"? href="?(\/_astro\/[\w.-]+\.css)"?/g)].map((m) => m[1] ?? '').filter(Boolean);
  } catch {
    return [];
  }
}

export interface PageParts {
  lang: Lang;
  title: string;
  /** The same page in the other language. */
  otherHref: string;
  body: string;
  css: string[];
}

/** A complete page in the portal's look (header, skip link, main), never indexed. */
export function portalPage({ lang, title, otherHref, body, css }: PageParts): string {
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  return (
    `<!doctype html><html lang="${htmlLang(lang)}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">' +
    `<title>${esc(title)} · ${esc(t(lang, 'site.name'))}</title>` +
    css.map((href) => `<link rel="stylesheet" href="${esc(href)}">`).join('') +
    '<link rel="icon" href="/favicon.svg" type="image/svg+xml"></head><body>' +
    `<a class="skip" href="#main">${esc(t(lang, 'site.skip'))}</a>` +
    `<header class="top"><div class="wrap bar"><a class="brand" href="${localePath(lang, '/')}">${esc(t(lang, 'site.name'))}</a>` +
    `<a class="lang" href="${esc(otherHref)}" hreflang="${htmlLang(other)}" lang="${htmlLang(other)}">${esc(t(lang, 'site.switchTo'))}</a></div></header>` +
    `<main id="main" class="wrap" tabindex="-1">${body}</main></body></html>`
  );
}

/** An HTML response that is never cached. */
export function htmlResponse(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff', ...headers },
  });
}
