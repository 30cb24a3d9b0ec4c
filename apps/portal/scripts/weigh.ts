import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Every page's HTML plus the stylesheets it links must stay under this, before compression. */
export const PAGE_BUDGET_BYTES = 50 * 1024;

export interface PageWeight {
  path: string;
  html: number;
  css: number;
  total: number;
}

export interface WeightReport {
  pages: PageWeight[];
  files: number;
  totalBytes: number;
  overBudget: PageWeight[];
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

function pageWeight(dist: string, file: string, cssSize: Map<string, number>): PageWeight {
  const html = readFileSync(file, 'utf8');
  let css = 0;
  for (const match of html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)) {
    const href = match[1] ?? '';
    if (!cssSize.has(href)) cssSize.set(href, statSync(join(dist, href)).size);
    css += cssSize.get(href) ?? 0;
  }
  const size = Buffer.byteLength(html);
  return { path: `/${relative(dist, file)}`, html: size, css, total: size + css };
}

/** Weighs every HTML page of a built site (photos and other images excluded). */
export function weigh(dist: string): WeightReport {
  const files = walk(dist);
  const cssSize = new Map<string, number>();
  const pages = files
    .filter((file) => file.endsWith('.html'))
    .map((file) => pageWeight(dist, file, cssSize))
    .sort((a, b) => b.total - a.total);
  const totalBytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  return { pages, files: files.length, totalBytes, overBudget: pages.filter((p) => p.total > PAGE_BUDGET_BYTES) };
}

/** Bytes of the module scripts a page loads, with every module they import statically. */
function scriptBytes(dist: string, html: string): number {
  const seen = new Set<string>();
  const visit = (href: string) => {
    if (seen.has(href)) return;
    seen.add(href);
    const code = readFileSync(join(dist, href), 'utf8');
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) {
      const target = m[1] ?? '';
      if (!/^[a-z]+:/i.test(target)) visit(target.startsWith('/') ? target : posix.join(dirname(href), target));
    }
  };
  for (const match of html.matchAll(/<script[^>]+src="([^"]+)"/g)) visit(match[1] ?? '');
  return [...seen].reduce((sum, href) => sum + statSync(join(dist, href)).size, 0);
}

/** One page's HTML + CSS (what the budget counts) and, apart, the JavaScript it loads (its island). */
export function weighPage(dist: string, pagePath: string): PageWeight & { js: number } {
  const file = join(dist, pagePath.endsWith('/') ? `${pagePath}index.html` : pagePath);
  return { ...pageWeight(dist, file, new Map()), js: scriptBytes(dist, readFileSync(file, 'utf8')) };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** One line: a page's HTML + CSS, and its JavaScript beside (not counted in the budget). */
export function formatPageWithScripts(page: PageWeight & { js: number }): string {
  return `    ${page.path}: HTML ${kb(page.html)} + CSS ${kb(page.css)} = ${kb(page.total)}; island JavaScript ${kb(page.js)} (all three ${kb(page.total + page.js)})`;
}

/** A short plain-text summary: page count, median/p95/max weight, the heaviest pages. */
export function formatReport(label: string, report: WeightReport, buildMs?: number): string {
  const totals = report.pages.map((p) => p.total).sort((a, b) => a - b);
  const at = (q: number) => totals[Math.min(totals.length - 1, Math.floor(q * totals.length))] ?? 0;
  const lines = [
    `${label}: ${report.pages.length} pages, ${report.files} files, ${(report.totalBytes / 1024 / 1024).toFixed(1)} MB` +
      (buildMs === undefined ? '' : `, built in ${(buildMs / 1000).toFixed(1)} s`),
    `  HTML + CSS per page: median ${kb(at(0.5))}, p95 ${kb(at(0.95))}, max ${kb(totals.at(-1) ?? 0)} (budget ${kb(PAGE_BUDGET_BYTES)})`,
    '  heaviest:',
    ...report.pages.slice(0, 5).map((p) => `    ${kb(p.total).padStart(9)}  ${p.path} (HTML ${kb(p.html)} + CSS ${kb(p.css)})`),
    report.overBudget.length === 0
      ? '  every page is within budget'
      : `  OVER BUDGET: ${report.overBudget.length} pages, e.g. ${report.overBudget[0]?.path}`,
  ];
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = process.argv[2] ?? join(import.meta.dirname, '..', 'dist');
  const report = weigh(dist);
  console.log(formatReport(dist, report));
  process.exitCode = report.overBudget.length === 0 ? 0 : 1;
}
