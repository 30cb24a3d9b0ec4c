/**
 * `pnpm bench:portal`: builds the portal for the demo data (embedded PGlite) and for a
 * synthetic 200-station data set (PostgreSQL at BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres, in a scratch database), and prints build
 * times and page weights, and the time from a committed change of one station to its page
 * served with the change (incremental publishing, through the same queue and build task as
 * `pnpm start`, debounce 0). Exits 1 if any page is over budget.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, openDatabase } from '@openstation/db';
import { seedDemoData, seedSynthetic } from '@openstation/db/seed';
import { createApi } from '@openstation/api/yoga';
import { createSession } from '@openstation/api/auth/accounts';
import { buildPortal, portalBuildTask } from '../../apps/api/src/portal-build.ts';
import { createPortalUpdates } from '../../apps/api/src/portal-updates.ts';
import { createStaticHandler } from '../../apps/api/src/http/static.ts';
import { serveOnNode } from '../../apps/api/src/http/node-server.ts';
import { formatPageWithScripts, formatReport, weigh, weighPage } from '../../apps/portal/scripts/weigh.ts';
import { adminQuery, databaseUrl } from '../support/postgres-admin.ts';

const portalDir = fileURLToPath(new URL('../../apps/portal', import.meta.url));
const stations = Number(process.env.BENCH_STATIONS ?? 200);
const officersPerStation = Number(process.env.BENCH_OFFICERS ?? 100);

const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');

/**
 * Commits a change of one station's duty phone through the API, as a signed-in admin, and
 * times it until the site served from `outDir` shows it: the portal updates (incremental by
 * default, or whole with `incremental: false`) run as `pnpm start` runs them.
 */
async function changeToServed(db: Database, apiUrl: string, outDir: string, incremental: boolean): Promise<{ ms: number; log: string[] }> {
  const log: string[] = [];
  const options = { portalDir, apiUrl, site: 'http://localhost:4000', outDir };
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
      if (page.includes(phone)) return { ms: performance.now() - started, log };
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
    const ms = await buildPortal({ portalDir, apiUrl: `${origin}/graphql`, site: 'http://localhost:4000', outDir }).done;
    const report = weigh(outDir);
    console.log(formatReport(label, report, ms));
    const surveyPages = report.pages.filter((p) => /^\/(en\/)?[\w-]+\/survey\/index\.html$/.test(p.path)).map((p) => weighPage(outDir, p.path));
    const heaviest = surveyPages.sort((a, b) => b.total + b.js - (a.total + a.js)).slice(0, 2);
    if (heaviest.length > 0) console.log(`  survey pages (${surveyPages.length}), HTML + CSS and the island's JavaScript apart, heaviest:\n${heaviest.map(formatPageWithScripts).join('\n')}`);
    // A whole-site rebuild after a change takes what the full build above took: timed only where that is quick.
    for (const incremental of wholeChange ? [true, false] : [true]) {
      const { ms: served, log } = await changeToServed(db, `${origin}/graphql`, outDir, incremental);
      console.log(`  one station's duty phone changed → its page served with it: ${(served / 1000).toFixed(1)} s (${incremental ? 'incremental' : 'whole site'}; ${log.filter((l) => /done in/.test(l)).join(' ')})`);
    }
    return report.overBudget.length === 0;
  } finally {
    await server.close(0);
    rmSync(join(outDir, '..'), { recursive: true, force: true });
  }
}

let ok = true;
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
