import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../src/auth/accounts.ts';
import { createApi } from '../src/yoga.ts';
import { gql, gqlOk } from '../../../tests/support/graphql.ts';
import { createBoundStaff } from '../../../tests/support/principals.ts';
import { createStaffPrincipals } from '../../../tests/support/principals.ts';
import { useTestApi } from '../../../tests/support/test-api.ts';

const t = useTestApi({ requireTrustedOperations: true });

const STATIONS = 'query StationSlugs { stations(first: 2) { edges { node { slug } } } }\n';
const METRICS = 'query MetricKeys { metrics { key } }';
const REGISTER = `mutation ($document: String!, $apiClientId: ID) {
  registerTrustedOperation(document: $document, apiClientId: $apiClientId) { sha256Hash operationName apiClient { name } revokedAt } }`;
const JSON_ACCEPT = { accept: 'application/graphql-response+json' };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const clientGlobalId = (id: number) => Buffer.from(`ApiClient:${id}`).toString('base64');

interface Response {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(body: unknown, headers: Record<string, string>, api = t.api): Promise<Response> {
  const response = await api.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...JSON_ACCEPT, ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Response['body'] };
}

const byHash = (hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
const code = (r: Response) => r.body.errors?.[0]?.extensions?.code;

type Fixture = Awaited<ReturnType<typeof createFixture>>;
let fixture: Fixture | undefined;
beforeAll(async () => {
  fixture = await createFixture();
});
function setUp(): Fixture {
  if (!fixture) throw new Error('fixture not ready');
  return fixture;
}

async function createFixture() {
  const [admin] = await createStaffPrincipals(t.db.prisma);
  if (!admin) throw new Error('no admin');
  const partner = await createApiClient(t.db.prisma, { name: 'partner A', scopes: ['public:read'] });
  const other = await createApiClient(t.db.prisma, { name: 'partner B', scopes: ['public:read'] });
  const dev = await createApiClient(t.db.prisma, { name: 'developer', scopes: ['public:read'], development: true });
  return { admin, partner, other, dev };
}

describe('trusted operations', () => {
  it('registers documents for one client or every client, audited; rejects what does not parse or validate', async () => {
    const { admin, partner, other } = setUp();
    const registered = await gqlOk<{ registerTrustedOperation: { sha256Hash: string; operationName: string; apiClient: { name: string } | null } }>(
      t.api, REGISTER, { document: STATIONS, apiClientId: clientGlobalId(partner.client.id) }, admin.headers,
    );
    expect(registered.registerTrustedOperation).toMatchObject({ sha256Hash: sha256(STATIONS), operationName: 'StationSlugs', apiClient: { name: 'partner A' } });
    const again = await gqlOk(t.api, REGISTER, { document: STATIONS, apiClientId: clientGlobalId(partner.client.id) }, admin.headers);
    expect(again).toEqual(registered);
    const elsewhere = await gql(t.api, REGISTER, { document: STATIONS, apiClientId: clientGlobalId(other.client.id) }, admin.headers);
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const invalid: [string, RegExp][] = [
      ['query Broken { stations(first: 1) { edges ', /not valid GraphQL/],
      ['query Typo { stations(first: 1) { edges { node { slgu } } } }', /does not validate/],
      ['{ metrics { key } }', /must have a name/],
      ['query A { metrics { key } } query B { metrics { key } }', /exactly one operation/],
    ];
    for (const [document, message] of invalid) {
      const refused = await gql(t.api, REGISTER, { document }, admin.headers);
      expect(refused.errors?.[0]?.extensions?.code).toBe('OPERATION_DOCUMENT_INVALID');
      expect(refused.errors?.[0]?.message).toMatch(message);
      expect(refused.data).toBeNull();
    }
    const typo = await gql(t.api, REGISTER, { document: invalid[1]?.[0] }, admin.headers);
    expect(typo.errors?.[0]?.extensions?.problems).toEqual([
      { message: expect.stringContaining('Cannot query field "slgu"'), line: 1, column: 50 },
    ]);
    const unknownClient = await gql(t.api, REGISTER, { document: METRICS, apiClientId: clientGlobalId(999_999) }, admin.headers);
    expect(unknownClient.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await t.db.prisma.trustedOperation.count({ where: { operationName: { in: ['Broken', 'Typo', 'A', 'B', 'MetricKeys'] } } })).toBe(0);

    // Registering the same document again for the same client changed nothing, so it recorded nothing.
    const audit = await t.db.prisma.auditEntry.findMany({ where: { action: 'trustedOperation.register' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ id: sha256(STATIONS), apiClientId: partner.client.id });
  });

  it('registers several documents all or none; station-bound admins only for keys of their stations\' partners', async () => {
    const { admin } = setUp();
    const [zhuze, other] = await t.db.prisma.station.findMany({ orderBy: { id: 'asc' }, take: 2, include: { partners: { take: 1 } } });
    const zhuzePartner = zhuze?.partners[0];
    const otherPartner = other?.partners[0];
    if (!zhuze || !zhuzePartner || !otherPartner) throw new Error('demo data has no partners');
    const mine = await createApiClient(t.db.prisma, { name: 'zhuze key', scopes: ['public:read'], partnerId: zhuzePartner.id });
    const theirs = await createApiClient(t.db.prisma, { name: 'other key', scopes: ['public:read'], partnerId: otherPartner.id });
    const bound = await createBoundStaff(t.db.prisma, 'ADMIN', [zhuze.id], 'ops-admin@test.example');
    const MANY = 'mutation ($documents: [String!]!, $apiClientId: ID) { registerTrustedOperations(documents: $documents, apiClientId: $apiClientId) { sha256Hash operationName } }';
    const first = 'query First { metrics { key } }';
    const second = 'query Second { metrics { kee } }';

    const refused = await gql(t.api, MANY, { documents: [first, second], apiClientId: clientGlobalId(mine.client.id) }, bound.headers);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_DOCUMENT_INVALID', index: 1, field: 'documents.1' });
    expect(await t.db.prisma.trustedOperation.count({ where: { operationName: 'First' } })).toBe(0);

    const done = await gqlOk<{ registerTrustedOperations: { operationName: string }[] }>(
      t.api, MANY, { documents: [first, 'query Third { metrics { key } }'], apiClientId: clientGlobalId(mine.client.id) }, bound.headers,
    );
    expect(done.registerTrustedOperations.map((o) => o.operationName)).toEqual(['First', 'Third']);
    const entry = await t.db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'trustedOperation.register' }, orderBy: { id: 'desc' } });
    expect(entry).toMatchObject({ stationId: zhuze.id, staffUserId: bound.id });

    for (const apiClientId of [clientGlobalId(theirs.client.id), null]) {
      const forbidden = await gql(t.api, MANY, { documents: ['query Fourth { metrics { key } }'], apiClientId }, bound.headers);
      expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const list = await gqlOk<{ trustedOperations: { operationName: string }[] }>(t.api, '{ trustedOperations { operationName } }', {}, bound.headers);
    expect(list.trustedOperations.map((o) => o.operationName).sort()).toEqual(['First', 'Third']);
    const all = await gqlOk<{ trustedOperations: unknown[] }>(t.api, '{ trustedOperations { operationName } }', {}, admin.headers);
    expect(all.trustedOperations.length).toBeGreaterThan(2);
  });

  it('makes non-development keys run registered operations by hash, and only their own or shared ones', async () => {
    const { admin, partner, other, dev } = setUp();
    const mine = 'query PartnerStations { stations(first: 1) { edges { node { slug } } } }';
    const shared = 'query SharedMetrics { metrics { key } }';
    await gqlOk(t.api, REGISTER, { document: mine, apiClientId: clientGlobalId(partner.client.id) }, admin.headers);
    await gqlOk(t.api, REGISTER, { document: shared }, admin.headers);
    const partnerKey = { 'x-api-key': partner.key };

    const text = await post({ query: mine }, partnerKey);
    expect(text.status).toBe(403);
    expect(code(text)).toBe('PERSISTED_OPERATION_REQUIRED');
    expect(text.body.data).toBeUndefined();

    const hashed = await post(byHash(sha256(mine)), partnerKey);
    expect(hashed.status).toBe(200);
    expect(hashed.body.data).toEqual({ stations: { edges: [{ node: { slug: expect.any(String) } }] } });
    const documentId = await post({ documentId: `sha256:${sha256(shared)}` }, partnerKey);
    expect(documentId.body.data?.metrics).toEqual(expect.any(Array));
    const viaGet = await t.api.fetch(
      `http://yoga/graphql?extensions=${encodeURIComponent(JSON.stringify(byHash(sha256(shared)).extensions))}`,
      { headers: { ...partnerKey, ...JSON_ACCEPT } },
    );
    expect(((await viaGet.json()) as Response['body']).data?.metrics).toEqual(expect.any(Array));

    const notTheirs = await post(byHash(sha256(mine)), { 'x-api-key': other.key });
    expect(notTheirs.status).toBe(400);
    expect(code(notTheirs)).toBe('PERSISTED_OPERATION_NOT_FOUND');
    expect((await post(byHash(sha256(shared)), { 'x-api-key': other.key })).status).toBe(200);
    expect(code(await post(byHash('0'.repeat(64)), partnerKey))).toBe('PERSISTED_OPERATION_NOT_FOUND');
    expect(code(await post({}, partnerKey))).toBe('BAD_REQUEST');
    expect(code(await post(byHash(sha256(mine)), { 'x-api-key': `${partner.key.slice(0, -1)}x` }))).toBe('UNAUTHENTICATED');

    await gqlOk(t.api, 'mutation ($h: String!) { revokeTrustedOperation(sha256Hash: $h) { revokedAt } }', { h: sha256(mine) }, admin.headers);
    const revoked = await post(byHash(sha256(mine)), partnerKey);
    expect(code(revoked)).toBe('PERSISTED_OPERATION_NOT_FOUND');
    const revocation = await t.db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'trustedOperation.revoke' } });
    expect(revocation).toMatchObject({ before: { id: sha256(mine), revokedAt: null }, after: { id: sha256(mine), revokedAt: expect.any(String) } });
    const listed = await gqlOk<{ trustedOperations: { operationName: string }[] }>(t.api, '{ trustedOperations { operationName } }', {}, admin.headers);
    expect(listed.trustedOperations.map((o) => o.operationName)).not.toContain('PartnerStations');

    for (const headers of [{ 'x-api-key': dev.key }, admin.headers, {}]) {
      const free = await post({ query: METRICS }, headers);
      expect(free.status).toBe(200);
      expect(free.body.errors).toBeUndefined();
    }
    const relaxed = createApi({ prisma: t.db.prisma });
    expect((await post({ query: METRICS }, partnerKey, relaxed)).status).toBe(200);
  });

  it('looks the key up once per request', async () => {
    const { partner } = setUp();
    const shared = 'query OnceMetrics { metrics { key } }';
    await t.db.prisma.trustedOperation.create({ data: { id: sha256(shared), document: shared, operationName: 'OnceMetrics' } });
    t.db.resetQueries();
    const ok = await post(byHash(sha256(shared)), { 'x-api-key': partner.key });
    expect(ok.body.errors).toBeUndefined();
    expect(t.db.queries.filter((sql) => /FROM "public"\."ApiClient"/.test(sql))).toHaveLength(1);
  });
});
