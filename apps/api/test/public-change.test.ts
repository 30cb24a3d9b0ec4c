import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalUpdatesStatus } from '../src/portal-updates.ts';
import { isPublicChange, type PublicChange } from '../src/domain/public-change.ts';
import { createApi } from '../src/yoga.ts';
import { gql, gqlOk } from '../../../tests/support/graphql.ts';
import { createStaffPrincipals, type TestPrincipal } from '../../../tests/support/principals.ts';
import { openTestDatabase, type TestDatabase } from '../../../tests/support/test-database.ts';

const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');
const text = (zh: string) => ({ zh });

const STATUS: PortalUpdatesStatus = {
  build: {
    running: false,
    pending: true,
    runs: 3,
    failures: 1,
    lastStartedAt: new Date('2026-05-01T08:00:00Z'),
    lastFinishedAt: new Date('2026-05-01T08:00:09Z'),
    lastSucceededAt: null,
    lastDurationMs: 9000,
    lastError: 'Portal build failed (exit code 1)',
  },
  webhook: null,
};

describe('which changes are public', () => {
  it.each([
    ['officer.update', 'Officer', true],
    ['workReport.publish', 'WorkReport', true],
    ['workReport.correct', 'WorkReport', true],
    ['surveyCampaign.publish', 'SurveyCampaign', true],
    ['surveyCampaign.close', 'SurveyCampaign', true],
    ['schedule.tick', 'Schedule', true],
    ['surveyResponses.enter', 'SurveyCampaign', true],
    ['mediationCase.update', 'MediationCase', true],
    ['workReport.create', 'WorkReport', false],
    ['surveyCampaign.create', 'SurveyCampaign', false],
    ['surveyCampaign.deleteDraft', 'SurveyCampaign', false],
    ['workReport.deleteDraft', 'WorkReport', false],
    ['invitationCodes.generate', 'SurveyCampaign', false],
    ['staff.login', 'StaffUser', false],
    ['apiClient.create', 'ApiClient', false],
    ['referral.create', 'Referral', false],
    ['trustedOperation.register', 'TrustedOperation', false],
  ])('%s on %s: %s', (action, entityType, expected) => {
    expect(isPublicChange({ action, entityType })).toBe(expected);
  });
});

describe('publishing announces public changes after commit', () => {
  let db: TestDatabase;
  let api: ReturnType<typeof createApi>;
  let admin: TestPrincipal;
  let editor: TestPrincipal;
  let stationId: number;
  const changes: PublicChange[] = [];
  let throwing = false;
  const auditCount = () => db.prisma.auditEntry.count();

  beforeAll(async () => {
    db = await openTestDatabase();
    api = createApi({
      prisma: db.prisma,
      onPublicChange: (change) => {
        changes.push(change);
        if (throwing) throw new Error('listener broke');
      },
      portalUpdatesStatus: () => STATUS,
    });
    [admin, editor] = (await createStaffPrincipals(db.prisma)) as [TestPrincipal, TestPrincipal];
    stationId = (await db.prisma.station.findFirstOrThrow({ orderBy: { id: 'asc' } })).id;
  });
  afterAll(() => db.close());

  const createTeam = (headers: Record<string, string>, name: string) =>
    gql(
      api,
      'mutation ($input: VolunteerTeamInput!) { createVolunteerTeam(input: $input) { id } }',
      { input: { stationId: globalId('Station', stationId), name: text(name), description: text('测试') } },
      headers,
    );

  it('a successful content mutation signals once, with its entity type', async () => {
    changes.length = 0;
    const result = await createTeam(editor.headers, '测试志愿队');
    expect(result.errors).toBeUndefined();
    expect(changes).toEqual([{ action: 'volunteerTeam.create', entityType: 'VolunteerTeam', stationId }]);
  });

  it('publishing a report draft signals; creating or deleting a draft does not', async () => {
    const draft = await db.prisma.workReport.findFirstOrThrow({ where: { status: 'DRAFT' } });
    changes.length = 0;
    await gqlOk(api, 'mutation ($id: ID!) { publishWorkReport(id: $id) { id } }', { id: globalId('WorkReport', draft.id) }, editor.headers);
    expect(changes).toEqual([{ action: 'workReport.publish', entityType: 'WorkReport', stationId: draft.stationId }]);
    changes.length = 0;
    const created = await gqlOk<{ createWorkReport: { id: string } }>(
      api,
      'mutation ($s: ID!, $c: WorkReportContentInput!) { createWorkReport(stationId: $s, year: 2020, quarter: 1, content: $c) { id } }',
      { s: globalId('Station', stationId), c: { summary: text('草稿') } },
      editor.headers,
    );
    await gqlOk(api, 'mutation ($id: ID!) { deleteWorkReportDraft(id: $id) }', { id: created.createWorkReport.id }, editor.headers);
    expect(changes).toEqual([]);
  });

  it('closing a survey now signals, for its station', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000);
    const campaign = await db.prisma.surveyCampaign.create({
      data: { stationId, period: '2038-H1', titleZh: '关闭测试', status: 'PUBLISHED', opensOn: day(-5), closesOn: day(5) },
    });
    changes.length = 0;
    await gqlOk(api, 'mutation ($id: ID!) { closeSurveyCampaign(id: $id) { phase } }', { id: globalId('SurveyCampaign', campaign.id) }, editor.headers);
    expect(changes).toEqual([{ action: 'surveyCampaign.close', entityType: 'SurveyCampaign', stationId }]);
  });

  it('a validation error signals nothing', async () => {
    changes.length = 0;
    const result = await gql(
      api,
      'mutation ($input: VolunteerTeamInput!) { createVolunteerTeam(input: $input) { id } }',
      { input: { stationId: globalId('Station', stationId), name: { zh: '  ' }, description: text('测试') } },
      editor.headers,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(changes).toEqual([]);
  });

  it('a change the transaction rolls back signals nothing', async () => {
    const published = await db.prisma.workReport.findFirstOrThrow({ where: { status: 'PUBLISHED' } });
    const station = await db.prisma.station.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const before = await auditCount();
    changes.length = 0;
    const again = await gql(api, 'mutation ($id: ID!) { publishWorkReport(id: $id) { id } }', { id: globalId('WorkReport', published.id) }, editor.headers);
    expect(again.errors?.[0]?.extensions?.code).toBe('INVALID_STATE');
    const duplicate = await gql(
      api,
      'mutation ($id: ID!, $input: StationPatch!) { updateStation(id: $id, input: $input) { slug } }',
      {
        id: globalId('Station', station.id + 1),
        input: {
          slug: station.slug,
          name: text('重复'),
          bureau: text('分局'),
          region: text('区'),
          address: text('路'),
          dutyPhone: '0512-1234567',
          openingHours: text('全天'),
          summary: text('测试'),
        },
      },
      admin.headers,
    );
    expect(duplicate.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(changes).toEqual([]);
    expect(await auditCount()).toBe(before);
  });

  it('signing in and out changes nothing public', async () => {
    changes.length = 0;
    await gqlOk(api, 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: 'editor@test.example', p: 'password-editor' });
    expect(changes).toEqual([]);
  });

  it('a listener that throws never fails the mutation', async () => {
    throwing = true;
    changes.length = 0;
    try {
      const result = await createTeam(editor.headers, '另一志愿队');
      expect(result.errors).toBeUndefined();
      expect(changes).toHaveLength(1);
    } finally {
      throwing = false;
    }
  });

  it('portalBuildStatus tells staff the last build, its error and what is pending', async () => {
    const { portalBuildStatus } = await gqlOk<{ portalBuildStatus: unknown }>(
      api,
      '{ portalBuildStatus { build { running pending runs failures lastFinishedAt lastSucceededAt lastDurationMs lastError } webhook { runs } } }',
      {},
      editor.headers,
    );
    expect(portalBuildStatus).toEqual({
      build: {
        running: false,
        pending: true,
        runs: 3,
        failures: 1,
        lastFinishedAt: '2026-05-01T08:00:09.000Z',
        lastSucceededAt: null,
        lastDurationMs: 9000,
        lastError: 'Portal build failed (exit code 1)',
      },
      webhook: null,
    });
    const plain = createApi({ prisma: db.prisma });
    const none = await gqlOk<{ portalBuildStatus: unknown }>(plain, '{ portalBuildStatus { build { runs } webhook { runs } } }', {}, editor.headers);
    expect(none.portalBuildStatus).toEqual({ build: null, webhook: null });
  });
});
