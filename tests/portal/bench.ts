/**
 * `pnpm bench:portal`: builds the portal for the demo data (embedded PGlite) and for a
 * synthetic 200-station data set (PostgreSQL at BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres, in a scratch database), and prints build
 * times (with Astro's phases) and page weights, and the time from a committed change of one
 * station to its page served with the change (incremental publishing, through the same queue
 * and build task as `pnpm start`, debounce 0): incremental with the data store kept from the
 * build before (how `pnpm start` runs), incremental with every station's data fetched again
 * (how incremental builds ran before the store was kept: the same run's "before"), and for
 * the demo data the whole site. Exits 1 if any page is over budget.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, openDatabase } from '@openstation/db';
import { seedDemoData, seedSynthetic } from '@openstation/db/seed';
import { createApi } from '@openstation/api/yoga';
import { createSession } from '@openstation/api/auth/accounts';
import { type BuildPhases, buildPortal, portalBuildTask } from '../../apps/api/src/portal-build.ts';
import { siteDir } from '../../apps/api/src/portal-site-dir.ts';
import { createPortalUpdates } from '../../apps/api/src/portal-updates.ts';
import { createStaticHandler } from '../../apps/api/src/http/static.ts';
import { serveOnNode } from '../../apps/api/src/http/node-server.ts';
import { formatPageWithScripts, formatReport, weigh, weighPage } from '../../apps/portal/scripts/weigh.ts';
import { adminQuery, databaseUrl } from '../support/postgres-admin.ts';

const portalDir = fileURLToPath(new URL('../../apps/portal', import.meta.url));
const stations = Number(process.env.BENCH_STATIONS ?? 200);
const officersPerStation = Number(process.env.BENCH_OFFICERS ?? 100);

const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');

/** A build's phases, one line: Astro's own timed lines (content sync, bundling, pages, sitemap) and ours. */
function formatPhases(phases: BuildPhases | null): string {
  if (!phases) return '    (no phases: the build did not finish)';
  const astro = phases.astroLog.map((line) => `    ${line}`).join('\n');
  return `${astro}\n    astro build ${(Number(phases.astro) / 1000).toFixed(1)} s; then waiting for the hard-linked copy ${((phases.copyWait ?? 0) / 1000).toFixed(1)} s, new pages laid over it and swapped in ${(Number(phases.publish) / 1000).toFixed(1)} s`;
}

type ChangeMode = 'kept store' | 'store dropped' | 'whole site';

/**
 * Commits a change of one station's duty phone through the API, as a signed-in admin, and
 * times it until the site served from `outDir` shows it: the portal updates (incremental by
 * default, or whole with `incremental: false`) run as `pnpm start` runs them.
 */
async function changeToServed(db: Database, apiUrl: string, outDir: string, mode: ChangeMode): Promise<{ ms: number; log: string[]; phases: BuildPhases | null }> {
  const log: string[] = [];
  let phases: BuildPhases | null = null;
  const incremental = mode !== 'whole site';
  if (mode === 'store dropped') rmSync(siteDir(outDir).cache, { recursive: true, force: true });
  const options = { portalDir, apiUrl, site: 'http://localhost:4000', outDir, onPhases: (p: BuildPhases) => (phases = p) };
  const slugsOf = async (ids: readonly number[]) => (await db.prisma.station.findMany({ where: { id: { in: [...ids] } }, select: { slug: true } })).map((s) => s.slug);
  const updates = createPortalUpdates({
    build: portalBuildTask(options, incremental ? slugsOf : undefined),
    env: { PORTAL_REBUILD_DEBOUNCE_MS: '0' },
    log: { info: (line) => log.push(line), error: (line) => log.push(line) },
  });
  const api = createApi({ prisma: db.prisma, onPublicChange: updates.publicChanged });
  const site = serveOnNode(createStaticHandler(() => outDir));
  const origin = `http://127.0.0.1:${await site.listen(0, '127.0.0.1')}`;
  try {
    const station = await db.prisma.station.findFirstOrThrow({ where: { retiredAt: null }, orderBy: { id: 'desc' } });
    const admin = await db.prisma.staffUser.create({ data: { email: `bench-${Date.now()}@example.org`, name: 'Bench', role: 'ADMIN', passwordHash: 'not used', allStations: true } });
    const phone = `0519-8${String(Date.now() % 10_000_000).padStart(7, '0')}`;
    const started = performance.now();
    const response = await api.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${(await createSession(db.prisma, admin.id)).token}` },
      body: JSON.stringify({ query: 'mutation ($id: ID!, $phone: String!) { updateStation(id: $id, input: { dutyPhone: $phone }) { id } }', variables: { id: globalId('Station', station.id), phone } }),
    });
    const body = (await response.json()) as { errors?: unknown };
    if (body.errors) throw new Error(`The change failed: ${JSON.stringify(body.errors)}`);
    for (;;) {
      const page = await fetch(`${origin}/${station.slug}/`).then((r) => r.text());
      if (page.includes(phone)) return { ms: performance.now() - started, log, phases };
      if (updates.status().build?.lastError) throw new Error(`Portal build failed: ${updates.status().build?.lastError}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await updates.close();
    await site.close(0);
  }
}

async function buildAndWeigh(label: string, db: Database, wholeChange = true): Promise<boolean> {
  const api = createApi({ prisma: db.prisma });
  // Served as \`pnpm start\` serves it.
  const server = serveOnNode((request, context) => api.fetch(request, context));
  const origin = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
  const outDir = join(mkdtempSync(join(tmpdir(), 'openstation-bench-')), 'dist');
  try {
    let phases: BuildPhases | null = null;
    const ms = await buildPortal({ portalDir, apiUrl: `${origin}/graphql`, site: 'http://localhost:4000', outDir, onPhases: (p) => (phases = p) }).done;
    const report = weigh(outDir);
    console.log(`${formatReport(label, report, ms)}\n  full build, by phase (load ${loadAverage()}):\n${formatPhases(phases)}`);
    const surveyPages = report.pages.filter((p) => /^\/(en\/)?[\w-]+\/survey\/index\.html$/.test(p.path)).map((p) => weighPage(outDir, p.path));
    const heaviest = surveyPages.sort((a, b) => b.total + b.js - (a.total + a.js)).slice(0, 2);
    if (heaviest.length > 0) console.log(`  survey pages (${surveyPages.length}), HTML + CSS and the island's JavaScript apart, heaviest:\n${heaviest.map(formatPageWithScripts).join('\n')}`);
    // A whole-site rebuild after a change takes what the full build above took: timed only where that is quick.
    const modes: ChangeMode[] = ['kept store', 'store dropped', 'kept store', ...(wholeChange ? (['whole site'] as const) : [])];
    const described: Record<ChangeMode, string> = {
      'kept store': 'incremental, the data store kept from the build before: only that station fetched (now)',
      'store dropped': 'incremental, every station\'s data fetched again (before)',
      'whole site': 'the whole site',
    };
    for (const mode of modes) {
      const { ms: served, log, phases } = await changeToServed(db, `${origin}/graphql`, outDir, mode);
      console.log(`  one station's duty phone changed → its page served with it: ${(served / 1000).toFixed(1)} s (${described[mode]}; load ${loadAverage()}; ${log.filter((l) => /done in/.test(l)).join(' ')})\n${formatPhases(phases)}`);
    }
    return report.overBudget.length === 0;
  } finally {
    await server.close(0);
    rmSync(join(outDir, '..'), { recursive: true, force: true });
  }
}

/** The machine's 1-minute load average: the figures above mean little without it. */
function loadAverage(): string {
  return loadavg()[0]!.toFixed(1);
}

let ok = true;
console.log(`${cpus().length} cores, load ${loadAverage()}`);
{
  const db = await openDatabase('pglite:memory');
  await seedDemoData(db.prisma);
  ok = (await buildAndWeigh('demo data (5 stations)', db)) && ok;
  await db.close();
}
if (stations > 0) {
  const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `openstation_portal_bench_${process.pid}`;
  await adminQuery(base, `CREATE DATABASE "${name}"`);
  try {
    const db = await openDatabase(databaseUrl(base, name));
    const seeding = performance.now();
    await seedSynthetic(db.prisma, { stations, officersPerStation });
    console.log(`seeded ${stations} synthetic stations × ${officersPerStation} officers in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
    ok = (await buildAndWeigh(`synthetic (${stations} stations × ${officersPerStation} officers, PostgreSQL)`, db, false)) && ok;
    await db.close();
  } finally {
    await adminQuery(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}
process.exit(ok ? 0 : 1);
