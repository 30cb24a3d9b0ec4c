import type { Prisma } from '../generated/prisma/client.ts';
import type { SurveyAccessMode } from '../generated/prisma/enums.ts';
import { DEFAULT_QUESTIONNAIRE } from '../survey/questionnaire.ts';
import { bulkInsert, reserveIds } from './bulk.ts';
import { addDays, daysBetween, toDate } from './calendar.ts';
import { createRng, type Rng } from './prng.ts';

type Db = Prisma.TransactionClient;

interface CampaignPlan {
  period: string;
  opensOn: string;
  closesOn: string;
  /** Responses per area before the small-area cut; 0 for a campaign still running. */
  perArea: number;
}

/** Two closed campaigns (so results can be compared) and the one running on the demo's "today". */
const CAMPAIGNS: readonly CampaignPlan[] = [
  { period: '2025-H2', opensOn: '2025-11-01', closesOn: '2025-11-30', perArea: 36 },
  { period: '2026-H1', opensOn: '2026-05-15', closesOn: '2026-06-15', perArea: 40 },
  { period: '2026-H2', opensOn: '2026-11-01', closesOn: '2026-12-20', perArea: 0 },
];

/** The station whose running campaign uses invitation codes; the others are open to anyone. */
const CODE_MODE_STATION = 'qiandeng';

const REMARKS = [
  '希望夜间多巡逻。',
  '反诈宣传很及时，谢谢民警。',
  '窗口排队时间有点长。',
  '建议在小区门口增加监控。',
  '社区民警很负责。',
];

function scaleAnswer(rng: Rng, mood: number, dontKnowShare: number): { value: number | null; dontKnow: boolean } {
  if (rng.next() < dontKnowShare) return { value: null, dontKnow: true };
  const value = rng.weighted({ '5': 4 * mood, '4': 3, '3': 1.2 / mood, '2': 0.4 / mood, '1': 0.2 / mood });
  return { value: Number(value), dontKnow: false };
}

/**
 * Writes the demo's resident evaluations for every station already written: the default
 * questionnaire, deterministic responses in the closed campaigns (the last two areas of each
 * station get fewer than ten, so their cells are suppressed in the results), and the
 * running 2026-H2 campaign without responses.
 */
export async function writeSurveys(db: Db): Promise<void> {
  const stations = await db.station.findMany({
    select: { id: true, slug: true, nameZh: true, nameEn: true, areas: { select: { id: true }, orderBy: { id: 'asc' } } },
    orderBy: { id: 'asc' },
  });
  const plans = stations.flatMap((station) => CAMPAIGNS.map((plan) => ({ station, plan })));
  const campaignIds = await reserveIds(db, 'SurveyCampaign', plans.length);
  const questionIds = await reserveIds(db, 'SurveyQuestion', plans.length * DEFAULT_QUESTIONNAIRE.length);
  const now = new Date();

  const campaignRows: Prisma.SurveyCampaignCreateManyInput[] = [];
  const questionRows: Prisma.SurveyQuestionCreateManyInput[] = [];
  const responses: Array<{ campaignId: number; areaId: number | null; submittedOn: string; questions: number[]; mood: number; seed: string }> = [];

  plans.forEach(({ station, plan }, c) => {
    const campaignId = campaignIds[c] as number;
    const running = plan.perArea === 0;
    const accessMode: SurveyAccessMode = running && station.slug === CODE_MODE_STATION ? 'CODE' : 'OPEN';
    campaignRows.push({
      id: campaignId, stationId: station.id, period: plan.period,
      titleZh: `${station.nameZh} ${plan.period.replace('-H1', '年上半年').replace('-H2', '年下半年')}群众评议`,
      titleEn: `${station.nameEn ?? station.slug} resident evaluation, ${plan.period.endsWith('-H1') ? 'January–June' : 'July–December'} ${plan.period.slice(0, 4)}`,
      opensOn: toDate(plan.opensOn), closesOn: toDate(plan.closesOn), accessMode, status: 'PUBLISHED', createdAt: now,
    });
    const ids = DEFAULT_QUESTIONNAIRE.map((q, position) => {
      const id = questionIds[c * DEFAULT_QUESTIONNAIRE.length + position] as number;
      questionRows.push({
        id, campaignId, position: position + 1, indicator: q.indicator, type: q.type, textZh: q.textZh, textEn: q.textEn,
        optionsZh: [...q.optionsZh], optionsEn: [...q.optionsEn], required: q.required,
      });
      return id;
    });
    if (running) return;
    const rng = createRng(`survey:${station.slug}:${plan.period}`);
    const days = daysBetween(plan.opensOn, plan.closesOn);
    const areas = station.areas.map((a) => a.id);
    const cells: Array<[number | null, number]> = areas.map((areaId, index) => {
      if (index === areas.length - 1) return [areaId, 4 + (c % 3)];
      if (index === areas.length - 2) return [areaId, 7 + (c % 2)];
      return [areaId, plan.perArea + rng.int(-12, 12)];
    });
    cells.push([null, 8]);
    const mood = 0.8 + rng.next() * 0.5 + (plan.period === '2026-H1' ? 0.15 : 0);
    for (const [areaId, count] of cells) {
      for (let i = 0; i < count; i++) {
        responses.push({
          campaignId, areaId, submittedOn: addDays(plan.opensOn, rng.int(0, days)), questions: ids, mood,
          seed: `${campaignId}:${areaId}:${i}`,
        });
      }
    }
  });

  const responseIds = await reserveIds(db, 'SurveyResponse', responses.length);
  const answerRows: Prisma.SurveyAnswerCreateManyInput[] = [];
  const responseRows = responses.map((response, index) => {
    const id = responseIds[index] as number;
    const rng = createRng(response.seed);
    DEFAULT_QUESTIONNAIRE.forEach((q, position) => {
      const questionId = response.questions[position] as number;
      if (q.type === 'SCALE5') {
        const answer = scaleAnswer(rng, response.mood, q.indicator === 'WINDOW_SERVICE' ? 0.3 : 0.04);
        answerRows.push({ responseId: id, questionId, value: answer.value, dontKnow: answer.dontKnow, choice: null, text: null });
      } else if (q.type === 'YES_NO') {
        answerRows.push({ responseId: id, questionId, value: rng.next() < 0.82 + response.mood * 0.08 ? 1 : 0, dontKnow: false, choice: null, text: null });
      } else if (q.type === 'SINGLE_CHOICE') {
        if (rng.next() < 0.6) answerRows.push({ responseId: id, questionId, value: null, dontKnow: false, choice: rng.int(0, q.optionsZh.length - 1), text: null });
      } else if (rng.next() < 0.1) {
        answerRows.push({ responseId: id, questionId, value: null, dontKnow: false, choice: null, text: rng.pick(REMARKS) });
      }
    });
    return {
      id, campaignId: response.campaignId, areaId: response.areaId,
      channel: rng.weighted({ WEB: 6, PAPER: 3, PHONE: 1 }), submittedOn: toDate(response.submittedOn),
    };
  });

  await bulkInsert(db, 'SurveyCampaign', {
    id: 'int4', stationId: 'int4', period: 'text', titleZh: 'text', titleEn: 'text', opensOn: 'date', closesOn: 'date',
    accessMode: { enum: 'SurveyAccessMode' }, status: { enum: 'SurveyStatus' }, createdAt: 'timestamp',
  }, campaignRows);
  await bulkInsert(db, 'SurveyQuestion', {
    id: 'int4', campaignId: 'int4', position: 'int4', indicator: { enum: 'SurveyIndicator' }, type: { enum: 'SurveyQuestionType' },
    textZh: 'text', textEn: 'text', optionsZh: 'text[]', optionsEn: 'text[]', required: 'bool',
  }, questionRows);
  await bulkInsert(db, 'SurveyResponse', {
    id: 'int4', campaignId: 'int4', areaId: 'int4', channel: { enum: 'SurveyChannel' }, submittedOn: 'date',
  }, responseRows);
  await bulkInsert(db, 'SurveyAnswer', {
    responseId: 'int4', questionId: 'int4', value: 'int4', dontKnow: 'bool', choice: 'int4', text: 'text',
  }, answerRows);
}
