/**
 * `pnpm bench:console`: the staff console's page weights per page type (HTML with its inlined
 * CSS and scripts, and the JavaScript apart, raw and gzipped), and the time from "publish" in the
 * console to the portal serving the published report, for the demo data (embedded PGlite) and
 * a synthetic 200-station set (PostgreSQL at BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres, in a scratch database; BENCH_STATIONS=0 skips
 * it). The server is wired as `pnpm start` wires it: the console mounted at /staff/, the real
 * portal build run in-process after a published change. Prints figures; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type Database, openDatabase, pendingMigrations, pingDatabase } from '@openstation/db';
import { seedDemoData, seedSynthetic } from '@openstation/db/seed';
import { createStaffUser } from '@openstation/api/auth/accounts';
import { createApi } from '@openstation/api/yoga';
import { createHttpApp } from '../../apps/api/src/http/app.ts';
import type { ServerContext } from '../../apps/api/src/http/context.ts';
import { serveOnNode } from '../../apps/api/src/http/node-server.ts';
import { portalBuildTask } from '../../apps/api/src/portal-build.ts';
import { createPortalUpdates } from '../../apps/api/src/portal-updates.ts';
import { createStaffConsole } from '../../apps/api/src/console-mount.ts';
import { ConsoleClient } from '../console/http-client.ts';
import { adminQuery, databaseUrl } from '../support/postgres-admin.ts';

const portalDir = fileURLToPath(new URL('../../apps/portal', import.meta.url));
const stations = Number(process.env.BENCH_STATIONS ?? 200);
const officersPerStation = Number(process.env.BENCH_OFFICERS ?? 100);

interface Weight {
  page: string;
  html: number;
  htmlGzip: number;
  js: number;
  jsGzip: number;
}

/** A page's HTML and the scripts it loads, raw and gzipped. */
async function weighPage(client: ConsoleClient, page: string, path: string): Promise<Weight> {
  const response = await client.get(path);
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  const html = Buffer.from(await response.arrayBuffer());
  const text = html.toString('utf8');
  // Astro inlines small scripts (the metric grid's island is one): count them as JavaScript too.
  const inline = [...text.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => Buffer.from(m[1] ?? ''));
  const scripts = [...text.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1] ?? '');
  let js = inline.reduce((sum, b) => sum + b.length, 0);
  let jsGzip = inline.reduce((sum, b) => sum + (b.length > 0 ? gzipSync(b).length : 0), 0);
  for (const src of scripts) {
    const body = Buffer.from(await (await client.get(src)).arrayBuffer());
    js += body.length;
    jsGzip += gzipSync(body).length;
  }
  return { page, html: html.length, htmlGzip: gzipSync(html).length, js, jsGzip };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function run(label: string, db: Database): Promise<void> {
  const draft = await db.prisma.workReport.findFirst({ where: { status: 'DRAFT' }, orderBy: [{ year: 'desc' }, { quarter: 'desc' }, { id: 'asc' }], include: { station: true } });
  if (!draft) throw new Error(`${label}: no draft report to publish.`);
  const published = await db.prisma.workReport.findFirstOrThrow({ where: { stationId: draft.stationId, status: 'PUBLISHED', supersededAt: null }, orderBy: { id: 'desc' } });
  const officer = await db.prisma.officer.findFirstOrThrow({ where: { stationId: draft.stationId, retiredAt: null } });
  const editor = { email: `bench-editor@${draft.station.slug}.test`, password: 'bench-editor-password' };
  await createStaffUser(db.prisma, { ...editor, name: 'Bench editor', role: 'EDITOR', stations: [draft.stationId] });

  const scratch = mkdtempSync(join(tmpdir(), 'openstation-console-bench-'));
  const dist = join(scratch, 'dist');
  let origin = '';
  const updates = createPortalUpdates({
    env: {},
    build: (batch, signal) => portalBuildTask({ portalDir, apiUrl: `${origin}/graphql`, site: origin, outDir: dist })(batch, signal),
    log: { info: () => {}, error: (line) => console.error(line) },
  });
  const api = createApi({ prisma: db.prisma, onPublicChange: updates.publicChanged, portalUpdatesStatus: updates.status });
  const staff = createStaffConsole<ServerContext>({ api, secret: 'bench-secret-that-is-at-least-32-characters' });
  if (!(await staff.ready)) throw new Error('The console did not load.');
  const prisma = db.prisma;
  const server = serveOnNode(
    createHttpApp({
      api,
      database: { ping: () => pingDatabase(prisma), pendingMigrations: () => pendingMigrations(prisma) },
      portalRoot: () => dist,
      portalStatus: updates.status,
      mounts: [{ prefix: '/staff/', handle: staff.handle }],
    }),
  );
  origin = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
  try {
    const client = new ConsoleClient(origin);
    await client.signIn(editor.email, editor.password);
    const slug = draft.station.slug;
    const pages: [string, string][] = [
      ['home', '/staff/'],
      ['officers list', `/staff/officers/?station=${slug}`],
      ['officer form', `/staff/officers/${officer.id}/`],
      ['reports list', `/staff/reports/?station=${slug}`],
      ['new report', `/staff/reports/new/?station=${slug}`],
      ['report draft (grid)', `/staff/reports/${draft.id}/`],
      ['report preview', `/staff/reports/${draft.id}/preview/`],
      ['published report (correction)', `/staff/reports/${published.id}/`],
    ];
    const weights: Weight[] = [];
    for (const [page, path] of pages) weights.push(await weighPage(client, page, path));
    console.log(`\n${label}: console page weights (HTML with its inlined CSS and scripts; JS: the scripts, inlined or loaded)`);
    console.log(`  ${'page type'.padEnd(32)}${'HTML'.padStart(10)}${'gzip'.padStart(10)}${'JS'.padStart(10)}${'JS gzip'.padStart(10)}`);
    for (const w of weights) console.log(`  ${w.page.padEnd(32)}${kb(w.html).padStart(10)}${kb(w.htmlGzip).padStart(10)}${kb(w.js).padStart(10)}${kb(w.jsGzip).padStart(10)}`);

    const portalPage = `${origin}/${slug}/reports/${draft.year}-q${draft.quarter}/`;
    const before = await fetch(portalPage);
    const csrf = await client.csrf(`/staff/reports/${draft.id}/`);
    const started = performance.now();
    const publish = await client.post(`/staff/reports/${draft.id}/publish/`, { csrf });
    if (!publish.headers.get('location')?.includes('published=1')) throw new Error(`Publishing answered ${publish.status} ${publish.headers.get('location')}`);
    const publishedMs = performance.now() - started;
    for (;;) {
      const response = await fetch(portalPage);
      if (response.status === 200 && (await response.text()).includes(draft.summaryZh.slice(0, 20))) break;
      if (performance.now() - started > 30 * 60_000) throw new Error('The portal did not serve the report within 30 minutes.');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const servedMs = performance.now() - started;
    const build = updates.status().build;
    console.log(`  publish ${slug} ${draft.year}-Q${draft.quarter}: the console answered in ${Math.round(publishedMs)} ms; the portal served it ${(servedMs / 1000).toFixed(1)} s after "publish" (was ${before.status} before; debounce 2 s, build ${((build?.lastDurationMs ?? 0) / 1000).toFixed(1)} s, ${build?.runs ?? 0} build(s))`);
  } finally {
    await updates.close();
    await server.close(1_000);
    rmSync(scratch, { recursive: true, force: true });
  }
}

{
  const db = await openDatabase('pglite:memory');
  await seedDemoData(db.prisma);
  await run('demo data (5 stations, PGlite)', db);
  await db.close();
}
if (stations > 0) {
  const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `openstation_console_bench_${process.pid}`;
  await adminQuery(base, `CREATE DATABASE "${name}"`);
  try {
    const db = await openDatabase(databaseUrl(base, name));
    const seeding = performance.now();
    await seedSynthetic(db.prisma, { stations, officersPerStation });
    console.log(`\nseeded ${stations} synthetic stations × ${officersPerStation} officers in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
    await run(`synthetic (${stations} stations × ${officersPerStation} officers, PostgreSQL)`, db);
    await db.close();
  } finally {
    await adminQuery(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}
process.exit(0);
