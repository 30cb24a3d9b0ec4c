import { encodeGlobalID } from '@pothos/plugin-relay';
import { beforeAll, describe, expect, it } from 'vitest';
import { gql, gqlOk } from '../../../tests/support/graphql.ts';
import { createBoundStaff } from '../../../tests/support/principals.ts';
import { useTestApi } from '../../../tests/support/test-api.ts';

const NUL = 'a\u0000b';
const LONE_SURROGATE = 'a\uD800b';
const OUT_OF_RANGE = '2147483648';

describe('one input boundary: texts, ids, dates and list lengths', () => {
  const t = useTestApi();
  let admin: Record<string, string>;
  let stationId: string;
  let areaId: string;
  let officerId: string;

  beforeAll(async () => {
    admin = (await createBoundStaff(t.db.prisma, 'ADMIN', 'all')).headers;
    const area = await t.db.prisma.area.findFirstOrThrow({ orderBy: { id: 'asc' }, include: { assignments: true } });
    stationId = encodeGlobalID('Station', String(area.stationId));
    areaId = encodeGlobalID('Area', String(area.id));
    const officer = await t.db.prisma.officer.findFirstOrThrow({ where: { stationId: area.stationId }, orderBy: { id: 'asc' } });
    officerId = encodeGlobalID('Officer', String(officer.id));
  });

  it('refuses U+0000 and unpaired surrogates in any string argument or input field, naming it, writing nothing', async () => {
    const login = await gql(t.api, 'mutation($e: String!) { login(email: $e, password: "x") { token } }', { e: NUL });
    expect(login.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });

    const areasBefore = await t.db.prisma.area.count();
    const audits = await t.db.prisma.auditEntry.count();
    for (const text of [NUL, LONE_SURROGATE]) {
      const area = await gql(
        t.api,
        'mutation($input: AreaInput!) { createArea(input: $input) { id } }',
        { input: { stationId, kind: 'COMMUNITY', name: { zh: '新社区', en: text } } },
        admin,
      );
      expect(area.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name.en' });
      expect(area.errors?.[0]?.message).toContain('input.name.en');
    }
    const event = await gql(
      t.api,
      'mutation($input: EventInput!) { createEvent(input: $input) { id } }',
      { input: { stationId, kind: 'OPEN_DAY', title: { zh: NUL }, description: { zh: '说明' }, location: { zh: '所里' }, startsAt: '2026-01-01T02:00:00Z' } },
      admin,
    );
    expect(event.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title.zh' });
    expect(await t.db.prisma.area.count()).toBe(areasBefore);
    expect(await t.db.prisma.auditEntry.count()).toBe(audits);

    const submit = await gql(t.api, 'mutation($input: SurveySubmissionInput!) { submitSurveyResponse(input: $input) { submittedOn } }', {
      input: { campaignId: encodeGlobalID('SurveyCampaign', '1'), answers: [{ questionId: encodeGlobalID('SurveyQuestion', '1'), text: NUL }] },
    });
    expect(submit.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.answers.0.text' });
  });

  it('answers NOT_FOUND, not an unexpected error, for ids out of the database range', async () => {
    const far = (type: string) => encodeGlobalID(type, OUT_OF_RANGE);
    const cases: Array<[string, Record<string, unknown>]> = [
      ['mutation($id: ID!) { retireArea(id: $id) { id } }', { id: far('Area') }],
      ['mutation($id: ID!) { retireEvent(id: $id) { id } }', { id: far('Event') }],
      ['mutation($id: ID!) { retireMediationCase(id: $id) { id } }', { id: far('MediationCase') }],
      ['mutation($id: ID!) { acceptReferral(id: $id) { id } }', { id: far('Referral') }],
      ['mutation($id: ID!) { resolveReferral(id: $id, outcome: "done", resolvedOn: "2026-01-02") { id } }', { id: far('Referral') }],
      ['mutation($a: ID!, $o: ID!) { unassignOfficer(areaId: $a, officerId: $o) }', { a: far('Area'), o: officerId }],
      ['mutation($c: ID!, $a: ID) { generateInvitationCodes(campaignId: $c, areaId: $a, count: 1) { csv } }', { c: encodeGlobalID('SurveyCampaign', '1'), a: far('Area') }],
      ['query($id: ID!) { node(id: $id) { id } }', { id: far('Station') }],
      // Found by `pnpm fuzz` (seed 902659735): these decoded the number without checking it.
      ['mutation($id: ID!) { revokeApiClient(id: $id) { id } }', { id: far('ApiClient') }],
      ['query($a: ID) { officers(first: 1, areaId: $a) { edges { cursor } } }', { a: far('Area') }],
    ];
    for (const [query, variables] of cases) {
      const result = await gql(t.api, query, variables, admin);
      expect(result.errors?.[0]?.extensions?.code, query).toBe('NOT_FOUND');
    }
  });

  it('node: NOT_FOUND for an unknown id, BAD_USER_INPUT for an id of no node type; nodes: null for an unknown id, keeping the others', async () => {
    const unknown = encodeGlobalID('Station', '999999');
    const node = await gql(t.api, 'query($id: ID!) { node(id: $id) { id } }', { id: unknown });
    expect(node.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(node.data).toEqual({ node: null });

    const notANode = await gql(t.api, 'query($id: ID!) { node(id: $id) { id } }', { id: encodeGlobalID('LocalizedText', '1') });
    expect(notANode.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const nodes = await gql<{ nodes: ({ id: string } | null)[] }>(t.api, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
      ids: [stationId, unknown, encodeGlobalID('Station', OUT_OF_RANGE), areaId],
    });
    expect(nodes.errors).toBeUndefined();
    expect(nodes.data?.nodes).toEqual([{ id: stationId }, null, null, { id: areaId }]);
  });

  it('nodes takes at most 100 ids, checked before any is loaded', async () => {
    const ids = Array.from({ length: 101 }, () => stationId);
    const result = await gql(t.api, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
    expect(result.errors?.[0]?.message).toContain('100');
    const hundred = await gqlOk<{ nodes: unknown[] }>(t.api, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ids.slice(1) });
    expect(hundred.nodes).toHaveLength(100);
  });

  it('Date and DateTime refuse years outside 1900–2100 with BAD_USER_INPUT, as variables and as literals', async () => {
    const variable = await gql(
      t.api,
      'mutation($input: OfficerAssignmentInput!) { assignOfficer(input: $input) { since } }',
      { input: { areaId, officerId, isPrimary: false, since: '0000-01-01' } },
      admin,
    );
    expect(variable.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.since' });
    const literal = await gql(t.api, `mutation { assignOfficer(input: { areaId: "${areaId}", officerId: "${officerId}", isPrimary: false, since: "2101-01-01" }) { since } }`, {}, admin);
    expect(literal.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const dateTime = await gql(
      t.api,
      'mutation($input: EventInput!) { createEvent(input: $input) { id } }',
      { input: { stationId, kind: 'OPEN_DAY', title: { zh: '开放日' }, description: { zh: '说明' }, location: { zh: '所里' }, startsAt: '1899-12-31T23:00:00Z' } },
      admin,
    );
    expect(dateTime.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a list longer than its maximum before coercing its items (content.metrics of 10,000)', async () => {
    const metrics = Array.from({ length: 10_000 }, () => ({ a: 1 }));
    const result = await gql(t.api, 'mutation($id: ID!, $content: WorkReportContentPatch!) { updateWorkReport(id: $id, content: $content) { id } }', {
      id: encodeGlobalID('WorkReport', '1'),
      content: { metrics },
    });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'content.metrics' });
  });
});
