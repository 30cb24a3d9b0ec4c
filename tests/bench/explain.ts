/**
 * `pnpm bench:explain` — where an operation's database time goes: runs each benchmark
 * operation once through the API on PostgreSQL (200 synthetic stations, as `bench:api`) and
 * prints every SQL statement Prisma sends with its `EXPLAIN ANALYZE` plan and time.
 * `BENCH_EXPLAIN_KEEP=1` keeps the scratch database for the next run.
 */
import pg from 'pg';
import { openDatabase } from '@openstation/db';
import { seedSynthetic } from '@openstation/db/seed';
import { createApi } from '@openstation/api/yoga';
import { adminQuery, databaseUrl } from '../support/postgres-admin.ts';
import { LATEST_REPORT, OFFICER_DIRECTORY, STATION_PAGE } from './queries.ts';

const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = process.env.BENCH_EXPLAIN_DATABASE_NAME ?? 'openstation_bench_explain';
const url = databaseUrl(base, name);
const keep = process.env.BENCH_EXPLAIN_KEEP === '1';

const operations = [
  { name: 'officer directory', query: OFFICER_DIRECTORY, variables: { stationSlug: 'synthetic-100' } },
  { name: 'station page', query: STATION_PAGE, variables: { slug: 'synthetic-100' } },
  { name: 'latest report', query: LATEST_REPORT, variables: { stationSlug: 'synthetic-100' } },
];

const client = new pg.Client({ connectionString: databaseUrl(base, 'postgres') });
await client.connect();
const exists = (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
await client.end();
if (!exists || !keep) {
  await adminQuery(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(base, `CREATE DATABASE "${name}"`);
  const db = await openDatabase(url);
  await seedSynthetic(db.prisma, { stations: 200, officersPerStation: 100 });
  await db.close();
}

const statements: Array<{ sql: string; params: unknown[] }> = [];
const db = await openDatabase(url, { migrate: false, onQuery: (sql, params) => statements.push({ sql, params: JSON.parse(params) as unknown[] }) });
const slug = (await db.prisma.station.findFirstOrThrow({ orderBy: { id: 'asc' }, skip: 100, select: { slug: true } })).slug;
const api = createApi({ prisma: db.prisma });
const explain = new pg.Client({ connectionString: url });
await explain.connect();
for (const op of operations) {
  const variables = Object.fromEntries(Object.keys(op.variables).map((k) => [k, slug]));
  statements.length = 0;
  const started = performance.now();
  const response = await api.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: op.query, variables }),
  });
  const body = await response.text();
  const ms = performance.now() - started;
  console.log(`\n=== ${op.name}: ${statements.length} statements, ${ms.toFixed(1)} ms through the API (first run), ${body.length} bytes`);
  let total = 0;
  for (const [i, { sql, params }] of statements.entries()) {
    const plan = await explain.query({ text: `EXPLAIN (ANALYZE, BUFFERS) ${sql}`, values: params });
    const lines = plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']);
    const execution = Number(/Execution Time: ([\d.]+)/.exec(lines.join('\n'))?.[1] ?? 0);
    total += execution;
    console.log(`\n-- ${i + 1}. ${execution.toFixed(2)} ms in PostgreSQL\n${sql}\n-- params ${JSON.stringify(params).slice(0, 200)}\n${lines.join('\n')}`);
  }
  console.log(`\n=== ${op.name}: ${total.toFixed(2)} ms in PostgreSQL for ${statements.length} statements`);
}
await explain.end();
await db.close();
if (!keep) await adminQuery(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
