/**
 * `pnpm bench:api` — drives the GraphQL API on PostgreSQL with a scaled-up data set and
 * compares each operation with a hand-written SQL baseline (checked to answer the same JSON)
 * and with the API behind its response cache, measured one after the other in the same run.
 * Every server runs as `BENCH_PROCESSES` processes sharing its port (default: one per core;
 * the API with `API_WORKERS`, which needs Redis: `BENCH_REDIS_URL`, default database 14 of the
 * local Redis), the baseline alike, so that each may use the whole machine.
 * Also prints the API's start time and resident memory. Prints figures; asserts nothing about speed.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import { openDatabase } from '@openstation/db';
import { seedSynthetic } from '@openstation/db/seed';
import { createApi } from '@openstation/api/yoga';
import { adminQuery, databaseUrl } from '../support/postgres-admin.ts';
import { backendCpu, childPids, cpuMsSince, machineBusyMs, treeCpuMs } from './process-cpu.ts';
import { startProcess, stopProcess } from './processes.ts';
import { LATEST_REPORT, OFFICER_DIRECTORY, STATION_PAGE } from './queries.ts';

const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const stations = Number(process.env.BENCH_STATIONS ?? 200);
const officersPerStation = Number(process.env.BENCH_OFFICERS_PER_STATION ?? 100);
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
/** Load before each measurement, so that both servers are measured warm (the API's code takes ~10 s to be optimised). */
const warmup = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);
/** Both servers get the same number of PostgreSQL connections. */
const poolSize = process.env.PG_POOL_MAX ?? '10';
/** Ports of the two servers (other people on the machine may hold the defaults). */
const apiPort = Number(process.env.BENCH_API_PORT ?? 4100);
const baselinePort = Number(process.env.BENCH_BASELINE_PORT ?? apiPort + 1);
const cachedPort = Number(process.env.BENCH_CACHED_PORT ?? apiPort + 2);
/** Processes per server (API and baseline alike). */
const processes = Number(process.env.BENCH_PROCESSES ?? cpus().length);
const redisUrl = process.env.BENCH_REDIS_URL ?? (processes > 1 ? 'redis://127.0.0.1:6379/14' : '');
/** What the API's processes are told, and how the bench knows they all listen. */
const apiWorkers: Record<string, string> = processes > 1 ? { API_WORKERS: String(processes), REDIS_URL: redisUrl } : {};
const apiReady = processes > 1 ? /worker processes ready/ : /Ready/;

interface Operation {
  name: string;
  query: string;
  variables: (slug: string) => Record<string, unknown>;
}

const operations: Operation[] = [
  { name: 'officer directory', query: OFFICER_DIRECTORY, variables: (slug) => ({ stationSlug: slug }) },
  { name: 'station page', query: STATION_PAGE, variables: (slug) => ({ slug }) },
  { name: 'latest report', query: LATEST_REPORT, variables: (slug) => ({ stationSlug: slug }) },
];

async function prepare(url: string, name: string): Promise<string[]> {
  await adminQuery(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(base, `CREATE DATABASE "${name}"`);
  const started = performance.now();
  const db = await openDatabase(url);
  const summary = await seedSynthetic(db.prisma, { stations, officersPerStation });
  console.log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(summary)}`);
  const slugs = (await db.prisma.station.findMany({ select: { slug: true }, orderBy: { id: 'asc' } })).map((s) => s.slug);
  await db.close();
  return slugs;
}

/** SQL statements one request of each operation sends, for two stations: they must be equal. */
async function countStatements(url: string, slugs: string[]): Promise<Map<string, number[]>> {
  const queries: string[] = [];
  const db = await openDatabase(url, { migrate: false, onQuery: (sql) => queries.push(sql) });
  const api = createApi({ prisma: db.prisma });
  const counts = new Map<string, number[]>();
  for (const op of operations) {
    const perSlug: number[] = [];
    for (const slug of [slugs[0], slugs.at(-1)] as string[]) {
      queries.length = 0;
      const response = await api.fetch('http://bench/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: op.query, variables: op.variables(slug) }),
      });
      const body = (await response.json()) as { errors?: unknown };
      if (body.errors) throw new Error(`${op.name} failed: ${JSON.stringify(body.errors)}`);
      perSlug.push(queries.length);
    }
    counts.set(op.name, perSlug);
  }
  await db.close();
  return counts;
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** Where the CPU went while it ran, in cores (1 = one core all the time). */
  cores: { server: number; database: number; machine: number };
}

/** The server and the database measured while `load` runs (Linux /proc). */
interface Watched {
  pid: number;
  url: string;
  name: string;
}

function body(op: Operation, slug: string): string {
  return JSON.stringify({ query: op.query, variables: op.variables(slug) });
}

async function load(port: number, op: Operation, slugs: string[], seconds: number, watched: Watched): Promise<Figures> {
  let i = 0;
  const databaseBefore = await backendCpu(watched.url, watched.name);
  const serverBefore = treeCpuMs(watched.pid);
  const machineBefore = machineBusyMs();
  const startedAt = performance.now();
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          i += 1;
          return { ...request, body: body(op, slugs[i % slugs.length] as string) };
        },
      },
    ],
  });
  const ms = performance.now() - startedAt;
  const database = cpuMsSince(databaseBefore, await backendCpu(watched.url, watched.name));
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
    cores: { server: (treeCpuMs(watched.pid) - serverBefore) / ms, database: database / ms, machine: (machineBusyMs() - machineBefore) / ms },
  };
}

/** The baseline must answer exactly what the API answers, or its figures mean nothing. */
async function checkSameAnswers(slugs: string[]): Promise<void> {
  for (const op of operations) {
    for (const slug of [slugs[0], slugs[Math.floor(slugs.length / 2)], slugs.at(-1)] as string[]) {
      const [fromApi, fromBaseline] = await Promise.all(
        [apiPort, baselinePort].map(async (port) => {
          const response = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(op, slug) });
          const json = (await response.json()) as { data?: unknown };
          return json.data;
        }),
      );
      if (!isDeepStrictEqual(fromApi, fromBaseline)) {
        throw new Error(`The baseline's ${op.name} for ${slug} differs from the API's:\n${JSON.stringify(fromApi)}\n${JSON.stringify(fromBaseline)}`);
      }
    }
  }
}

/** Resident memory of a process, in MB (Linux). */
function rssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/** Resident memory of each serving process of a server (its workers, or itself), in MB. */
function servingRssMb(pid: number | undefined): number[] {
  return (processes > 1 ? childPids(pid as number) : [pid as number]).map(rssMb);
}

function row(name: string, f: Figures, statements: string): string {
  const { server, database, machine } = f.cores;
  const cores = `${server.toFixed(2)} + ${database.toFixed(2)} of ${machine.toFixed(2)}`;
  return `${name.padEnd(40)} ${f.rps.toFixed(0).padStart(8)} ${String(f.p50).padStart(7)} ${String(f.p99).padStart(7)} ${String(f.errors).padStart(7)}   ${cores.padEnd(20)} ${statements}`;
}

const percent = (a: Figures, b: Figures) => `${((a.rps / b.rps) * 100).toFixed(0)} %`;

interface Measured {
  api: Figures;
  raw: Figures;
  cached: Figures;
}

async function main(): Promise<void> {
  const name = process.env.BENCH_DATABASE_NAME ?? 'openstation_bench';
  const url = databaseUrl(base, name);
  const slugs = await prepare(url, name);
  const statements = await countStatements(url, slugs);

  const lines: string[] = [];
  // The API alone: no portal build in the background competing for the CPU; no response cache.
  const startedAt = performance.now();
  const api = await startProcess('apps/api/src/server.ts', { DATABASE_URL: url, PORT: String(apiPort), PG_POOL_MAX: poolSize, PORTAL_BUILD: '0', RESPONSE_CACHE: '0', ...apiWorkers }, apiReady);
  const apiStartMs = performance.now() - startedAt;
  const idleRss = servingRssMb(api.pid);
  let loadedRss: number[] = [];
  // The same API with its response cache (in memory, or in Redis when there is a Redis: BENCH_REDIS_URL, or several processes).
  const cachedApi = await startProcess('apps/api/src/server.ts', { DATABASE_URL: url, PORT: String(cachedPort), PG_POOL_MAX: poolSize, PORTAL_BUILD: '0', RESPONSE_CACHE: '1', REDIS_URL: redisUrl, ...apiWorkers }, apiReady);
  const baseline = await startProcess('tests/bench/baseline-server.ts', { DATABASE_URL: url, PORT: String(baselinePort), PG_POOL_MAX: poolSize, WORKERS: String(processes) }, /ready/);
  const results = new Map<string, Measured>();
  try {
    await checkSameAnswers(slugs);
    for (const op of operations) {
      // Warm, then the three measured one right after the other, so that they see the same machine.
      const apiWatched = { pid: api.pid as number, url, name };
      const baselineWatched = { pid: baseline.pid as number, url, name };
      const cachedWatched = { pid: cachedApi.pid as number, url, name };
      await load(apiPort, op, slugs, warmup, apiWatched);
      await load(baselinePort, op, slugs, warmup / 2, baselineWatched);
      await load(cachedPort, op, slugs, warmup / 2, cachedWatched);
      const measuredApi = await load(apiPort, op, slugs, duration, apiWatched);
      const rss = servingRssMb(api.pid);
      if (rss.reduce((a, b) => a + b, 0) > loadedRss.reduce((a, b) => a + b, 0)) loadedRss = rss;
      const raw = await load(baselinePort, op, slugs, duration, baselineWatched);
      const cached = await load(cachedPort, op, slugs, duration, cachedWatched);
      results.set(op.name, { api: measuredApi, raw, cached });
    }
  } finally {
    await stopProcess(api);
    await stopProcess(cachedApi);
    await stopProcess(baseline);
  }

  lines.push(
    `\n${stations} stations, ${stations * officersPerStation} officers; ${connections} connections, ${duration} s each after warm-up; ` +
      `${processes} process${processes > 1 ? 'es' : ''} per server (BENCH_PROCESSES), ${poolSize} PostgreSQL connections per process`,
  );
  lines.push(`${'operation'.padEnd(40)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'errors'.padStart(7)}   ${'cores*'.padEnd(20)} SQL statements (two stations)`);
  for (const op of operations) {
    const m = results.get(op.name) as Measured;
    lines.push(row(`GraphQL ${op.name}`, m.api, (statements.get(op.name) ?? []).join(' / ')));
    lines.push(row(`  baseline (pg, hand-written SQL)`, m.raw, '1 / 1'));
    lines.push(row(`  GraphQL, response cache (${redisUrl ? 'Redis' : 'memory'})`, m.cached, '0 when cached'));
  }
  lines.push(
    `* cores busy while it ran: the server process + its PostgreSQL connections, of the whole machine's ${cpus().length}` +
      ' (the rest: the load generator, and anything else running — a run where that rest is large measured a crowded machine)',
  );
  lines.push('\nthroughput against the raw baseline (goals: ≥ 50 % uncached, ≥ 100 % cached)');
  for (const op of operations) {
    const m = results.get(op.name) as Measured;
    lines.push(`  ${op.name.padEnd(20)} uncached ${percent(m.api, m.raw).padStart(6)}   cached ${percent(m.cached, m.raw).padStart(6)}`);
  }
  const fixed = [...statements.values()].every(([a, b]) => a === b);
  lines.push(`SQL statements per operation independent of the station: ${fixed ? 'yes' : 'NO'}`);
  const mb = (each: number[]) => `${each.map((m) => m.toFixed(0)).join(' + ')} MB`;
  lines.push(`API (no cache): ready ${(apiStartMs / 1000).toFixed(1)} s after spawn; resident memory of its serving process${processes > 1 ? 'es' : ''} ${mb(idleRss)} idle, ${mb(loadedRss)} under load (largest seen)`);
  console.log(lines.join('\n'));
  await adminQuery(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
