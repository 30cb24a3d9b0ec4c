import type { PrismaClient, SurveyIndicator, SurveyQuestionType } from '@openstation/db';
import {
  addScaleCounts,
  compareShares,
  EMPTY_SCALE,
  MIN_CELL,
  type Proportion,
  proportion,
  type ScaleCounts,
  type ShareChange,
  summariseScale,
  suppressedCells,
} from '@openstation/stats';

/** One question's published result. Free-text answers are only counted. */
export interface QuestionResult {
  questionId: number;
  position: number;
  indicator: SurveyIndicator;
  type: SurveyQuestionType;
  /** Responses that answered it ("don't know" included). */
  n: number;
  dontKnow: number;
  /** SCALE5: mean score of 1–5 answers. */
  mean: number | null;
  /** SCALE5: share scoring 4 or 5; YES_NO: share answering yes. */
  share: Proportion | null;
  /** SINGLE_CHOICE: answers per option. */
  choiceCounts: number[] | null;
}

/** One indicator's result: its SCALE5 questions pooled (or, for officer awareness, its yes/no question). */
export interface IndicatorResult {
  indicator: SurveyIndicator;
  n: number;
  mean: number | null;
  share: Proportion;
  /** Against the station's previous campaign, when it has results for this indicator. */
  change: ShareChange | null;
  meanChange: number | null;
}

export interface AreaResult {
  /** Null: respondents who named no area. */
  areaId: number | null;
  /** Fewer than 10 responses, or hidden so that such a cell cannot be recovered from the total. */
  suppressed: boolean;
  n: number | null;
  indicators: IndicatorResult[] | null;
}

export interface CampaignResults {
  campaignId: number;
  previousCampaignId: number | null;
  responses: number;
  questions: QuestionResult[];
  indicators: IndicatorResult[];
  officerAwareness: Proportion | null;
  areas: AreaResult[];
}

interface QuestionInfo {
  id: number;
  position: number;
  indicator: SurveyIndicator;
  type: SurveyQuestionType;
  options: number;
}

/** Answer counts of one question (within one area, or all). */
interface Tally {
  scale: ScaleCounts;
  yes: number;
  no: number;
  choices: number[];
  texts: number;
}

interface AnswerGroup {
  areaId: number | null;
  questionId: number;
  value: number | null;
  dontKnow: boolean;
  choice: number | null;
  hasText: boolean;
  n: number;
}

function emptyTally(options: number): Tally {
  return { scale: EMPTY_SCALE, yes: 0, no: 0, choices: Array.from({ length: options }, () => 0), texts: 0 };
}

function addGroup(tally: Tally, group: AnswerGroup): void {
  if (group.dontKnow) tally.scale = addScaleCounts(tally.scale, { scores: [0, 0, 0, 0, 0], dontKnow: group.n });
  else if (group.hasText) tally.texts += group.n;
  else if (group.choice !== null) tally.choices[group.choice] = (tally.choices[group.choice] ?? 0) + group.n;
  else if (group.value !== null) {
    tally.scale = addScaleCounts(tally.scale, {
      scores: [1, 2, 3, 4, 5].map((s) => (s === group.value ? group.n : 0)) as [number, number, number, number, number],
      dontKnow: 0,
    });
    if (group.value === 1) tally.yes += group.n;
    if (group.value === 0) tally.no += group.n;
  }
}

function questionResult(q: QuestionInfo, tally: Tally): QuestionResult {
  const base = { questionId: q.id, position: q.position, indicator: q.indicator, type: q.type };
  switch (q.type) {
    case 'SCALE5': {
      const s = summariseScale(tally.scale);
      return { ...base, n: s.answered, dontKnow: s.dontKnow, mean: s.mean, share: s.satisfied, choiceCounts: null };
    }
    case 'YES_NO':
      return { ...base, n: tally.yes + tally.no, dontKnow: 0, mean: null, share: proportion(tally.yes, tally.yes + tally.no), choiceCounts: null };
    case 'SINGLE_CHOICE':
      return { ...base, n: tally.choices.reduce((a, b) => a + b, 0), dontKnow: 0, mean: null, share: null, choiceCounts: tally.choices };
    case 'FREE_TEXT':
      return { ...base, n: tally.texts, dontKnow: 0, mean: null, share: null, choiceCounts: null };
  }
}

/** Indicators in a fixed order, each from its SCALE5 questions or, failing those, its YES_NO questions. */
function indicatorResults(questions: readonly QuestionInfo[], tallies: ReadonlyMap<number, Tally>): IndicatorResult[] {
  const order: SurveyIndicator[] = [];
  for (const q of questions) if (!order.includes(q.indicator)) order.push(q.indicator);
  return order.flatMap((indicator) => {
    const own = questions.filter((q) => q.indicator === indicator);
    const scale = own.filter((q) => q.type === 'SCALE5');
    if (scale.length > 0) {
      const pooled = scale.reduce((acc, q) => addScaleCounts(acc, tallies.get(q.id)?.scale ?? EMPTY_SCALE), EMPTY_SCALE);
      const s = summariseScale(pooled);
      return [{ indicator, n: s.answered, mean: s.mean, share: s.satisfied, change: null, meanChange: null }];
    }
    const yesNo = own.filter((q) => q.type === 'YES_NO');
    if (yesNo.length === 0) return [];
    const yes = yesNo.reduce((sum, q) => sum + (tallies.get(q.id)?.yes ?? 0), 0);
    const n = yesNo.reduce((sum, q) => sum + (tallies.get(q.id)?.yes ?? 0) + (tallies.get(q.id)?.no ?? 0), 0);
    return [{ indicator, n, mean: null, share: proportion(yes, n), change: null, meanChange: null }];
  });
}

function tallyBy(questions: readonly QuestionInfo[], groups: readonly AnswerGroup[]): Map<number, Tally> {
  const tallies = new Map(questions.map((q) => [q.id, emptyTally(q.options)]));
  for (const group of groups) {
    const tally = tallies.get(group.questionId);
    if (tally) addGroup(tally, group);
  }
  return tallies;
}

async function load(prisma: PrismaClient, campaignId: number) {
  const [questions, groups, cells] = await Promise.all([
    prisma.surveyQuestion.findMany({
      where: { campaignId },
      select: { id: true, position: true, indicator: true, type: true, optionsZh: true },
      orderBy: { position: 'asc' },
    }),
    prisma.$queryRaw<Array<{ areaId: number | null; questionId: number; value: number | null; dontKnow: boolean; choice: number | null; hasText: boolean; n: bigint | number }>>`
      SELECT r."areaId", a."questionId", a."value", a."dontKnow", a."choice", (a."text" IS NOT NULL) AS "hasText", count(*) AS n
      FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r."id" = a."responseId"
      WHERE r."campaignId" = ${campaignId}
      GROUP BY 1, 2, 3, 4, 5, 6`,
    prisma.$queryRaw<Array<{ areaId: number | null; n: bigint | number }>>`
      SELECT "areaId", count(*) AS n FROM "SurveyResponse" WHERE "campaignId" = ${campaignId} GROUP BY 1`,
  ]);
  return {
    questions: questions.map((q) => ({ id: q.id, position: q.position, indicator: q.indicator, type: q.type, options: q.optionsZh.length })),
    groups: groups.map((g) => ({ ...g, n: Number(g.n) })),
    cells: cells.map((c) => ({ areaId: c.areaId, n: Number(c.n) })),
  };
}

/**
 * A campaign's aggregates: per question and indicator n, mean, share satisfied (or yes) with
 * its 95% Wilson interval, change from the previous campaign's indicators, and the breakdown
 * by area with small cells suppressed. Whether the caller may see them is checked elsewhere.
 */
export async function campaignResults(prisma: PrismaClient, campaignId: number, previousCampaignId: number | null): Promise<CampaignResults> {
  const { questions, groups, cells } = await load(prisma, campaignId);
  const tallies = tallyBy(questions, groups);
  const indicators = indicatorResults(questions, tallies);
  if (previousCampaignId !== null) {
    const previous = await load(prisma, previousCampaignId);
    const before = indicatorResults(previous.questions, tallyBy(previous.questions, previous.groups));
    for (const result of indicators) {
      const old = before.find((b) => b.indicator === result.indicator);
      if (!old) continue;
      result.change = compareShares(old.share, result.share);
      result.meanChange = old.mean !== null && result.mean !== null ? result.mean - old.mean : null;
    }
  }
  const sortedCells = [...cells].sort((a, b) => (a.areaId ?? Number.MAX_SAFE_INTEGER) - (b.areaId ?? Number.MAX_SAFE_INTEGER));
  const hidden = new Set(suppressedCells(sortedCells.map((c) => c.n), MIN_CELL));
  const areas = sortedCells.map((cell, index): AreaResult => {
    if (hidden.has(index)) return { areaId: cell.areaId, suppressed: true, n: null, indicators: null };
    const own = groups.filter((g) => g.areaId === cell.areaId);
    return { areaId: cell.areaId, suppressed: false, n: cell.n, indicators: indicatorResults(questions, tallyBy(questions, own)) };
  });
  const awareness = indicators.find((i) => i.indicator === 'OFFICER_AWARENESS');
  return {
    campaignId,
    previousCampaignId,
    responses: cells.reduce((sum, c) => sum + c.n, 0),
    questions: questions.map((q) => questionResult(q, tallies.get(q.id) ?? emptyTally(q.options))),
    indicators,
    officerAwareness: awareness?.share ?? null,
    areas,
  };
}
