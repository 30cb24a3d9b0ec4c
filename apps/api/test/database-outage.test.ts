import { randomUUID } from 'node:crypto';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { openDatabase, type Database, pendingMigrations, pingDatabase } from '@openstation/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { GraphQLError } from 'graphql';
import { createHttpApp } from '../src/http/app.ts';
import { maskError } from '../src/mask-error.ts';
import { clientContext } from '../src/http/context.ts';
import { createApi, type Api } from '../src/yoga.ts';
import { createBoundStaff } from '../../../tests/support/principals.ts';
import { adminQuery, databaseUrl } from '../../../tests/support/postgres-admin.ts';

/** A TCP proxy to PostgreSQL that the test can cut (the database "goes down") and restore on the same port. */
function cuttableProxy(base: string) {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const start = () =>
    new Promise<number>((resolve) => {
      server = createServer((client) => {
        const target = new URL(base);
        const upstream = connect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => resolve((port = (server?.address() as { port: number }).port)));
    });
  return {
    start,
    async cut() {
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      for (const s of sockets) s.destroy();
    },
  };
}

const template = inject('templateDatabaseUrl');
const postgres = process.env.OPENSTATION_TEST_ENGINE === 'postgres' && template;

describe.runIf(postgres)('PostgreSQL busy or out of reach: 503 SERVICE_UNAVAILABLE with Retry-After, and recovery by itself', () => {
  const base = process.env.TEST_DATABASE_URL ?? String(template);
  const name = `openstation_test_${randomUUID().slice(0, 8)}`;
  const proxy = cuttableProxy(base);
  let db: Database;
  let api: Api;
  let app: ReturnType<typeof createHttpApp>;
  let editor: Record<string, string>;

  beforeAll(async () => {
    await adminQuery(base, `CREATE DATABASE "${name}" TEMPLATE "${new URL(template as string).pathname.slice(1)}"`);
    const port = await proxy.start();
    const url = new URL(databaseUrl(base, name));
    url.hostname = '127.0.0.1';
    url.port = String(port);
    db = await openDatabase(url.toString(), { migrate: false, poolSize: 2, replicaUrls: [] });
    api = createApi({ prisma: db.prisma });
    app = createHttpApp({
      api,
      database: { ping: () => pingDatabase(db.prisma), pendingMigrations: () => pendingMigrations(db.prisma) },
      portalRoot: () => '/nonexistent',
    });
    editor = (await createBoundStaff(db.prisma, 'EDITOR', 'all')).headers;
  });
  afterAll(async () => {
    await db?.close();
    await adminQuery(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  const graphql = async (query: string, headers: Record<string, string> = {}) => {
    const response = await app(
      new Request('http://openstation/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers }, body: JSON.stringify({ query }) }),
      clientContext('192.0.2.1'),
    );
    const body = (await response.json()) as { errors?: { extensions?: Record<string, unknown> }[] };
    return { status: response.status, retryAfter: response.headers.get('retry-after'), code: body.errors?.[0]?.extensions?.code ?? null };
  };
  const ready = async () => (await app(new Request('http://openstation/ready'), clientContext('192.0.2.1'))).status;
  const createArea = 'mutation { createArea(input: { stationId: "U3RhdGlvbjox", kind: COMMUNITY, name: { zh: "压力测试社区" } }) { id } }';

  it('a transaction that finds every pooled connection busy is masked as SERVICE_UNAVAILABLE (503, Retry-After), not INTERNAL_SERVER_ERROR', async () => {
    // Prisma's promises are lazy: `then` sends the queries now.
    const hold = [db.prisma.$executeRawUnsafe('select pg_sleep(3)').then(() => null), db.prisma.$executeRawUnsafe('select pg_sleep(3)').then(() => null)];
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The unit of work waits 10 s for a connection; the same Prisma error comes sooner with a shorter wait.
    const refused = await db.prisma.$transaction(async (tx) => tx.station.count(), { maxWait: 500 }).then(
      () => null,
      (error: unknown) => error,
    );
    await Promise.all(hold);
    expect(refused).toMatchObject({ code: 'P2028' });
    const masked = maskError(new GraphQLError('x', { originalError: refused as Error }), 'Unexpected error.') as GraphQLError;
    expect(masked.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryAfter: 5, http: { status: 503, headers: { 'Retry-After': '5' } } });
  });

  it('a request that waits longer than the pool timeout (5 s) for a connection answers 503 SERVICE_UNAVAILABLE with Retry-After', async () => {
    const hold = [db.prisma.$executeRawUnsafe('select pg_sleep(7)').then(() => null), db.prisma.$executeRawUnsafe('select pg_sleep(7)').then(() => null)];
    await new Promise((resolve) => setTimeout(resolve, 300));
    const busy = await graphql(createArea, editor);
    await Promise.all(hold);
    expect(busy).toEqual({ status: 503, retryAfter: '5', code: 'SERVICE_UNAVAILABLE' });
  });

  it('with the database out of reach /ready fails and requests answer 503; when it returns, the same process answers again', async () => {
    expect(await ready()).toBe(200);
    await proxy.cut();
    expect(await ready()).toBe(503);
    expect(await graphql('{ stations(first: 1) { edges { node { slug } } } }')).toEqual({ status: 503, retryAfter: '5', code: 'SERVICE_UNAVAILABLE' });
    expect((await graphql(createArea, editor)).code).toBe('SERVICE_UNAVAILABLE');

    await proxy.start();
    expect(await ready()).toBe(200);
    expect(await graphql('{ stations(first: 1) { edges { node { slug } } } }')).toEqual({ status: 200, retryAfter: null, code: null });
  });
});
