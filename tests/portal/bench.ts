/**
 * `pnpm bench:portal`: builds the portal for the demo data (embedded PGlite) and for a
 * synthetic 200-station data set (PostgreSQL at BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres, in a scratch database), and prints build
 * times and page weights. Exits 1 if any page is over budget.
 */
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, openDatabase } from '@openstation/db';
import { seedDemoData, seedSynthetic } from '@openstation/db/seed';
import { createApi } from '@openstation/api/yoga';
import { buildPortal } from '../../apps/api/src/portal-build.ts';
import { formatPageWithScripts, formatReport, weigh, weighPage } from '../../apps/portal/scripts/weigh.ts';
import { adminQuery, databaseUrl } from '../support/postgres-admin.ts';

const portalDir = fileURLToPath(new URL('../../apps/portal', import.meta.url));
const stations = Number(process.env.BENCH_STATIONS ?? 200);
const officersPerStation = Number(process.env.BENCH_OFFICERS ?? 100);

async function buildAndWeigh(label: string, db: Database): Promise<boolean> {
  const api = createApi({ prisma: db.prisma });
  const server = createServer(api);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const outDir = join(mkdtempSync(join(tmpdir(), 'openstation-bench-')), 'dist');
  try {
    const ms = await buildPortal({ portalDir, apiUrl: `${origin}/graphql`, site: 'http://localhost:4000', outDir }).done;
    const report = weigh(outDir);
    console.log(formatReport(label, report, ms));
    const surveyPages = report.pages.filter((p) => /^\/(en\/)?[\w-]+\/survey\/index\.html$/.test(p.path)).map((p) => weighPage(outDir, p.path));
    const heaviest = surveyPages.sort((a, b) => b.total + b.js - (a.total + a.js)).slice(0, 2);
    if (heaviest.length > 0) console.log(`  survey pages (${surveyPages.length}), HTML + CSS and the island's JavaScript apart, heaviest:\n${heaviest.map(formatPageWithScripts).join('\n')}`);
    return report.overBudget.length === 0;
  } finally {
    server.close();
    server.closeAllConnections();
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
    ok = (await buildAndWeigh(`synthetic (${stations} stations × ${officersPerStation} officers, PostgreSQL)`, db)) && ok;
    await db.close();
  } finally {
    await adminQuery(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}
process.exit(ok ? 0 : 1);
