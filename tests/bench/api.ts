/**
 * `pnpm bench:api` — drives the GraphQL API on PostgreSQL with a scaled-up data set and
 * compares it with a hand-written SQL baseline measured in the same run. Prints figures;
 * asserts nothing about speed.
 */
import autocannon from 'autocannon';
import { openDatabase } from '@openstation/db';
import { seedSynthetic } from '@openstation/db/seed';
import { createApi } from '@openstation/api/yoga';
import { adminQuery, databaseUrl } from '../support/postgres-admin.ts';
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
}

async function load(port: number, op: Operation, slugs: string[], seconds: number): Promise<Figures> {
  let i = 0;
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
          const slug = slugs[i % slugs.length] as string;
          return { ...request, body: JSON.stringify({ query: op.query, variables: op.variables(slug) }) };
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

function row(name: string, f: Figures, statements: string): string {
  return `${name.padEnd(34)} ${f.rps.toFixed(0).padStart(8)} ${String(f.p50).padStart(7)} ${String(f.p99).padStart(7)} ${String(f.errors).padStart(7)}   ${statements}`;
}

async function main(): Promise<void> {
  const name = 'openstation_bench';
  const url = databaseUrl(base, name);
  const slugs = await prepare(url, name);
  const statements = await countStatements(url, slugs);

  const lines: string[] = [];
  // The API alone: no portal build in the background competing for the CPU.
  const api = await startProcess('apps/api/src/server.ts', { DATABASE_URL: url, PORT: '4100', PG_POOL_MAX: poolSize, PORTAL_BUILD: '0' }, /Ready/);
  const baseline = await startProcess('tests/bench/baseline-server.ts', { DATABASE_URL: url, PORT: '4101', PG_POOL_MAX: poolSize }, /ready/);
  const results = new Map<string, Figures>();
  let raw: Figures;
  try {
    // The two officer-directory figures are taken one right after the other, so that they see the same machine.
    const [directory, ...others] = operations as [Operation, ...Operation[]];
    await load(4100, directory, slugs, warmup);
    await load(4101, directory, slugs, warmup);
    results.set(directory.name, await load(4100, directory, slugs, duration));
    raw = await load(4101, directory, slugs, duration);
    for (const op of others) {
      await load(4100, op, slugs, warmup);
      results.set(op.name, await load(4100, op, slugs, duration));
    }
  } finally {
    await stopProcess(api);
    await stopProcess(baseline);
  }

  lines.push(`\n${stations} stations, ${stations * officersPerStation} officers; ${connections} connections, ${duration} s each after ${warmup} s of warm-up; ${poolSize} PostgreSQL connections per server`);
  lines.push(`${'operation'.padEnd(34)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'errors'.padStart(7)}   SQL statements (two stations)`);
  for (const op of operations) {
    lines.push(row(`GraphQL ${op.name}`, results.get(op.name) as Figures, (statements.get(op.name) ?? []).join(' / ')));
  }
  lines.push(row('baseline officer directory (pg)', raw, '1 / 1'));
  const ratio = (results.get('officer directory') as Figures).rps / raw.rps;
  lines.push(`\nGraphQL / baseline throughput on the officer directory: ${(ratio * 100).toFixed(0)} % (goal ≥ 50 %)`);
  const fixed = [...statements.values()].every(([a, b]) => a === b);
  lines.push(`SQL statements per operation independent of the station: ${fixed ? 'yes' : 'NO'}`);
  console.log(lines.join('\n'));
  await adminQuery(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
