import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, createSession, createStaffUser } from '../src/auth/accounts.ts';
import { hashPassword, verifyPassword } from '../src/auth/passwords.ts';
import { parseApiKey, sha256 } from '../src/auth/tokens.ts';
import { createApi } from '../src/yoga.ts';
import { gql, gqlOk } from '../../../tests/support/graphql.ts';
import { openTestDatabase, type TestDatabase } from '../../../tests/support/test-database.ts';

const LOGIN = 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token expiresAt } }';
const ME = '{ me { email role } }';
const accept = { accept: 'application/graphql-response+json' };

describe('staff login, sessions and API keys', () => {
  let db: TestDatabase;
  let api: ReturnType<typeof createApi>;
  beforeAll(async () => {
    db = await openTestDatabase();
    api = createApi({ prisma: db.prisma });
    await createStaffUser(db.prisma, { email: 'Editor@Station.example', name: 'Ed', role: 'EDITOR', password: 'a long enough password', stations: 'all' });
  });
  afterAll(() => db.close());

  it('stores passwords as salted scrypt hashes and verifies them', async () => {
    const a = await hashPassword('same password here');
    const b = await hashPassword('same password here');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('same password');
    expect(await verifyPassword('same password here', a)).toBe(true);
    expect(await verifyPassword('same password herE', a)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });

  it('login returns a session token that signs requests in; logout ends it', async () => {
    const { login } = await gqlOk<{ login: { token: string; expiresAt: string } }>(api, LOGIN, {
      email: 'editor@station.example',
      password: 'a long enough password',
    });
    expect(new Date(login.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const stored = await db.prisma.staffSession.findMany({ select: { tokenHash: true } });
    expect(stored.some((s) => s.tokenHash === login.token)).toBe(false);

    const auth = { authorization: `Bearer ${login.token}` };
    expect(await gqlOk(api, ME, {}, auth)).toEqual({ me: { email: 'editor@station.example', role: 'EDITOR' } });
    expect(await gqlOk(api, 'mutation { logout }', {}, auth)).toEqual({ logout: true });
    const after = await gql(api, ME, {}, { ...auth, ...accept });
    expect(after.status).toBe(401);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers the same UNAUTHENTICATED for an unknown email and a wrong password', async () => {
    const unknown = await gql(api, LOGIN, { email: 'nobody@station.example', password: 'a long enough password', stations: 'all' });
    const wrong = await gql(api, LOGIN, { email: 'editor@station.example', password: 'not the password' });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0]?.message).toBe(wrong.errors?.[0]?.message);
    expect(unknown.data).toEqual(wrong.data);
  });

  it('refuses expired sessions and malformed tokens with UNAUTHENTICATED (HTTP 401)', async () => {
    const user = await db.prisma.staffUser.findUniqueOrThrow({ where: { email: 'editor@station.example' } });
    const { token } = await createSession(db.prisma, user.id, new Date(Date.now() - 24 * 3600 * 1000));
    for (const authorization of [`Bearer ${token}`, 'Bearer nonsense', 'Basic abc']) {
      const result = await gql(api, '{ metrics { key } }', {}, { authorization, ...accept });
      expect(result.status).toBe(401);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('accepts a live API key, refuses an unknown or revoked one', async () => {
    const { client, key } = await createApiClient(db.prisma, { name: 'Justice office', scopes: ['public:read'] });
    const parsed = parseApiKey(key);
    expect(parsed?.prefix).toBe(client.keyPrefix);
    expect(client.secretHash).toBe(sha256(parsed?.secret ?? ''));
    expect(client.secretHash).not.toContain(parsed?.secret);
    const ok = await gqlOk<{ metrics: unknown[] }>(api, '{ metrics { key } }', {}, { 'x-api-key': key });
    expect(ok.metrics.length).toBeGreaterThan(0);

    const forged = `${key.slice(0, -4)}${key.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    const bad = await gql(api, '{ metrics { key } }', {}, { 'x-api-key': forged, ...accept });
    expect(bad.status).toBe(401);
    expect(bad.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    await db.prisma.apiClient.update({ where: { id: client.id }, data: { revokedAt: new Date() } });
    const revoked = await gql(api, '{ metrics { key } }', {}, { 'x-api-key': key });
    expect(revoked.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('keeps public reads open to anonymous callers', async () => {
    const result = await gqlOk<{ stations: { edges: unknown[] } }>(api, '{ stations(first: 5) { edges { node { slug } } } }');
    expect(result.stations.edges.length).toBeGreaterThan(0);
  });

  it('records logins in the audit trail', async () => {
    const user = await db.prisma.staffUser.findUniqueOrThrow({ where: { email: 'editor@station.example' } });
    const entries = await db.prisma.auditEntry.findMany({ where: { action: 'staff.login', staffUserId: user.id } });
    expect(entries.length).toBeGreaterThan(0);
  });
});
