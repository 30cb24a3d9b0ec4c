import { beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../src/auth/accounts.ts';
import { gql, gqlOk } from '../../../tests/support/graphql.ts';
import { createStaffPrincipals, type TestPrincipal } from '../../../tests/support/principals.ts';
import { useTestApi } from '../../../tests/support/test-api.ts';

const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');

describe('the partner contract: who am I, referrals without partnerId, RETURNED, new filters and connections', () => {
  const t = useTestApi();
  let mediator: TestPrincipal;
  let key: Record<string, string>;
  let partner: { id: number; slug: string; stationId: number };

  beforeAll(async () => {
    const staff = await createStaffPrincipals(t.db.prisma);
    mediator = staff.find((p) => p.role === 'MEDIATOR') as TestPrincipal;
    partner = await t.db.prisma.partnerAgency.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const created = await createApiClient(t.db.prisma, { name: 'contract test key', scopes: ['referrals:write'], partnerId: partner.id });
    key = { 'x-api-key': created.key };
  });

  it('viewer tells a key its partner agency, station and scopes, and an anonymous caller that it is anonymous', async () => {
    const query = '{ viewer { kind label keyPrefix scopes partnerAgency { id slug } station { id } } }';
    const { viewer } = await gqlOk<{ viewer: Record<string, unknown> }>(t.api, query, {}, key);
    expect(viewer).toMatchObject({
      kind: 'API_CLIENT',
      label: 'contract test key',
      scopes: ['REFERRALS_WRITE'],
      partnerAgency: { id: globalId('PartnerAgency', partner.id), slug: partner.slug },
      station: { id: globalId('Station', partner.stationId) },
    });
    expect(key['x-api-key']).toContain(String(viewer.keyPrefix));
    const anonymous = await gqlOk<{ viewer: Record<string, unknown> }>(t.api, query, {});
    expect(anonymous.viewer).toEqual({ kind: 'ANONYMOUS', label: null, keyPrefix: null, scopes: [], partnerAgency: null, station: null });
  });

  it('a key refers without partnerId; staff without one get FIELD_REQUIRED naming it', async () => {
    const mutation = 'mutation ($input: ReferralInput!) { createReferral(input: $input) { id status direction partner { slug } } }';
    const input = { stationId: globalId('Station', partner.stationId), summary: { zh: '占道经营纠纷，请派出所协助' }, createdOn: '2026-03-02' };
    const { createReferral } = await gqlOk<{ createReferral: Record<string, unknown> }>(t.api, mutation, { input }, key);
    expect(createReferral).toMatchObject({ status: 'CREATED', direction: 'PARTNER_TO_POLICE', partner: { slug: partner.slug } });
    const staff = await gql(t.api, mutation, { input }, mediator.headers);
    expect(staff.errors?.[0]?.extensions).toMatchObject({ code: 'FIELD_REQUIRED', field: 'input.partnerId' });
  });

  it('the receiving side returns a referral (RETURNED, audited); a returned referral takes no more notes', async () => {
    const { createReferral } = await gqlOk<{ createReferral: { id: string } }>(
      t.api,
      'mutation ($input: ReferralInput!) { createReferral(input: $input) { id } }',
      { input: { stationId: globalId('Station', partner.stationId), partnerId: globalId('PartnerAgency', partner.id), summary: { zh: '宅基地纠纷' }, createdOn: '2026-03-02' } },
      mediator.headers,
    );
    const id = createReferral.id;
    const bySender = await gql(t.api, 'mutation ($id: ID!) { returnReferral(id: $id, reason: "x") { id } }', { id }, mediator.headers);
    expect(bySender.errors?.[0]?.extensions?.code).toBe('INVALID_STATE');
    const { returnReferral } = await gqlOk<{ returnReferral: Record<string, unknown> }>(
      t.api,
      'mutation ($id: ID!) { returnReferral(id: $id, reason: "不属本单位职责，建议转镇政府") { status partnerNote } }',
      { id },
      key,
    );
    expect(returnReferral).toEqual({ status: 'RETURNED', partnerNote: '不属本单位职责，建议转镇政府' });
    const again = await gql(t.api, 'mutation ($id: ID!) { updateReferral(id: $id, note: "再补充") { id } }', { id }, key);
    expect(again.errors?.[0]?.extensions?.code).toBe('INVALID_STATE');
    const dbId = Number(Buffer.from(id, 'base64').toString().split(':')[1]);
    const audit = await t.db.prisma.auditEntry.findMany({ where: { entityType: 'Referral', entityId: dbId, action: 'referral.return' } });
    expect(audit).toHaveLength(1);
  });

  it('events(kind:) keeps one kind; Station.officers pages the station\'s officers; a connection without first or last is refused', async () => {
    const station = await t.db.prisma.station.findUniqueOrThrow({ where: { id: partner.stationId }, select: { slug: true } });
    const kinds = await t.db.prisma.event.groupBy({ by: ['kind'], where: { retiredAt: null }, _count: true });
    const kind = kinds[0]?.kind;
    if (!kind) throw new Error('the demo data needs events');
    const { events } = await gqlOk<{ events: { edges: { node: { eventKind: string } }[] } }>(
      t.api,
      'query ($kind: EventKind) { events(first: 100, kind: $kind) { edges { node { eventKind } } } }',
      { kind },
    );
    expect(events.edges.length).toBe(Math.min(100, kinds.find((k) => k.kind === kind)?._count ?? 0));
    expect(new Set(events.edges.map((e) => e.node.eventKind))).toEqual(new Set([kind]));

    const officers = await t.db.prisma.officer.count({ where: { stationId: partner.stationId, retiredAt: null } });
    const page = await gqlOk<{ station: { officers: { edges: unknown[]; pageInfo: { hasNextPage: boolean } } } }>(
      t.api,
      'query ($slug: String!) { station(slug: $slug) { officers(first: 2) { edges { node { id workPhone } } pageInfo { hasNextPage } } } }',
      { slug: station.slug },
    );
    expect(page.station.officers.edges).toHaveLength(Math.min(2, officers));
    expect(page.station.officers.pageInfo.hasNextPage).toBe(officers > 2);

    const unpaged = await gql(t.api, 'query ($slug: String!) { station(slug: $slug) { partnersConnection { edges { node { id } } } } }', { slug: station.slug });
    expect(unpaged.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const paged = await gqlOk<{ station: { partnersConnection: { edges: { node: { partnerKind: string } }[] } } }>(
      t.api,
      'query ($slug: String!) { station(slug: $slug) { partnersConnection(first: 100) { edges { node { partnerKind } } } } }',
      { slug: station.slug },
    );
    expect(paged.station.partnersConnection.edges.length).toBe(await t.db.prisma.partnerAgency.count({ where: { stationId: partner.stationId } }));
  });
});
