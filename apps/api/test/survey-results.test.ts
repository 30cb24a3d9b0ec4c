import { DEFAULT_QUESTIONNAIRE } from '@openstation/db';
import { proportion, wilson } from '@openstation/stats';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, createSession } from '../src/auth/accounts.ts';
import { chinaToday } from '../src/survey/calendar.ts';
import { gql, gqlOk } from '../../../tests/support/graphql.ts';
import { createStaffPrincipals, type TestPrincipal } from '../../../tests/support/principals.ts';
import { useTestApi } from '../../../tests/support/test-api.ts';

const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');

const RESULTS = `query ($id: ID!) { surveyResults(campaignId: $id) {
  responses lowSample previousCampaign { period }
  indicators { indicator n mean meanChange share { n count share low high } change { delta exceedsIntervals } }
  officerAwareness { n count share low high }
  questions { type n dontKnow mean share { n share low high } choiceCounts question { position } }
  areas { area { id } suppressed n indicators { indicator n share { share } } }
} }`;

interface Share {
  n: number;
  count: number;
  share: number | null;
  low: number | null;
  high: number | null;
}
interface Indicator {
  indicator: string;
  n: number;
  mean: number | null;
  meanChange: number | null;
  share: Share;
  change: { delta: number; exceedsIntervals: boolean } | null;
}
interface Results {
  responses: number;
  lowSample: boolean;
  previousCampaign: { period: string } | null;
  indicators: Indicator[];
  officerAwareness: Share | null;
  questions: Array<{ type: string; n: number; dontKnow: number; mean: number | null; choiceCounts: number[] | null }>;
  areas: Array<{ area: { id: string } | null; suppressed: boolean; n: number | null; indicators: Indicator[] | null }>;
}

describe('survey results', () => {
  const t = useTestApi();
  let editor: TestPrincipal;

  beforeAll(async () => {
    editor = (await createStaffPrincipals(t.db.prisma)).find((p) => p.role === 'EDITOR') as TestPrincipal;
  });

  /** A campaign of the zhuze station with hand-made responses: `cells` lists [area index, BASIC_MANAGEMENT score, yes?] per response. */
  async function campaignWith(period: string, opensOn: string, closesOn: string, rows: Array<[number | null, number, boolean]>) {
    const station = await t.db.prisma.station.findUniqueOrThrow({ where: { slug: 'zhuze' }, include: { areas: { orderBy: { id: 'asc' } } } });
    const campaign = await t.db.prisma.surveyCampaign.create({
      data: {
        stationId: station.id, period, titleZh: `结果测试 ${period}`, accessMode: 'OPEN', status: 'PUBLISHED',
        opensOn: new Date(`${opensOn}T00:00:00Z`), closesOn: new Date(`${closesOn}T00:00:00Z`),
        questions: { create: DEFAULT_QUESTIONNAIRE.map((q, i) => ({ ...q, position: i + 1, optionsZh: [...q.optionsZh], optionsEn: [...q.optionsEn] })) },
      },
      include: { questions: { orderBy: { position: 'asc' } } },
    });
    const basic = campaign.questions.find((q) => q.indicator === 'BASIC_MANAGEMENT');
    const aware = campaign.questions.find((q) => q.type === 'YES_NO');
    const remarks = campaign.questions.find((q) => q.type === 'FREE_TEXT');
    if (!basic || !aware || !remarks) throw new Error('default questionnaire changed');
    for (const [area, score, yes] of rows) {
      await t.db.prisma.surveyResponse.create({
        data: {
          campaignId: campaign.id, areaId: area === null ? null : (station.areas[area]?.id ?? null), channel: 'PAPER', submittedOn: new Date(`${opensOn}T00:00:00Z`),
          answers: {
            create: [
              { questionId: basic.id, value: score },
              { questionId: aware.id, value: yes ? 1 : 0 },
              { questionId: remarks.id, text: 'SECRET-REMARK' },
            ],
          },
        },
      });
    }
    return { campaign, areaIds: station.areas.map((a) => a.id) };
  }

  const repeat = <T>(n: number, row: T): T[] => Array.from({ length: n }, () => row);

  it('computes n, mean, share satisfied, Wilson intervals, change and suppression as worked out by hand', async () => {
    await campaignWith('2019-H2', '2019-11-01', '2019-11-30', [...repeat(5, [0, 5, true] as [number, number, boolean]), ...repeat(15, [0, 2, false] as [number, number, boolean])]);
    const { campaign, areaIds } = await campaignWith('2020-H1', '2020-05-01', '2020-05-31', [
      ...repeat(12, [0, 5, true] as [number, number, boolean]),
      ...repeat(4, [1, 2, true] as [number, number, boolean]),
      ...repeat(10, [2, 4, true] as [number, number, boolean]),
      ...repeat(2, [2, 3, false] as [number, number, boolean]),
      ...repeat(3, [2, 3, true] as [number, number, boolean]),
    ]);
    const { surveyResults: r } = await gqlOk<{ surveyResults: Results }>(t.api, RESULTS, { id: globalId('SurveyCampaign', campaign.id) });
    expect(r.responses).toBe(31);
    expect(r.lowSample).toBe(false);
    expect(r.previousCampaign?.period).toBe('2019-H2');
    const basic = r.indicators.find((i) => i.indicator === 'BASIC_MANAGEMENT') as Indicator;
    // Scores: 12×5 + 4×2 + 10×4 + 5×3 = 123 over 31; satisfied 12 + 10 = 22 of 31.
    expect(basic.n).toBe(31);
    expect(basic.mean).toBeCloseTo(123 / 31, 10);
    expect(basic.share).toEqual(proportion(22, 31));
    // Wilson 22/31 = 0.5341–0.8390 (p = 0.709677, centre 0.686559, half 0.152483).
    expect(basic.share.low).toBeCloseTo(0.534077, 5);
    expect(basic.share.high).toBeCloseTo(0.839042, 5);
    // Before: 5 of 20 satisfied (0.1119–0.4687), mean (25 + 30) / 20 = 2.75.
    expect(basic.change?.delta).toBeCloseTo(22 / 31 - 0.25, 10);
    expect(basic.change?.exceedsIntervals).toBe(true);
    expect(basic.meanChange).toBeCloseTo(123 / 31 - 2.75, 10);
    // Officer awareness: 29 of 31 said yes.
    expect(r.officerAwareness).toEqual(proportion(29, 31));
    const { low, high } = wilson(29, 31) ?? { low: 0, high: 0 };
    expect(r.officerAwareness?.low).toBe(low);
    expect(r.officerAwareness?.high).toBe(high);
    // Areas 12, 4, 15: the 4 is hidden, and the 12 with it (else 31 − 12 − 15 = 4).
    expect(r.areas.map((a) => [a.area?.id, a.suppressed, a.n])).toEqual([
      [globalId('Area', areaIds[0] as number), true, null],
      [globalId('Area', areaIds[1] as number), true, null],
      [globalId('Area', areaIds[2] as number), false, 15],
    ]);
    expect(r.areas[0]?.indicators).toBeNull();
    expect(r.areas[2]?.indicators?.find((i) => i.indicator === 'BASIC_MANAGEMENT')?.share.share).toBeCloseTo(10 / 15, 10);
    // Free text is counted, never published.
    expect(r.questions.find((q) => q.type === 'FREE_TEXT')?.n).toBe(31);
    expect(JSON.stringify(r)).not.toContain('SECRET-REMARK');
  });

  it('publishes the demo 2026-H1 results with the previous half-year for comparison and hides small areas', async () => {
    const campaign = await t.db.prisma.surveyCampaign.findFirstOrThrow({ where: { period: '2026-H1', station: { slug: 'toutunhe' } } });
    const { surveyResults: r } = await gqlOk<{ surveyResults: Results }>(t.api, RESULTS, { id: globalId('SurveyCampaign', campaign.id) });
    expect(r.responses).toBe(await t.db.prisma.surveyResponse.count({ where: { campaignId: campaign.id } }));
    expect(r.previousCampaign?.period).toBe('2025-H2');
    expect(r.indicators.map((i) => i.indicator)).toEqual([
      'BASIC_MANAGEMENT', 'PREVENTION_PUBLICITY', 'SERVICE_TO_RESIDENTS', 'WINDOW_SERVICE', 'OFFICER_AWARENESS', 'OVERALL_SATISFACTION',
    ]);
    for (const i of r.indicators) {
      expect(i.change).not.toBeNull();
      expect(i.share.low as number).toBeLessThanOrEqual(i.share.share as number);
      expect(i.share.high as number).toBeGreaterThanOrEqual(i.share.share as number);
    }
    const window = r.questions.find((q) => q.type === 'SCALE5' && q.dontKnow > 0);
    expect(window).toBeDefined();
    // Hidden cells: never exactly one, and never fewer than ten responses together.
    const counts = await t.db.prisma.surveyResponse.groupBy({ by: ['areaId'], where: { campaignId: campaign.id }, _count: { _all: true } });
    const hidden = r.areas.filter((a) => a.suppressed);
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    const hiddenTotal = hidden.reduce((sum, a) => {
      const id = a.area ? Number(Buffer.from(a.area.id, 'base64').toString().split(':')[1]) : null;
      return sum + (counts.find((c) => c.areaId === id)?._count._all ?? 0);
    }, 0);
    expect(hiddenTotal).toBeGreaterThanOrEqual(10);
    for (const area of r.areas.filter((a) => !a.suppressed)) expect(area.n as number).toBeGreaterThanOrEqual(10);
  });

  it('runs a fixed number of SQL statements whatever the number of areas and questions', async () => {
    const counts: number[] = [];
    for (const slug of ['zhuze', 'toutunhe', 'qianling']) {
      const campaign = await t.db.prisma.surveyCampaign.findFirstOrThrow({ where: { period: '2026-H1', station: { slug } } });
      t.db.resetQueries();
      await gqlOk(t.api, RESULTS, { id: globalId('SurveyCampaign', campaign.id) });
      counts.push(t.db.queries.length);
    }
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]).toBeLessThanOrEqual(11);
  });

  it('keeps results of a campaign that has not closed private, with SURVEY_RESULTS_NOT_PUBLIC', async () => {
    const today = chinaToday();
    const { campaign } = await campaignWith('2042-H1', today, '2099-12-31', [[0, 5, true]]);
    const result = await gql(t.api, RESULTS, { id: globalId('SurveyCampaign', campaign.id) });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['SURVEY_RESULTS_NOT_PUBLIC']);
    expect(result.data?.surveyResults ?? null).toBeNull();
    const missing = await gql(t.api, RESULTS, { id: globalId('SurveyCampaign', 999999) });
    expect(missing.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });

  it('shows the station\'s staff and its partners\' surveys:raw keys provisional results of an open campaign; others get SURVEY_RESULTS_NOT_PUBLIC', async () => {
    const today = chinaToday();
    const { campaign } = await campaignWith('2043-H1', today, '2099-12-30', [[0, 5, true], [1, 2, false], [null, 4, true]]);
    const id = globalId('SurveyCampaign', campaign.id);
    const query = 'query ($id: ID!) { surveyResults(campaignId: $id) { provisional responses indicators { indicator share { count n } } } }';
    const mediator = (await t.db.prisma.staffUser.findFirstOrThrow({ where: { role: 'MEDIATOR' } })).id;
    const mediatorHeaders = { authorization: `Bearer ${(await createSession(t.db.prisma, mediator)).token}` };
    // A key acts for its partner agency's station: zhuze's partner sees zhuze's provisional results, another station's does not.
    const partnerOf = async (slug: string) => (await t.db.prisma.partnerAgency.findFirstOrThrow({ where: { station: { slug } } })).id;
    const rawKey = async (slug: string) =>
      ({ 'x-api-key': (await createApiClient(t.db.prisma, { name: `raw reader ${slug}`, scopes: ['surveys:raw'], partnerId: await partnerOf(slug) })).key });
    const raw = await rawKey('zhuze');
    const otherStation = await rawKey('qiandeng');
    const noPartner = { 'x-api-key': (await createApiClient(t.db.prisma, { name: 'raw reader of no agency', scopes: ['surveys:raw'] })).key };
    const other = { 'x-api-key': (await createApiClient(t.db.prisma, { name: 'mediation reader', scopes: ['mediation:read'] })).key };
    for (const headers of [editor.headers, mediatorHeaders, raw]) {
      const { surveyResults: r } = await gqlOk<{ surveyResults: { provisional: boolean; responses: number; indicators: Array<{ indicator: string; share: { count: number; n: number } }> } }>(
        t.api, query, { id }, headers,
      );
      expect(r.provisional).toBe(true);
      expect(r.responses).toBe(3);
      expect(r.indicators.find((i) => i.indicator === 'BASIC_MANAGEMENT')?.share).toEqual({ count: 2, n: 3 });
    }
    for (const headers of [{}, other, otherStation, noPartner]) {
      const refused = await gql(t.api, query, { id }, headers);
      expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['SURVEY_RESULTS_NOT_PUBLIC']);
      expect(refused.data?.surveyResults ?? null).toBeNull();
    }
    const { campaign: closed } = await campaignWith('2017-H1', '2017-05-01', '2017-05-31', [[0, 4, true]]);
    const final = await gqlOk<{ surveyResults: { provisional: boolean } }>(t.api, query, { id: globalId('SurveyCampaign', closed.id) });
    expect(final.surveyResults.provisional).toBe(false);
  });

  it('gives raw responses with free text to staff only', async () => {
    const { campaign } = await campaignWith('2018-H1', '2018-05-01', '2018-05-31', [[0, 4, true]]);
    const query = 'query ($id: ID!) { surveyResponses(campaignId: $id, first: 10) { edges { node { channel submittedOn answers { text value } } } } }';
    const id = globalId('SurveyCampaign', campaign.id);
    const anonymous = await gql(t.api, query, { id });
    expect(anonymous.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    const staff = await gqlOk<{ surveyResponses: { edges: Array<{ node: { submittedOn: string; answers: Array<{ text: string | null }> } }> } }>(
      t.api, query, { id }, editor.headers,
    );
    expect(staff.surveyResponses.edges).toHaveLength(1);
    expect(staff.surveyResponses.edges[0]?.node.submittedOn).toBe('2018-05-01');
    expect(staff.surveyResponses.edges[0]?.node.answers.map((a) => a.text)).toContain('SECRET-REMARK');
  });
});
