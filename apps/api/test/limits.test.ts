import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../src/auth/accounts.ts';
import type { CostBucketStore } from '../src/limits/bucket.ts';
import type { RateLimitOptions } from '../src/limits/cost-plugin.ts';
import { memoryBuckets } from '../src/limits/memory-bucket.ts';
import { QUERY_LIMITS } from '../src/limits/query-limits.ts';
import { redisBuckets } from '../src/limits/redis-bucket.ts';
import { createApi } from '../src/yoga.ts';
import { openTestDatabase, type TestDatabase } from '../../../tests/support/test-database.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const QUERY = '{ metrics { key name { zh } } }';
const WINDOW_MS = 60_000;

interface CostedResponse {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[]; extensions?: { cost?: { requested: number; limit: number | null; remaining: number | null } } };
}

async function post(api: ReturnType<typeof createApi>, query: string, headers: Record<string, string> = {}): Promise<CostedResponse> {
  const response = await api.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as CostedResponse['body'] };
}

function limits(store: CostBucketStore, anonymousBudget = 100): RateLimitOptions {
  return { store, anonymousBudget, staffBudget: 1000, trustProxy: true, exemptLoopback: false };
}

describe('query limits', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  it('reports every response\'s cost in extensions.cost, even without budgets', async () => {
    const api = createApi({ prisma: db.prisma });
    const result = await post(api, QUERY);
    expect(result.body.errors).toBeUndefined();
    // metrics (1) + 10 × (key 1 + name (1 + zh 1))
    expect(result.body.extensions?.cost).toEqual({ requested: 31, limit: null, remaining: null });
    expect(result.headers.get('x-ratelimit-limit')).toBeNull();
  });

  it('charges each document its own cost when answering from the remembered costs (per document and variables)', async () => {
    const api = createApi({ prisma: db.prisma });
    const costOf = async (query: string) => (await post(api, query)).body.extensions?.cost?.requested;
    const small = '{ stations(first: 1) { edges { node { slug } } } }';
    const large = '{ stations(first: 1) { edges { node { slug name { zh en } address { zh } } } } }';
    const costs = [await costOf(small), await costOf(large), await costOf(small), await costOf(large)];
    expect(costs[0]).toBeLessThan(costs[1] as number);
    expect(costs).toEqual([costs[0], costs[1], costs[0], costs[1]]);
  });

  it('login costs 1,000: password guessing spends a budget fast', async () => {
    const api = createApi({ prisma: db.prisma });
    const result = await post(api, 'mutation { login(email: "nobody@station.example", password: "guess") { token } }');
    expect(result.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.body.extensions?.cost?.requested).toBe(1001);
  });

  it('QUERY_TOO_COMPLEX for too deep, too broad or too costly a query', async () => {
    const api = createApi({ prisma: db.prisma });
    const deep = `{ stations(first: 1) { edges { node { areas(first: 1) { edges { node { station { areas(first: 1) { edges { node { station { areas(first: 1) { edges { node { station { slug } } } } } } } } } } } } } } } }`;
    const tooDeep = await post(api, deep);
    expect(tooDeep.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', kind: 'depth' });
    // Within the parser's token limit (PARSER_LIMITS.tokens): one token per field.
    const wide = `{ metrics { ${'key '.repeat(QUERY_LIMITS.breadth)}} }`;
    const tooWide = await post(api, wide);
    expect(tooWide.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', kind: 'breadth' });
    const officers = (alias: string) => `${alias}: officers(first: 1) { edges { node { assignments { area { assignments { officer { name { zh } } } } } } } }`;
    const costly = `{ ${Array.from({ length: 16 }, (_, i) => officers(`o${i}`)).join(' ')} }`;
    const tooCostly = await post(api, costly);
    expect(tooCostly.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', kind: 'complexity' });
  });

  it('measures the operation a document names, not its first: a costly second operation is refused, and charged as measured', async () => {
    const api = createApi({ prisma: db.prisma });
    const officers = (alias: string) => `${alias}: officers(first: 1) { edges { node { assignments { area { assignments { officer { name { zh } } } } } } } }`;
    const document = `query Small { metrics { key } } query Costly { ${Array.from({ length: 16 }, (_, i) => officers(`o${i}`)).join(' ')} }`;
    const run = async (operationName: string) => {
      const response = await api.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query: document, operationName }),
      });
      return (await response.json()) as CostedResponse['body'];
    };
    // Twice each, the second from the remembered measure.
    for (let i = 0; i < 2; i++) {
      const costly = await run('Costly');
      expect(costly.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', kind: 'complexity' });
      expect(costly.extensions?.cost?.requested).toBe(QUERY_LIMITS.complexity);
      const small = await run('Small');
      expect(small.errors).toBeUndefined();
      expect(small.extensions?.cost?.requested).toBe(11);
    }
  });

  for (const engine of ['memory', 'redis'] as const) {
    describe(`leaky-bucket budgets in ${engine}`, () => {
      const stores: CostBucketStore[] = [];
      const newStore = () => {
        const store = engine === 'memory' ? memoryBuckets(WINDOW_MS) : redisBuckets(REDIS_URL, WINDOW_MS, { keyPrefix: `test:${randomUUID()}:` });
        stores.push(store);
        return store;
      };
      afterAll(async () => {
        await Promise.all(stores.map((s) => s.close()));
      });

      it('anonymous callers share a small budget per IP, then get RATE_LIMITED (429) with retryAfter', async () => {
        const api = createApi({ prisma: db.prisma, rateLimit: limits(newStore(), 70) });
        const ip = { 'x-forwarded-for': '203.0.113.7' };
        const first = await post(api, QUERY, ip);
        expect(first.status).toBe(200);
        expect(first.headers.get('x-ratelimit-limit')).toBe('70');
        expect(first.headers.get('x-ratelimit-remaining')).toBe('39');
        expect(Number(first.headers.get('x-ratelimit-reset'))).toBeGreaterThan(0);
        expect(first.body.extensions?.cost).toEqual({ requested: 31, limit: 70, remaining: 39 });
        const second = await post(api, QUERY, ip);
        expect(second.headers.get('x-ratelimit-remaining')).toBe('8');
        const third = await post(api, QUERY, ip);
        expect(third.status).toBe(429);
        expect(third.body.data).toBeUndefined();
        expect(third.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
        const retryAfter = third.body.errors?.[0]?.extensions?.retryAfter as number;
        expect(retryAfter).toBeGreaterThanOrEqual(1);
        expect(retryAfter).toBeLessThanOrEqual(60);
        expect(third.headers.get('retry-after')).toBe(String(retryAfter));
        const otherIp = await post(api, QUERY, { 'x-forwarded-for': '203.0.113.8' });
        expect(otherIp.status).toBe(200);
      });

      it('API clients are charged against their own budget', async () => {
        const { key } = await createApiClient(db.prisma, { name: `budget ${engine}`, scopes: ['public:read'], costBudget: 40 });
        const api = createApi({ prisma: db.prisma, rateLimit: limits(newStore(), 10) });
        const ok = await post(api, QUERY, { 'x-api-key': key });
        expect(ok.headers.get('x-ratelimit-limit')).toBe('40');
        expect(ok.body.extensions?.cost?.remaining).toBe(9);
        const refused = await post(api, QUERY, { 'x-api-key': key });
        expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      });
    });
  }

  it('does not budget anonymous requests from this machine (the embedded portal build), unless a proxy forwarded them', async () => {
    const api = createApi({ prisma: db.prisma, rateLimit: { ...limits(memoryBuckets(WINDOW_MS), 40), exemptLoopback: true } });
    const local = { req: { socket: { remoteAddress: '127.0.0.1' } } };
    const send = (headers: Record<string, string>) =>
      api.fetch('http://yoga/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: QUERY }) }, local);
    for (let i = 0; i < 3; i++) {
      const response = await send({});
      expect(response.status).toBe(200);
      expect(response.headers.get('x-ratelimit-limit')).toBeNull();
    }
    const forwarded = await send({ 'x-forwarded-for': '198.51.100.1' });
    expect(forwarded.headers.get('x-ratelimit-limit')).toBe('40');
  });

  it('two API instances with separate Redis connections share one budget per client', async () => {
    const prefix = `test:${randomUUID()}:`;
    const storeA = redisBuckets(REDIS_URL, WINDOW_MS, { keyPrefix: prefix });
    const storeB = redisBuckets(REDIS_URL, WINDOW_MS, { keyPrefix: prefix });
    try {
      const { key } = await createApiClient(db.prisma, { name: 'shared budget', scopes: ['public:read'], costBudget: 100 });
      const a = createApi({ prisma: db.prisma, rateLimit: limits(storeA) });
      const b = createApi({ prisma: db.prisma, rateLimit: limits(storeB) });
      const headers = { 'x-api-key': key };
      const answers = await Promise.all([post(a, QUERY, headers), post(b, QUERY, headers), post(a, QUERY, headers), post(b, QUERY, headers)]);
      const allowed = answers.filter((r) => r.status === 200);
      const refused = answers.filter((r) => r.status === 429);
      // 100 units at 31 each: exactly three fit, whichever instance answers.
      expect(allowed).toHaveLength(3);
      expect(refused).toHaveLength(1);
      expect(refused[0]?.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      const remaining = allowed.map((r) => Number(r.headers.get('x-ratelimit-remaining'))).sort((x, y) => x - y);
      expect(remaining[0]).toBeLessThanOrEqual(8);
    } finally {
      await Promise.all([storeA.close(), storeB.close()]);
    }
  });
});

describe('the leaky bucket drains over time', () => {
  it('frees capacity in proportion to the time passed', async () => {
    let now = 0;
    const store = memoryBuckets(60_000, () => now);
    expect((await store.take('k', 60, 60)).remaining).toBe(0);
    expect((await store.take('k', 60, 1)).allowed).toBe(false);
    now = 30_000;
    const half = await store.take('k', 60, 10);
    expect(half).toMatchObject({ allowed: true, remaining: 20, resetSeconds: 40 });
    const refused = await store.take('k', 60, 30);
    expect(refused).toMatchObject({ allowed: false, retryAfterSeconds: 10 });
  });
});
