import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, createSession, createStaffUser } from '../src/auth/accounts.ts';
import { hashPassword, verifyPassword } from '../src/auth/passwords.ts';
import { parseApiKey, sha256 } from '../src/auth/tokens.ts';
import { createApi } from '../src/yoga.ts';
import { gql, gqlOk } from '../../../tests/support/graphql.ts';
import { openTestDatabase, type TestDatabase } from '../../../tests/support/test-database.ts';
import { createBoundStaff } from '../../../tests/support/principals.ts';

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

const CREATE_KEY = 'mutation ($scopes: [ApiScope!]!, $partnerId: ID) { createApiClient(name: "Justice office", scopes: $scopes, partnerId: $partnerId) { key client { id partner { slug } } } }';
const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');
/** What the Node adapter passes for a request from this machine. */
const LOCAL = { req: { socket: { remoteAddress: '127.0.0.1' } } };

describe('API keys bound to a partner\'s station, and the operator channel', () => {
  let db: TestDatabase;
  let api: ReturnType<typeof createApi>;
  let zhuze: { id: number; partnerId: number };
  let other: { id: number; partnerId: number };
  beforeAll(async () => {
    db = await openTestDatabase();
    api = createApi({ prisma: db.prisma, operator: { token: 'operator-test-token' } });
    const [a, b] = await db.prisma.station.findMany({ where: { partners: { some: {} } }, orderBy: { id: 'asc' }, take: 2, include: { partners: { take: 1, orderBy: { id: 'asc' } } } });
    zhuze = { id: a?.id ?? 0, partnerId: a?.partners[0]?.id ?? 0 };
    other = { id: b?.id ?? 0, partnerId: b?.partners[0]?.id ?? 0 };
  });
  afterAll(() => db.close());

  it('station-bound scopes need a partner; the key acts for the partner\'s station; station-bound admins key only their partners', async () => {
    const admin = await createBoundStaff(db.prisma, 'ADMIN', 'all', 'keys-admin@station.example');
    const local = await createBoundStaff(db.prisma, 'ADMIN', [zhuze.id], 'keys-local@station.example');
    for (const scopes of [['MEDIATION_READ'], ['REFERRALS_WRITE'], ['SURVEYS_RAW']]) {
      const refused = await gql(api, CREATE_KEY, { scopes }, admin.headers);
      expect([refused.errors?.[0]?.extensions?.code, refused.errors?.[0]?.extensions?.field]).toEqual(['PARTNER_REQUIRED', 'partnerId']);
    }
    const made = await gqlOk<{ createApiClient: { key: string; client: { id: string } } }>(api, CREATE_KEY, { scopes: ['MEDIATION_READ'], partnerId: gid('PartnerAgency', zhuze.partnerId) }, local.headers);
    const { principalFromRequest } = await import('../src/auth/principal.ts');
    const principal = await principalFromRequest(db.prisma, new Request('http://x/', { headers: { 'x-api-key': made.createApiClient.key } }));
    expect(principal).toMatchObject({ kind: 'apiClient', stationId: zhuze.id, scopes: ['mediation:read'] });

    expect((await gql(api, CREATE_KEY, { scopes: ['MEDIATION_READ'], partnerId: gid('PartnerAgency', other.partnerId) }, local.headers)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql(api, CREATE_KEY, { scopes: ['PUBLIC_READ'] }, local.headers)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const theirs = await gqlOk<{ createApiClient: { client: { id: string } } }>(api, CREATE_KEY, { scopes: ['PUBLIC_READ'], partnerId: gid('PartnerAgency', other.partnerId) }, admin.headers);
    const revoke = 'mutation ($id: ID!) { revokeApiClient(id: $id) { revokedAt } }';
    expect((await gql(api, revoke, { id: theirs.createApiClient.client.id }, local.headers)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const listed = await gqlOk<{ apiClients: { id: string }[] }>(api, '{ apiClients { id } }', {}, local.headers);
    expect(listed.apiClients.map((c) => c.id)).toEqual([made.createApiClient.client.id]);
    expect((await gqlOk<{ revokeApiClient: { revokedAt: string | null } }>(api, revoke, { id: made.createApiClient.client.id }, local.headers)).revokeApiClient.revokedAt).not.toBeNull();

    const entries = await db.prisma.auditEntry.findMany({ where: { entityType: 'ApiClient' } });
    expect(entries.map((e) => [e.action, e.stationId])).toEqual([['apiClient.create', zhuze.id], ['apiClient.create', other.id], ['apiClient.revoke', zhuze.id]]);
    expect(JSON.stringify(entries)).not.toMatch(/secretHash|os_[0-9a-f]{12}_/);
  });

  it('the operator token from this machine acts as a bureau-wide admin or as X-OpenStation-Act-As, audited as via operator', async () => {
    const call = (headers: Record<string, string>, context?: object) =>
      api.fetch('http://yoga/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ staffUsers { email } }' }) }, context ?? {});
    const token = { 'x-openstation-operator': 'operator-test-token' };
    expect((await call(token)).status).toBe(401);
    expect((await call(token, { req: { socket: { remoteAddress: '10.0.0.8' } } })).status).toBe(401);
    expect((await call({ ...token, 'x-forwarded-for': '203.0.113.9' }, LOCAL)).status).toBe(401);
    expect((await call({ 'x-openstation-operator': 'wrong' }, LOCAL)).status).toBe(401);
    const asOperator = (await (await call(token, LOCAL)).json()) as { data: { staffUsers: unknown[] } };
    expect(asOperator.data.staffUsers.length).toBeGreaterThan(0);
    await createBoundStaff(db.prisma, 'EDITOR', [zhuze.id], 'op-editor@station.example');
    const asEditor = (await (await call({ ...token, 'x-openstation-act-as': 'OP-Editor@station.example' }, LOCAL)).json()) as { errors: { extensions: { code: string } }[] };
    expect(asEditor.errors[0]?.extensions.code).toBe('FORBIDDEN');
    expect((await call({ ...token, 'x-openstation-act-as': 'nobody@station.example' }, LOCAL)).status).toBe(401);

    const create = await api.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...token },
      body: JSON.stringify({ query: 'mutation { createStaffUser(input: { email: "first@station.example", name: "First", role: ADMIN, allStations: true }) { password } }' }),
    }, LOCAL);
    expect(((await create.json()) as { data: { createStaffUser: { password: string } } }).data.createStaffUser.password).toBeTruthy();
    const entry = await db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'staff.create' }, orderBy: { id: 'desc' } });
    expect(entry).toMatchObject({ via: 'operator', staffUserId: null });
  });
});
