import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoginThrottle, LOGIN_THROTTLE, type LoginThrottle } from '../src/auth/login-throttle.ts';
import { type LoginThrottleStore, memoryLoginStore, redisLoginStore } from '../src/auth/login-throttle-store.ts';
import { createApi, type Api } from '../src/yoga.ts';
import { createBoundStaff } from '../../../tests/support/principals.ts';
import { openTestDatabase, type TestDatabase } from '../../../tests/support/test-database.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';

async function attempt(api: Api, email: string, password: string, address: string) {
  const response = await api.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ query: LOGIN, variables: { e: email, p: password } }),
  });
  const body = (await response.json()) as { data?: { login: { token: string } } | null; errors?: { extensions?: Record<string, unknown> }[] };
  return { status: response.status, retryAfterHeader: response.headers.get('retry-after'), code: body.errors?.[0]?.extensions?.code ?? null, extensions: body.errors?.[0]?.extensions, token: body.data?.login.token };
}

describe('login throttling per account and per address', () => {
  let db: TestDatabase;
  const throttles: LoginThrottle[] = [];
  let clock = Date.now();
  const now = () => clock;
  /** An API whose login throttle counts in `store` on the test's clock. */
  const apiWith = (store: LoginThrottleStore) => {
    const throttle = createLoginThrottle(store, { trustProxy: true, now });
    throttles.push(throttle);
    return createApi({ prisma: db.prisma, loginThrottle: throttle, rateLimit: undefined });
  };
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(throttles.map((t) => t.close()));
    await db.close();
  });

  for (const engine of ['memory', 'redis'] as const) {
    describe(engine, () => {
      const store = () => (engine === 'memory' ? memoryLoginStore(now) : redisLoginStore(REDIS_URL, `test:${randomUUID()}:`));

      it('delays an account exponentially after its free failures, then locks it for at most 15 minutes, audited; the owner gets in once it has passed', async () => {
        const api = apiWith(store());
        const staff = await createBoundStaff(db.prisma, 'EDITOR', 'all');
        const password = `password-${staff.email}`;
        for (let i = 0; i < LOGIN_THROTTLE.account.free; i++) {
          expect((await attempt(api, staff.email, 'wrong guess', `198.51.100.${i}`)).code).toBe('UNAUTHENTICATED');
        }
        const throttled = await attempt(api, staff.email, password, '198.51.100.99');
        expect(throttled).toMatchObject({ status: 429, code: 'LOGIN_THROTTLED', retryAfterHeader: '1', extensions: { scope: 'account', retryAfter: 1 } });
        clock += 1_000;
        expect((await attempt(api, staff.email, 'wrong guess', '198.51.100.98')).code).toBe('UNAUTHENTICATED');
        expect((await attempt(api, staff.email, password, '198.51.100.99')).extensions).toMatchObject({ retryAfter: 2 });

        for (let i = 0; i < 20; i++) {
          clock += 16 * 60 * 1000 - 1;
          clock += 1;
          await attempt(api, staff.email, 'wrong guess', '198.51.100.97');
        }
        const locked = await attempt(api, staff.email, password, '198.51.100.99');
        expect(locked.code).toBe('LOGIN_THROTTLED');
        expect(locked.extensions?.retryAfter).toBe(LOGIN_THROTTLE.account.maxDelaySeconds);

        const audits = await db.prisma.auditEntry.findMany({ where: { action: 'staff.login.throttled', entityId: staff.id }, orderBy: { id: 'asc' } });
        expect(audits.map((a) => (a.after as { locked: boolean }).locked)).toEqual([false, true]);

        clock += LOGIN_THROTTLE.account.maxDelaySeconds * 1000;
        expect((await attempt(api, staff.email, password, '198.51.100.99')).token).toBeTruthy();
        expect((await attempt(api, staff.email, 'wrong guess', '198.51.100.99')).code).toBe('UNAUTHENTICATED');
      });

      it('delays an address that guesses many accounts, not other addresses', async () => {
        const api = apiWith(store());
        const address = `203.0.113.${engine === 'memory' ? 1 : 2}`;
        for (let i = 0; i < LOGIN_THROTTLE.address.free; i++) await attempt(api, `nobody${i}@test.example`, 'guess', address);
        const throttled = await attempt(api, 'someone-else@test.example', 'guess', address);
        expect(throttled).toMatchObject({ status: 429, code: 'LOGIN_THROTTLED', extensions: { scope: 'address' } });
        expect((await attempt(api, 'someone-else@test.example', 'guess', '203.0.113.200')).code).toBe('UNAUTHENTICATED');
      });
    });
  }

  it('replicas sharing Redis share the counts', async () => {
    const prefix = `test:${randomUUID()}:`;
    const [a, b] = [apiWith(redisLoginStore(REDIS_URL, prefix)), apiWith(redisLoginStore(REDIS_URL, prefix))];
    for (let i = 0; i < LOGIN_THROTTLE.account.free; i++) await attempt(i % 2 ? a : b, 'shared@test.example', 'guess', `192.0.2.${i}`);
    expect((await attempt(a, 'shared@test.example', 'guess', '192.0.2.50')).code).toBe('LOGIN_THROTTLED');
    expect((await attempt(b, 'shared@test.example', 'guess', '192.0.2.51')).code).toBe('LOGIN_THROTTLED');
  });
});
