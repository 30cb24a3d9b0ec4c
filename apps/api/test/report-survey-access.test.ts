import type { PrismaClient, StaffRole } from '@openstation/db';
import { DEFAULT_QUESTIONNAIRE } from '@openstation/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, createSession } from '../src/auth/accounts.ts';
import { chinaToday } from '../src/survey/calendar.ts';
import { gql, gqlOk } from '../../../tests/support/graphql.ts';
import { useTestApi } from '../../../tests/support/test-api.ts';

const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');
const day = (offset: number) => new Date(Date.parse(`${chinaToday()}T00:00:00Z`) + offset * 86_400_000);

/** Headers of a staff member bound to the given stations only (a `StaffStation` row each). */
async function boundStaff(prisma: PrismaClient, role: StaffRole, stationIds: number[]): Promise<Record<string, string>> {
  const user = await prisma.staffUser.create({
    data: {
      email: `${role.toLowerCase()}-${stationIds.join('-')}@bound.example`,
      name: `Bound ${role}`,
      role,
      passwordHash: 'not used',
      allStations: false,
      stations: { create: stationIds.map((stationId) => ({ stationId })) },
    },
  });
  return { authorization: `Bearer ${(await createSession(prisma, user.id)).token}` };
}

const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.code ?? 'OK';

describe('reports and surveys are bound to stations', () => {
  const t = useTestApi();
  let a: { id: number; slug: string };
  let b: { id: number; slug: string };
  let editorOfA: Record<string, string>;
  let mediatorOfA: Record<string, string>;
  const ids = { draftReport: 0, publishedReport: 0, draftCampaign: 0, openCampaign: 0, ownDraftReport: 0, ownDraftCampaign: 0 };

  beforeAll(async () => {
    const { prisma } = t.db;
    a = await prisma.station.findUniqueOrThrow({ where: { slug: 'zhuze' }, select: { id: true, slug: true } });
    b = await prisma.station.findUniqueOrThrow({ where: { slug: 'qiandeng' }, select: { id: true, slug: true } });
    editorOfA = await boundStaff(prisma, 'EDITOR', [a.id]);
    mediatorOfA = await boundStaff(prisma, 'MEDIATOR', [a.id]);
    const report = (stationId: number, year: number) => prisma.workReport.create({ data: { stationId, year, quarter: 1, titleZh: `${year}年第一季度工作报告`, summaryZh: '草稿' } });
    ids.draftReport = (await report(b.id, 2012)).id;
    ids.ownDraftReport = (await report(a.id, 2012)).id;
    ids.publishedReport = (await prisma.workReport.findFirstOrThrow({ where: { stationId: b.id, status: 'PUBLISHED', supersededAt: null } })).id;
    const campaign = (stationId: number, period: string, status: 'DRAFT' | 'PUBLISHED') =>
      prisma.surveyCampaign.create({
        data: {
          stationId, period, titleZh: '评议', status, opensOn: day(-3), closesOn: day(3),
          questions: { create: DEFAULT_QUESTIONNAIRE.map((q, i) => ({ ...q, position: i + 1, optionsZh: [...q.optionsZh], optionsEn: [...q.optionsEn] })) },
        },
      });
    ids.draftCampaign = (await campaign(b.id, '2041-H1', 'DRAFT')).id;
    ids.ownDraftCampaign = (await campaign(a.id, '2041-H1', 'DRAFT')).id;
    ids.openCampaign = (await campaign(b.id, '2041-H2', 'PUBLISHED')).id;
  });

  it('refuses station A\'s editor every change of station B\'s reports and surveys (FORBIDDEN), and writes nothing', async () => {
    const report = globalId('WorkReport', ids.draftReport);
    const campaign = globalId('SurveyCampaign', ids.openCampaign);
    const draft = globalId('SurveyCampaign', ids.draftCampaign);
    const mutations: Array<[string, string, Record<string, unknown>]> = [
      ['createWorkReport', 'mutation ($s: ID!) { createWorkReport(stationId: $s, year: 2012, quarter: 2, content: { summary: { zh: "x" } }) { id } }', { s: globalId('Station', b.id) }],
      ['updateWorkReport', 'mutation ($id: ID!) { updateWorkReport(id: $id, content: { summary: { zh: "x" } }) { id } }', { id: report }],
      ['publishWorkReport', 'mutation ($id: ID!) { publishWorkReport(id: $id) { id } }', { id: report }],
      ['correctWorkReport', 'mutation ($id: ID!) { correctWorkReport(id: $id, content: {}, correctionNote: { zh: "x" }) { id } }', { id: globalId('WorkReport', ids.publishedReport) }],
      ['deleteWorkReportDraft', 'mutation ($id: ID!) { deleteWorkReportDraft(id: $id) }', { id: report }],
      [
        'createSurveyCampaign',
        'mutation ($s: ID!) { createSurveyCampaign(input: { stationId: $s, period: "2042-H1", title: { zh: "x" }, opensOn: "2042-01-01", closesOn: "2042-01-31", accessMode: OPEN }) { id } }',
        { s: globalId('Station', b.id) },
      ],
      ['updateSurveyCampaign', 'mutation ($id: ID!) { updateSurveyCampaign(id: $id, input: { title: { zh: "x" } }) { id } }', { id: draft }],
      ['publishSurveyCampaign', 'mutation ($id: ID!) { publishSurveyCampaign(id: $id) { id } }', { id: draft }],
      ['deleteSurveyCampaignDraft', 'mutation ($id: ID!) { deleteSurveyCampaignDraft(id: $id) }', { id: draft }],
      ['closeSurveyCampaign', 'mutation ($id: ID!) { closeSurveyCampaign(id: $id) { id } }', { id: campaign }],
      ['generateInvitationCodes', 'mutation ($id: ID!) { generateInvitationCodes(campaignId: $id, count: 1) { csv } }', { id: campaign }],
      [
        'enterSurveyResponses',
        'mutation ($id: ID!, $d: Date!) { enterSurveyResponses(campaignId: $id, responses: [{ channel: PAPER, submittedOn: $d, answers: [] }]) { count } }',
        { id: campaign, d: chinaToday() },
      ],
    ];
    const audits = await t.db.prisma.auditEntry.count();
    const outcomes = [];
    for (const [name, query, variables] of mutations) outcomes.push([name, codeOf(await gql(t.api, query, variables, editorOfA))]);
    expect(outcomes).toEqual(mutations.map(([name]) => [name, 'FORBIDDEN']));
    expect(await t.db.prisma.auditEntry.count()).toBe(audits);
    expect(await t.db.prisma.workReport.count({ where: { stationId: b.id, year: 2012 } })).toBe(1);
    expect(await t.db.prisma.surveyCampaign.count({ where: { id: { in: [ids.draftCampaign, ids.openCampaign] } } })).toBe(2);
    // The same editor changes their own station's draft.
    expect(codeOf(await gql(t.api, mutations[1]?.[1] as string, { id: globalId('WorkReport', ids.ownDraftReport) }, editorOfA))).toBe('OK');
  });

  it('lists and shows only the caller\'s stations\' drafts', async () => {
    const reports = await gqlOk<{ workReportDrafts: { edges: { node: { id: string } }[] } }>(t.api, '{ workReportDrafts(first: 100) { edges { node { id } } } }', {}, editorOfA);
    const reportIds = reports.workReportDrafts.edges.map((e) => e.node.id);
    expect(reportIds).toContain(globalId('WorkReport', ids.ownDraftReport));
    expect(reportIds).not.toContain(globalId('WorkReport', ids.draftReport));
    const campaigns = await gqlOk<{ surveyCampaignDrafts: { id: string }[] }>(t.api, '{ surveyCampaignDrafts { id } }', {}, editorOfA);
    expect(campaigns.surveyCampaignDrafts.map((c) => c.id)).toEqual([globalId('SurveyCampaign', ids.ownDraftCampaign)]);
    for (const id of [globalId('WorkReport', ids.draftReport), globalId('SurveyCampaign', ids.draftCampaign)]) {
      const node = await gql<{ node: unknown }>(t.api, 'query ($id: ID!) { node(id: $id) { id } }', { id }, editorOfA);
      expect([node.data?.node ?? null, codeOf(node)]).toEqual([null, 'FORBIDDEN']);
    }
    const own = await gqlOk<{ node: { id: string } }>(t.api, 'query ($id: ID!) { node(id: $id) { id } }', { id: globalId('WorkReport', ids.ownDraftReport) }, editorOfA);
    expect(own.node.id).toBe(globalId('WorkReport', ids.ownDraftReport));
  });

  it('gives provisional results and raw responses to the station\'s staff and its partners\' keys only', async () => {
    const id = globalId('SurveyCampaign', ids.openCampaign);
    const questions = await t.db.prisma.surveyQuestion.findMany({ where: { campaignId: ids.openCampaign, required: true } });
    await t.db.prisma.surveyResponse.create({
      data: {
        campaignId: ids.openCampaign, channel: 'PAPER', submittedOn: day(-1),
        answers: { create: questions.map((q) => ({ questionId: q.id, value: q.type === 'YES_NO' ? 1 : 4 })) },
      },
    });
    const results = 'query ($id: ID!) { surveyResults(campaignId: $id) { provisional responses } }';
    const responses = 'query ($id: ID!) { surveyResponses(campaignId: $id, first: 10) { edges { node { channel } } } }';
    const keyOf = async (stationId: number) => {
      const partner = await t.db.prisma.partnerAgency.findFirstOrThrow({ where: { stationId } });
      return { 'x-api-key': (await createApiClient(t.db.prisma, { name: `raw ${stationId}`, scopes: ['surveys:raw'], partnerId: partner.id })).key };
    };
    const staffOfB = await boundStaff(t.db.prisma, 'MEDIATOR', [b.id]);
    for (const headers of [staffOfB, await keyOf(b.id)]) {
      expect((await gqlOk<{ surveyResults: unknown }>(t.api, results, { id }, headers)).surveyResults).toEqual({ provisional: true, responses: 1 });
      expect((await gqlOk<{ surveyResponses: { edges: unknown[] } }>(t.api, responses, { id }, headers)).surveyResponses.edges).toHaveLength(1);
    }
    for (const headers of [mediatorOfA, editorOfA, await keyOf(a.id)]) {
      expect(codeOf(await gql(t.api, results, { id }, headers))).toBe('SURVEY_RESULTS_NOT_PUBLIC');
      expect((await gqlOk<{ surveyResponses: { edges: unknown[] } }>(t.api, responses, { id }, headers)).surveyResponses.edges).toEqual([]);
    }
  });
});
