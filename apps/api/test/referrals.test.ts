import { beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../src/auth/accounts.ts';
import { gql, gqlOk } from '../../../tests/support/graphql.ts';
import { createStaffPrincipals, type TestPrincipal } from '../../../tests/support/principals.ts';
import { createBoundStaff } from '../../../tests/support/principals.ts';
import { useTestApi } from '../../../tests/support/test-api.ts';

const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');
/** A day of next year (China time), as `YYYY-MM-DD`: after today, so dates that record the past refuse it. */
const nextYear = (monthDay: string) => `${new Date(Date.now() + 8 * 3_600_000).getUTCFullYear() + 1}-${monthDay}`;
const FIELDS = 'id direction status policeNote partnerNote resolvedOn partner { slug }';

interface Referral {
  id: string;
  direction: string;
  status: string;
  policeNote: string | null;
  partnerNote: string | null;
  resolvedOn: string | null;
  partner: { slug: string };
}

describe('referrals between the police and partner agencies', () => {
  const t = useTestApi();
  let mediator: TestPrincipal;
  let partnerKey: Record<string, string>;
  let otherPartnerKey: Record<string, string>;
  let homelessKey: Record<string, string>;
  let station: { id: number };
  let partner: { id: number; slug: string };

  beforeAll(async () => {
    const staff = await createStaffPrincipals(t.db.prisma);
    mediator = staff.find((p) => p.role === 'MEDIATOR') as TestPrincipal;
    const [first, second] = await t.db.prisma.partnerAgency.findMany({ orderBy: { id: 'asc' }, take: 2 });
    if (!first || !second) throw new Error('the demo data needs two partner agencies');
    partner = first;
    station = { id: first.stationId };
    const key = async (partnerId: number | null) =>
      ({ 'x-api-key': (await createApiClient(t.db.prisma, { name: `partner ${partnerId}`, scopes: ['referrals:write'], partnerId })).key });
    partnerKey = await key(first.id);
    otherPartnerKey = await key(second.id);
    homelessKey = await key(null);
  });

  it('police → partner: the partner accepts, reports progress and resolves through its key; every step is audited', async () => {
    const { api, db } = t;
    const { createReferral } = await gqlOk<{ createReferral: Referral }>(
      api,
      `mutation ($input: ReferralInput!) { createReferral(input: $input) { ${FIELDS} } }`,
      { input: { stationId: globalId('Station', station.id), partnerId: globalId('PartnerAgency', partner.id), summary: { zh: '邻里噪音纠纷，需司法所调解' }, createdOn: '2026-03-02' } },
      mediator.headers,
    );
    expect(createReferral).toMatchObject({ direction: 'POLICE_TO_PARTNER', status: 'CREATED', partner: { slug: partner.slug } });
    const id = createReferral.id;

    const mine = await gqlOk<{ referrals: { edges: { node: { id: string } }[] } }>(api, '{ referrals(first: 100) { edges { node { id } } } }', {}, partnerKey);
    expect(mine.referrals.edges.map((e) => e.node.id)).toContain(id);
    const theirs = await gqlOk<{ referrals: { edges: { node: { id: string } }[] } }>(api, '{ referrals(first: 100) { edges { node { id } } } }', {}, otherPartnerKey);
    expect(theirs.referrals.edges.map((e) => e.node.id)).not.toContain(id);
    const stranger = await gql(api, 'mutation ($id: ID!) { acceptReferral(id: $id) { id } }', { id }, otherPartnerKey);
    expect(stranger.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const peek = await gql(api, 'query ($id: ID!) { node(id: $id) { id } }', { id }, otherPartnerKey);
    expect(peek.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const wrongSide = await gql(api, 'mutation ($id: ID!) { acceptReferral(id: $id) { id } }', { id }, mediator.headers);
    expect(wrongSide.errors?.[0]?.extensions?.code).toBe('INVALID_STATE');
    const early = await gql(api, 'mutation ($id: ID!) { resolveReferral(id: $id, outcome: "x", resolvedOn: "2026-03-03") { id } }', { id }, partnerKey);
    expect(early.errors?.[0]?.extensions?.code).toBe('INVALID_STATE');

    const accepted = await gqlOk<{ acceptReferral: Referral }>(api, `mutation ($id: ID!) { acceptReferral(id: $id) { ${FIELDS} } }`, { id }, partnerKey);
    expect(accepted.acceptReferral.status).toBe('ACCEPTED');
    const progress = await gqlOk<{ updateReferral: Referral }>(
      api,
      `mutation ($id: ID!) { updateReferral(id: $id, note: "已约双方周三调解") { ${FIELDS} } }`,
      { id },
      partnerKey,
    );
    expect(progress.updateReferral).toMatchObject({ status: 'IN_PROGRESS', partnerNote: '已约双方周三调解', policeNote: null });
    const police = await gqlOk<{ updateReferral: Referral }>(
      api,
      `mutation ($id: ID!) { updateReferral(id: $id, note: "民警将陪同") { ${FIELDS} } }`,
      { id },
      mediator.headers,
    );
    expect(police.updateReferral).toMatchObject({ status: 'IN_PROGRESS', policeNote: '民警将陪同', partnerNote: '已约双方周三调解' });
    const resolved = await gqlOk<{ resolveReferral: Referral }>(
      api,
      `mutation ($id: ID!) { resolveReferral(id: $id, outcome: "达成协议", resolvedOn: "2026-03-05") { ${FIELDS} } }`,
      { id },
      partnerKey,
    );
    expect(resolved.resolveReferral).toMatchObject({ status: 'RESOLVED', partnerNote: '达成协议', resolvedOn: '2026-03-05' });

    const referralId = Number(Buffer.from(id, 'base64').toString().split(':')[1]);
    const trail = await db.prisma.auditEntry.findMany({ where: { entityType: 'Referral', entityId: referralId }, orderBy: { id: 'asc' } });
    expect(trail.map((e) => [e.action, e.apiClientId !== null, e.staffUserId !== null])).toEqual([
      ['referral.create', false, true],
      ['referral.accept', true, false],
      ['referral.update', true, false],
      ['referral.update', false, true],
      ['referral.resolve', true, false],
    ]);
  });

  it('partner → police: a partner key refers on its own behalf only', async () => {
    const { api } = t;
    const other = await t.db.prisma.partnerAgency.findFirstOrThrow({ where: { id: { not: partner.id } } });
    const input = { stationId: globalId('Station', station.id), partnerId: globalId('PartnerAgency', other.id), summary: { zh: '学校周边摊贩纠纷' }, createdOn: '2026-04-01' };
    const { createReferral } = await gqlOk<{ createReferral: Referral }>(
      api,
      `mutation ($input: ReferralInput!) { createReferral(input: $input) { ${FIELDS} } }`,
      { input },
      partnerKey,
    );
    expect(createReferral).toMatchObject({ direction: 'PARTNER_TO_POLICE', status: 'CREATED', partner: { slug: partner.slug } });
    const partnerCannotAccept = await gql(api, 'mutation ($id: ID!) { acceptReferral(id: $id) { id } }', { id: createReferral.id }, partnerKey);
    expect(partnerCannotAccept.errors?.[0]?.extensions?.code).toBe('INVALID_STATE');
    const accepted = await gqlOk<{ acceptReferral: Referral }>(api, `mutation ($id: ID!) { acceptReferral(id: $id) { ${FIELDS} } }`, { id: createReferral.id }, mediator.headers);
    expect(accepted.acceptReferral.status).toBe('ACCEPTED');

    const noAgency = await gql(api, 'mutation ($input: ReferralInput!) { createReferral(input: $input) { id } }', { input }, homelessKey);
    expect(noAgency.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('staff act for their own stations only: another station\'s mediator neither lists, reads, creates nor moves its referrals', async () => {
    const { api, db } = t;
    const otherStation = await db.prisma.station.findFirstOrThrow({ where: { id: { not: station.id } } });
    const own = (await createBoundStaff(db.prisma, 'MEDIATOR', [station.id])).headers;
    const stranger = (await createBoundStaff(db.prisma, 'MEDIATOR', [otherStation.id])).headers;
    const input = { stationId: globalId('Station', station.id), partnerId: globalId('PartnerAgency', partner.id), summary: { zh: '跨站测试' }, createdOn: '2026-11-30' };
    const refused = await gql(api, 'mutation ($input: ReferralInput!) { createReferral(input: $input) { id } }', { input }, stranger);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { createReferral } = await gqlOk<{ createReferral: Referral }>(api, `mutation ($input: ReferralInput!) { createReferral(input: $input) { ${FIELDS} } }`, { input }, partnerKey);

    const ids = async (headers: Record<string, string>) =>
      (await gqlOk<{ referrals: { edges: { node: { id: string } }[] } }>(api, '{ referrals(first: 100) { edges { node { id } } } }', {}, headers)).referrals.edges.map((e) => e.node.id);
    expect(await ids(own)).toContain(createReferral.id);
    expect(await ids(stranger)).not.toContain(createReferral.id);
    const peek = await gql(api, 'query ($id: ID!) { node(id: $id) { id } }', { id: createReferral.id }, stranger);
    expect(peek.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const accept = await gql(api, 'mutation ($id: ID!) { acceptReferral(id: $id) { id } }', { id: createReferral.id }, stranger);
    expect(accept.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const note = await gql(api, 'mutation ($id: ID!) { updateReferral(id: $id, note: "x") { id } }', { id: createReferral.id }, stranger);
    expect(note.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const accepted = await gqlOk<{ acceptReferral: Referral }>(api, `mutation ($id: ID!) { acceptReferral(id: $id) { ${FIELDS} } }`, { id: createReferral.id }, own);
    expect(accepted.acceptReferral.status).toBe('ACCEPTED');

    const elsewhere = { ...input, stationId: globalId('Station', otherStation.id) };
    const keyElsewhere = await gql(api, 'mutation ($input: ReferralInput!) { createReferral(input: $input) { id } }', { input: elsewhere }, partnerKey);
    expect(keyElsewhere.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('dates record the past: createdOn and resolvedOn not after today, resolvedOn not before createdOn; the same note twice writes nothing', async () => {
    const { api, db } = t;
    const refusal = (result: Awaited<ReturnType<typeof gql>>) => ({ code: result.errors?.[0]?.extensions?.code, field: result.errors?.[0]?.extensions?.field });
    const input = { stationId: globalId('Station', station.id), partnerId: globalId('PartnerAgency', partner.id), summary: { zh: '日期测试' }, createdOn: nextYear('01-05') };
    const create = 'mutation ($input: ReferralInput!) { createReferral(input: $input) { id } }';
    expect(refusal(await gql(api, create, { input }, mediator.headers))).toEqual({ code: 'DATE_IN_FUTURE', field: 'input.createdOn' });
    const { createReferral } = await gqlOk<{ createReferral: { id: string } }>(api, create, { input: { ...input, createdOn: '2026-11-10' } }, mediator.headers);
    const { id } = createReferral;
    await gqlOk(api, 'mutation ($id: ID!) { acceptReferral(id: $id) { id } }', { id }, partnerKey);
    const resolve = 'mutation ($id: ID!, $on: Date!) { resolveReferral(id: $id, outcome: "达成协议", resolvedOn: $on) { status } }';
    expect(refusal(await gql(api, resolve, { id, on: '2026-11-09' }, partnerKey))).toEqual({ code: 'RESOLVED_BEFORE_CREATED', field: 'resolvedOn' });
    expect(refusal(await gql(api, resolve, { id, on: nextYear('01-01') }, partnerKey))).toEqual({ code: 'DATE_IN_FUTURE', field: 'resolvedOn' });

    const noteOnce = 'mutation ($id: ID!) { updateReferral(id: $id, note: "已约双方") { status partnerNote } }';
    await gqlOk(api, noteOnce, { id }, partnerKey);
    const audits = await db.prisma.auditEntry.count();
    const again = await gqlOk<{ updateReferral: { status: string; partnerNote: string } }>(api, noteOnce, { id }, partnerKey);
    expect(again.updateReferral).toEqual({ status: 'IN_PROGRESS', partnerNote: '已约双方' });
    expect(await db.prisma.auditEntry.count()).toBe(audits);
    const done = await gqlOk<{ resolveReferral: { status: string } }>(api, resolve, { id, on: '2026-11-10' }, partnerKey);
    expect(done.resolveReferral.status).toBe('RESOLVED');
  });
});
