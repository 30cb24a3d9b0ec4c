import type { Proportion, ShareChange } from '@openstation/stats';
import type { Principal } from '../auth/principal.ts';
import { builder } from '../builder.ts';
import { actsFor, stationFilter } from '../domain/access.ts';
import { ClientError, NotFoundError } from '../errors.ts';
import { campaignPhase, chinaToday } from '../survey/calendar.ts';
import { type AreaResult, type CampaignResults, campaignResults, type IndicatorResult, type QuestionResult } from '../survey/results.ts';
import { idFor } from './inputs.ts';
import { pageSize } from './pagination.ts';
import { SurveyChannelEnum, SurveyIndicatorEnum, SurveyQuestionTypeEnum } from './survey.ts';

/**
 * Whether the caller may see a station's results before the campaign closes: its staff (any
 * role; bureau-wide staff for every station), or a key with `surveys:raw` of its partner agency.
 */
function mayPreview(principal: Principal, stationId: number): boolean {
  const allowed = principal.kind === 'staff' || (principal.kind === 'apiClient' && principal.scopes.includes('surveys:raw'));
  return allowed && actsFor(principal, stationId);
}

/** Below this many responses the results carry a low-sample caveat. */
const LOW_SAMPLE = 30;

const SurveyProportion = builder.objectRef<Proportion>('SurveyProportion').implement({
  description: 'A share of answers with its 95% Wilson score interval. `share`, `low` and `high` are null when `n` is 0.',
  fields: (t) => ({
    n: t.exposeInt('n', { description: 'Answers counted ("don\'t know" excluded).' }),
    count: t.exposeInt('count', { description: 'Answers in the group (e.g. satisfied, or yes).' }),
    share: t.exposeFloat('share', { nullable: true }),
    low: t.exposeFloat('low', { nullable: true }),
    high: t.exposeFloat('high', { nullable: true }),
  }),
});

const SurveyShareChange = builder.objectRef<ShareChange>('SurveyShareChange').implement({
  description: 'Change of a share from the previous campaign.',
  fields: (t) => ({
    delta: t.exposeFloat('delta', { description: 'Difference of the shares (e.g. 0.05 = five percentage points).' }),
    exceedsIntervals: t.exposeBoolean('exceedsIntervals', {
      description: 'True when the two 95% intervals do not overlap: a change unlikely to be sampling noise.',
    }),
  }),
});

const SurveyIndicatorResult = builder.objectRef<IndicatorResult>('SurveyIndicatorResult').implement({
  description:
    'One indicator: its 5-point questions pooled (mean, share satisfied = 4 or 5), or for OFFICER_AWARENESS the share answering yes.',
  fields: (t) => ({
    indicator: t.field({ type: SurveyIndicatorEnum, resolve: (r) => r.indicator }),
    n: t.exposeInt('n', { description: 'Answers, "don\'t know" included.' }),
    mean: t.exposeFloat('mean', { nullable: true, description: 'Mean score 1–5 without "don\'t know"; null for yes/no indicators.' }),
    share: t.field({ type: SurveyProportion, resolve: (r) => r.share }),
    change: t.field({ type: SurveyShareChange, nullable: true, resolve: (r) => r.change }),
    meanChange: t.exposeFloat('meanChange', { nullable: true }),
  }),
});

const SurveyQuestionResult = builder.objectRef<QuestionResult>('SurveyQuestionResult').implement({
  description: 'One question\'s result. Free-text answers are counted, never published.',
  fields: (t) => ({
    question: t.prismaField({
      type: 'SurveyQuestion',
      resolve: (query, r, _a, ctx) => ctx.prisma.surveyQuestion.findUniqueOrThrow({ ...query, where: { id: r.questionId } }),
    }),
    indicator: t.field({ type: SurveyIndicatorEnum, resolve: (r) => r.indicator }),
    type: t.field({ type: SurveyQuestionTypeEnum, resolve: (r) => r.type }),
    n: t.exposeInt('n'),
    dontKnow: t.exposeInt('dontKnow'),
    mean: t.exposeFloat('mean', { nullable: true }),
    share: t.field({ type: SurveyProportion, nullable: true, resolve: (r) => r.share }),
    choiceCounts: t.exposeIntList('choiceCounts', { nullable: true }),
  }),
});

const SurveyAreaResult = builder.objectRef<AreaResult>('SurveyAreaResult').implement({
  description:
    'Results of one area. A cell with fewer than 10 responses is suppressed, and so is the next smallest where needed, so that a ' +
    'suppressed cell cannot be recovered from the total.',
  fields: (t) => ({
    area: t.prismaField({
      type: 'Area',
      nullable: true,
      description: 'Null: respondents who named no area.',
      resolve: (query, r, _a, ctx) => (r.areaId === null ? null : ctx.prisma.area.findUnique({ ...query, where: { id: r.areaId } })),
    }),
    suppressed: t.exposeBoolean('suppressed'),
    n: t.exposeInt('n', { nullable: true }),
    indicators: t.field({ type: [SurveyIndicatorResult], nullable: true, resolve: (r) => r.indicators }),
  }),
});

/** Results as the API gives them: final once the campaign has closed, provisional before (staff only). */
type GivenResults = CampaignResults & { provisional: boolean };

const SurveyResults = builder.objectRef<GivenResults>('SurveyResults').implement({
  description: 'A closed campaign\'s published aggregates, or (staff and `surveys:raw` keys only) an open campaign\'s provisional ones.',
  fields: (t) => ({
    provisional: t.exposeBoolean('provisional', {
      description: 'True while the campaign has not closed: the figures will change and must not be published.',
    }),
    campaign: t.prismaField({
      type: 'SurveyCampaign',
      resolve: (query, r, _a, ctx) => ctx.prisma.surveyCampaign.findUniqueOrThrow({ ...query, where: { id: r.campaignId } }),
    }),
    previousCampaign: t.prismaField({
      type: 'SurveyCampaign',
      nullable: true,
      description: 'The campaign changes are measured from.',
      resolve: (query, r, _a, ctx) =>
        r.previousCampaignId === null ? null : ctx.prisma.surveyCampaign.findUnique({ ...query, where: { id: r.previousCampaignId } }),
    }),
    responses: t.exposeInt('responses'),
    lowSample: t.boolean({ description: `Fewer than ${LOW_SAMPLE} responses: read the intervals, not the shares.`, resolve: (r) => r.responses < LOW_SAMPLE }),
    indicators: t.field({ type: [SurveyIndicatorResult], resolve: (r) => r.indicators }),
    questions: t.field({ type: [SurveyQuestionResult], resolve: (r) => r.questions }),
    officerAwareness: t.field({ type: SurveyProportion, nullable: true, resolve: (r) => r.officerAwareness }),
    areas: t.field({ type: [SurveyAreaResult], resolve: (r) => r.areas }),
  }),
});

builder.prismaObject('SurveyAnswer', {
  description: 'One raw answer (staff and `surveys:raw` only).',
  fields: (t) => ({
    question: t.relation('question'),
    value: t.exposeInt('value', { nullable: true }),
    dontKnow: t.exposeBoolean('dontKnow'),
    choice: t.exposeInt('choice', { nullable: true }),
    text: t.exposeString('text', { nullable: true }),
  }),
});

export const SurveyResponse = builder.prismaObject('SurveyResponse', {
  description: 'One raw response (staff and `surveys:raw` only). It holds no person, device, code or time of day.',
  fields: (t) => ({
    area: t.relation('area', { nullable: true }),
    channel: t.expose('channel', { type: SurveyChannelEnum }),
    submittedOn: t.expose('submittedOn', { type: 'Date' }),
    answers: t.relation('answers', { query: { orderBy: { question: { position: 'asc' } } } }),
  }),
});

/** The one edge type of every connection of SurveyResponse records. */
export const SurveyResponseEdge = builder.edgeObject({ type: SurveyResponse, name: 'SurveyResponseEdge' });

builder.queryFields((t) => ({
  surveyResults: t.field({
    type: SurveyResults,
    description:
      'A published campaign\'s aggregates, public once it has closed (SURVEY_RESULTS_NOT_PUBLIC before). The station\'s staff and ' +
      'its partner agency\'s keys with `surveys:raw` also get an unclosed campaign\'s results so far, marked `provisional`.',
    args: { campaignId: t.arg.globalID({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const id = idFor(args.campaignId, 'SurveyCampaign', 'campaignId');
      const campaign = await ctx.prisma.surveyCampaign.findUnique({ where: { id } });
      if (!campaign || campaign.status !== 'PUBLISHED') throw new NotFoundError('No survey has this id.', { entityType: 'SurveyCampaign' });
      const provisional = campaignPhase(campaign, chinaToday()) !== 'CLOSED';
      if (provisional && !mayPreview(ctx.principal, campaign.stationId)) {
        throw new ClientError('SURVEY_RESULTS_NOT_PUBLIC', 'The results are published once the survey has closed.');
      }
      const previous = await ctx.prisma.surveyCampaign.findFirst({
        where: { stationId: campaign.stationId, status: 'PUBLISHED', closesOn: { lt: campaign.opensOn } },
        orderBy: [{ closesOn: 'desc' }, { id: 'desc' }],
        select: { id: true },
      });
      return { ...(await campaignResults(ctx.prisma, id, previous?.id ?? null)), provisional };
    },
  }),
  surveyResponses: t.prismaConnection({
    type: 'SurveyResponse',
    cursor: 'id',
    ...pageSize,
    description:
      'A campaign\'s raw responses with free text, for the station\'s staff and its partner agency\'s keys with `surveys:raw` ' +
      '(empty for other stations\' campaigns); never published.',
    authScopes: { staff: true, apiScope: 'surveys:raw' },
    args: { campaignId: t.arg.globalID({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.surveyResponse.findMany({
        ...query,
        where: { campaignId: idFor(args.campaignId, 'SurveyCampaign', 'campaignId'), campaign: { stationId: stationFilter(ctx.principal) } },
        orderBy: { id: 'asc' },
      }),
  }, {}, SurveyResponseEdge),
}));
