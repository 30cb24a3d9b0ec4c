/**
 * `pnpm bench:cpu` — the API's CPU time per request for each benchmark operation, in-process
 * and sequential (less sensitive to a busy machine than throughput): 300 requests of warm-up,
 * then two rounds of 400. Uses the database `BENCH_EXPLAIN_KEEP=1 pnpm bench:explain` keeps.
 */
import { openDatabase } from '@openstation/db';
import { createApi } from '@openstation/api/yoga';
import { databaseUrl } from '../support/postgres-admin.ts';
import { LATEST_REPORT, OFFICER_DIRECTORY, STATION_PAGE } from './queries.ts';
const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const db = await openDatabase(databaseUrl(base, 'openstation_bench_explain'), { migrate: false });
const api = createApi({ prisma: db.prisma });
const slugs = Array.from({ length: 200 }, (_, i) => `synthetic-${String(i + 1).padStart(4, '0')}`);
const ops = [['directory', OFFICER_DIRECTORY, 'stationSlug'], ['station', STATION_PAGE, 'slug'], ['report', LATEST_REPORT, 'stationSlug']] as const;
const run = async (q: string, v: string, n: number) => {
  for (let i = 0; i < n; i++) {
    const r = await api.fetch('http://x/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q, variables: { [v]: slugs[i % 200] } }) });
    await r.text();
  }
};
for (const [, q, v] of ops) await run(q, v, 300);
const out: string[] = [];
for (const round of [1, 2]) for (const [name, q, v] of ops) {
  const cpu = process.cpuUsage();
  await run(q, v, 400);
  const used = process.cpuUsage(cpu);
  out.push(`${name} round ${round}: ${((used.user + used.system) / 1000 / 400).toFixed(2)} ms CPU per request (in-process, sequential)`);
}
console.log(out.join('\n'));
await db.close();
