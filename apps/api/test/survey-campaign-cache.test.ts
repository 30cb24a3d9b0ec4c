import { DEFAULT_QUESTIONNAIRE } from '@openstation/db';
import { describe, expect, it } from 'vitest';
import { chinaToday } from '../src/survey/calendar.ts';
import { memoryBuckets } from '../src/limits/memory-bucket.ts';
import { gql, withFormToken } from '../../../tests/support/graphql.ts';
import { useTestApi } from '../../../tests/support/test-api.ts';

/**
 * Web submissions take a campaign taking answers from memory once read
 * (survey-campaign-cache.ts). A change made behind this process's back — by another replica,
 * or straight in the database — must still be obeyed at once: a closed survey, a retired area
 * refused, a new area accepted, and the errors in the same order as without memory.
 */

const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');
const SUBMIT = 'mutation ($input: SurveySubmissionInput!) { submitSurveyResponse(input: $input) { submittedOn } }';
const today = chinaToday();
const day = (offset: number) => {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date;
};
const codesOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => (result.errors ? result.errors.map((e) => e.extensions?.code) : ['OK']);

describe('survey submissions with the campaign kept in memory', () => {
  const t = useTestApi({ surveyLimit: { store: memoryBuckets(60_000), perWindow: 1000, trustProxy: true } });
  let counter = 0;

  /** A published OPEN campaign of zhuze, open today, and a function sending one complete submission to it. */
  async function openCampaign() {
    counter += 1;
    const station = await t.db.prisma.station.findUniqueOrThrow({ where: { slug: 'zhuze' } });
    const c = await t.db.prisma.surveyCampaign.create({
      data: {
        stationId: station.id, period: `${2070 + counter}-H1`, titleZh: `缓存 ${counter}`, accessMode: 'OPEN', status: 'PUBLISHED', opensOn: day(-2), closesOn: day(2),
        questions: { create: DEFAULT_QUESTIONNAIRE.map((q, i) => ({ ...q, position: i + 1, optionsZh: [...q.optionsZh], optionsEn: [...q.optionsEn] })) },
      },
      include: { questions: { orderBy: { position: 'asc' } } },
    });
    const answers = c.questions.map((q) => {
      const questionId = globalId('SurveyQuestion', q.id);
      if (q.type === 'SCALE5') return { questionId, value: 4 };
      if (q.type === 'YES_NO') return { questionId, value: 1 };
      if (q.type === 'SINGLE_CHOICE') return { questionId, choice: 0 };
      return { questionId, text: '好' };
    });
    const campaignId = globalId('SurveyCampaign', c.id);
    const send = async (extra: Record<string, unknown> = {}, token = true) => {
      const variables = { input: { campaignId, answers, ...extra } };
      return codesOf(await gql(t.api, SUBMIT, token ? await withFormToken(t.api, variables) : variables));
    };
    const stored = () => t.db.prisma.surveyResponse.count({ where: { campaignId: c.id } });
    return { c, station, campaignId, answers, send, stored };
  }

  it('obeys a survey closed behind its back at once, with the error a closed survey gets first', async () => {
    const { c, send, stored } = await openCampaign();
    expect(await send()).toEqual(['OK']);
    const token = await withFormToken(t.api, { input: { campaignId: globalId('SurveyCampaign', c.id) } });
    await t.db.prisma.surveyCampaign.update({ where: { id: c.id }, data: { closesOn: day(-1) } });
    // A form token issued before it closed: refused as closed, nothing stored, no token spent.
    expect(await send({ formToken: (token.input as { formToken: string }).formToken }, false)).toEqual(['SURVEY_CLOSED']);
    // Closed comes before a missing token or a missing answer, as when the campaign is read each time.
    expect(await send({}, false)).toEqual(['SURVEY_CLOSED']);
    expect(await send({ answers: [] }, false)).toEqual(['SURVEY_CLOSED']);
    expect(await stored()).toBe(1);
    expect(await t.db.prisma.spentSurveyFormToken.count({ where: { campaignId: c.id } })).toBe(1);
  });

  it('refuses an area retired behind its back, and accepts one made since', async () => {
    const { station, send, stored } = await openCampaign();
    const area = await t.db.prisma.area.findFirstOrThrow({ where: { stationId: station.id, retiredAt: null }, orderBy: { id: 'asc' } });
    expect(await send({ areaId: globalId('Area', area.id) })).toEqual(['OK']);
    await t.db.prisma.area.update({ where: { id: area.id }, data: { retiredAt: new Date() } });
    try {
      expect(await send({ areaId: globalId('Area', area.id) })).toEqual(['BAD_USER_INPUT']);
      const made = await t.db.prisma.area.create({ data: { stationId: station.id, kind: 'COMMUNITY', nameZh: '新设片区' } });
      expect(await send({ areaId: globalId('Area', made.id) })).toEqual(['OK']);
      expect(await send({ areaId: globalId('Area', made.id) })).toEqual(['OK']);
      expect(await stored()).toBe(3);
    } finally {
      await t.db.prisma.area.update({ where: { id: area.id }, data: { retiredAt: null } });
    }
  });

  it('reads a campaign once, then stores each submission with one statement', async () => {
    const { campaignId, answers } = await openCampaign();
    const submit = async () => {
      const variables = await withFormToken(t.api, { input: { campaignId, answers } });
      t.db.resetQueries();
      const outcome = codesOf(await gql(t.api, SUBMIT, variables));
      return { outcome, statements: t.db.queries.length };
    };
    expect(await submit()).toEqual({ outcome: ['OK'], statements: 2 });
    expect(await submit()).toEqual({ outcome: ['OK'], statements: 1 });
  });
});
