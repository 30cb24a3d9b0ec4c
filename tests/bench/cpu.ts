/**
 * `pnpm bench:cpu` — CPU time per request of each benchmark operation, which a busy machine
 * disturbs far less than throughput. Uses the database `BENCH_EXPLAIN_KEEP=1 pnpm bench:explain` keeps.
 *
 * 1. The API server and the raw-SQL baseline server as processes, over HTTP, each measured
 *    alone with a few requests in flight: the CPU its Node process spends per request, and
 *    the CPU its PostgreSQL connections spend, read from /proc (Linux). On a saturated machine
 *    throughput follows total CPU per request, so baseline ÷ API approximates `bench:api`'s ratio.
 * 2. The API in-process (`api.fetch`, no HTTP), sequential: its GraphQL work alone.
 */
import { openDatabase } from '@openstation/db';
import { createApi } from '@openstation/api/yoga';
import { databaseUrl } from '../support/postgres-admin.ts';
import { backendCpu, cpuMsOf, cpuMsSince } from './process-cpu.ts';
import { startProcess, stopProcess } from './processes.ts';
import { LATEST_REPORT, OFFICER_DIRECTORY, STATION_PAGE } from './queries.ts';

const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = process.env.BENCH_EXPLAIN_DATABASE_NAME ?? 'openstation_bench_explain';
const url = databaseUrl(base, name);
const apiPort = Number(process.env.BENCH_API_PORT ?? 4100);
const baselinePort = Number(process.env.BENCH_BASELINE_PORT ?? apiPort + 1);
const requests = Number(process.env.BENCH_CPU_REQUESTS ?? 1500);
/** Requests in flight per server: enough to keep it busy, few enough not to queue. */
const inFlight = 4;
const slugs = Array.from({ length: 200 }, (_, i) => `synthetic-${String(i + 1).padStart(4, '0')}`);
const ops = [
  ['officer directory', OFFICER_DIRECTORY, 'stationSlug'],
  ['station page', STATION_PAGE, 'slug'],
  ['latest report', LATEST_REPORT, 'stationSlug'],
] as const;
const body = (q: string, v: string, i: number) => JSON.stringify({ query: q, variables: { [v]: slugs[i % 200] } });

/** Sends `n` requests, `inFlight` at a time; returns the CPU per request of the server and of PostgreSQL, in ms. */
async function drive(port: number, pid: number, q: string, v: string, n: number): Promise<{ node: number; db: number }> {
  const before = await backendCpu(url, name);
  const nodeBefore = cpuMsOf(pid);
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < n) {
        const i = next++;
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(q, v, i) });
        if (!response.ok) throw new Error(`${response.status} from port ${port}: ${await response.text()}`);
        await response.text();
      }
    }),
  );
  const node = cpuMsOf(pid) - nodeBefore;
  const db = cpuMsSince(before, await backendCpu(url, name));
  return { node: node / n, db: db / n };
}

const env = { DATABASE_URL: url, PG_POOL_MAX: '10' };
const api = await startProcess('apps/api/src/server.ts', { ...env, PORT: String(apiPort), PORTAL_BUILD: '0', RESPONSE_CACHE: '0' }, /Ready/);
const baseline = await startProcess('tests/bench/baseline-server.ts', { ...env, PORT: String(baselinePort) }, /ready/);
const out: string[] = [`server processes over HTTP, ${inFlight} requests in flight, ${requests} per measurement: CPU ms per request (Node + PostgreSQL)`];
try {
  // Warm both (the API's code takes thousands of requests to be optimised).
  for (const [, q, v] of ops) {
    await drive(apiPort, api.pid as number, q, v, 2000);
    await drive(baselinePort, baseline.pid as number, q, v, 500);
  }
  for (const round of [1, 2]) {
    for (const [label, q, v] of ops) {
      const a = await drive(apiPort, api.pid as number, q, v, requests);
      const b = await drive(baselinePort, baseline.pid as number, q, v, requests);
      const ratio = ((b.node + b.db) / (a.node + a.db)) * 100;
      out.push(
        `  ${label.padEnd(18)} round ${round}: API ${a.node.toFixed(2)} + ${a.db.toFixed(2)} = ${(a.node + a.db).toFixed(2)}   baseline ${b.node.toFixed(2)} + ${b.db.toFixed(2)} = ${(b.node + b.db).toFixed(2)}   baseline/API ${ratio.toFixed(0)} %`,
      );
    }
  }
} finally {
  await stopProcess(api);
  await stopProcess(baseline);
}

const db = await openDatabase(url, { migrate: false });
const inProcess = createApi({ prisma: db.prisma });
const run = async (q: string, v: string, n: number) => {
  for (let i = 0; i < n; i++) {
    const r = await inProcess.fetch('http://x/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(q, v, i) });
    await r.text();
  }
};
for (const [, q, v] of ops) await run(q, v, 300);
out.push('API in-process (api.fetch, no HTTP), sequential, 400 per measurement: CPU ms per request');
for (const round of [1, 2]) {
  for (const [label, q, v] of ops) {
    const cpu = process.cpuUsage();
    await run(q, v, 400);
    const used = process.cpuUsage(cpu);
    out.push(`  ${label.padEnd(18)} round ${round}: ${((used.user + used.system) / 1000 / 400).toFixed(2)}`);
  }
}
console.log(out.join('\n'));
await db.close();
