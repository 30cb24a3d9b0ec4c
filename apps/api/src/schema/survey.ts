import { SurveyAccessMode, SurveyChannel, SurveyIndicator, SurveyQuestionType, SurveyStatus } from '@openstation/db';
import { builder } from '../builder.ts';
import { pageSize } from './pagination.ts';
import { actsFor, stationFilter } from '../domain/access.ts';
import { type CampaignPhase, campaignPhase, chinaToday } from '../survey/calendar.ts';
import { LocalizedText, LocalizedTextList, textListOf, textOf } from './localized.ts';
import { assertStationExists } from './station.ts';

export const SurveyAccessModeEnum = builder.enumType(SurveyAccessMode, {
  name: 'SurveyAccessMode',
  description: 'OPEN: anyone may answer (rate-limited). CODE: each answer needs a single-use invitation code.',
});

export const SurveyIndicatorEnum = builder.enumType(SurveyIndicator, {
  name: 'SurveyIndicator',
  description: 'What a question measures: the three half-yearly indicators, overall satisfaction, officer awareness, window service.',
});

export const SurveyQuestionTypeEnum = builder.enumType(SurveyQuestionType, {
  name: 'SurveyQuestionType',
  description:
    'SCALE5: answer `value` 1–5 or `dontKnow: true`. YES_NO: `value` 1 (yes) or 0 (no). SINGLE_CHOICE: `choice`, ' +
    'the 0-based option index. FREE_TEXT: `text`, at most 1,000 characters, never published.',
});

export const SurveyChannelEnum = builder.enumType(SurveyChannel, {
  name: 'SurveyChannel',
  description: 'How a response was collected: on the web, on paper or by phone.',
});

export const SurveyStatusEnum = builder.enumType(SurveyStatus, {
  name: 'SurveyStatus',
  description: 'DRAFT: being prepared, visible to editors only, takes no answers. PUBLISHED: public; takes answers while open.',
});

export const SurveyPhaseEnum = builder.enumType('SurveyPhase', {
  description: 'Whether a campaign takes answers today (China date): before it opens, while open, after it closed.',
  values: { NOT_YET_OPEN: { value: 'NOT_YET_OPEN' }, OPEN: { value: 'OPEN' }, CLOSED: { value: 'CLOSED' } } as const,
});

export const SurveyCampaign = builder.prismaNode('SurveyCampaign', {
  id: { field: 'id' },
  description: '群众评议 — a station\'s half-yearly resident evaluation. Drafts are visible to editors of the station only.',
  authScopes: (campaign, ctx) => campaign.status === 'PUBLISHED' || (actsFor(ctx.principal, campaign.stationId) && { editor: true }),
  fields: (t) => ({
    period: t.exposeString('period', { description: 'Half-year label, e.g. `2026-H1`.' }),
    title: t.field({ type: LocalizedText, resolve: (c) => textOf(c.titleZh, c.titleEn) }),
    opensOn: t.expose('opensOn', { type: 'Date' }),
    closesOn: t.expose('closesOn', { type: 'Date', description: 'Last day answers are taken; results are public from the next day.' }),
    accessMode: t.expose('accessMode', { type: SurveyAccessModeEnum }),
    surveyStatus: t.expose('status', { type: SurveyStatusEnum, description: 'DRAFT (staff only) or PUBLISHED; see `phase` for open or closed.' }),
    status: t.expose('status', { type: SurveyStatusEnum, deprecationReason: 'Use `surveyStatus`: one name means one type across Node types.' }),
    phase: t.field({ type: SurveyPhaseEnum, resolve: (c): CampaignPhase => campaignPhase(c, chinaToday()) }),
    station: t.relation('station'),
    questions: t.relation('questions', { query: { orderBy: { position: 'asc' } } }),
  }),
});

/** The one edge type of every connection of SurveyCampaign records. */
export const SurveyCampaignEdge = builder.edgeObject({ type: SurveyCampaign, name: 'SurveyCampaignEdge' });

builder.prismaNode('SurveyQuestion', {
  id: { field: 'id' },
  description: 'One question of a survey.',
  fields: (t) => ({
    position: t.exposeInt('position'),
    indicator: t.expose('indicator', { type: SurveyIndicatorEnum }),
    type: t.expose('type', { type: SurveyQuestionTypeEnum }),
    text: t.field({ type: LocalizedText, resolve: (q) => textOf(q.textZh, q.textEn) }),
    options: t.field({
      type: LocalizedTextList,
      nullable: true,
      description: 'The options of a SINGLE_CHOICE question, in order.',
      resolve: (q) => (q.optionsZh.length > 0 ? textListOf(q.optionsZh, q.optionsEn) : null),
    }),
    required: t.exposeBoolean('required'),
  }),
});

builder.queryFields((t) => ({
  surveyCampaignsConnection: t.prismaConnection(
    {
      type: 'SurveyCampaign',
      cursor: 'id',
      ...pageSize,
      description: 'Published survey campaigns, newest first; `stationSlug` keeps one station\'s.',
      args: { stationSlug: t.arg.string() },
      resolve: async (query, _root, args, ctx) => {
        const rows = await ctx.prisma.surveyCampaign.findMany({
          ...query,
          where: { status: 'PUBLISHED', ...(args.stationSlug != null ? { station: { slug: args.stationSlug } } : {}) },
          orderBy: [{ opensOn: 'desc' }, { id: 'asc' }],
        });
        if (rows.length === 0) await assertStationExists(ctx, args.stationSlug);
        return rows;
      },
    },
    {},
    SurveyCampaignEdge,
  ),
  surveyCampaignDraftsConnection: t.prismaConnection(
    {
      type: 'SurveyCampaign',
      cursor: 'id',
      ...pageSize,
      description: 'Unpublished survey campaigns of the stations the caller acts for, newest first; `stationSlug` keeps one station\'s. Editors only.',
      authScopes: { editor: true },
      args: { stationSlug: t.arg.string() },
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.surveyCampaign.findMany({
          ...query,
          where: { status: 'DRAFT', stationId: stationFilter(ctx.principal), ...(args.stationSlug != null ? { station: { slug: args.stationSlug } } : {}) },
          orderBy: [{ opensOn: 'desc' }, { id: 'asc' }],
        }),
    },
    {},
    SurveyCampaignEdge,
  ),
  surveyCampaigns: t.prismaField({
    type: ['SurveyCampaign'],
    description: 'Published survey campaigns, newest first (at most 200); `stationSlug` keeps one station\'s.',
    deprecationReason: 'Use `surveyCampaignsConnection`: lists are paged.',
    args: { stationSlug: t.arg.string() },
    resolve: async (query, _root, args, ctx) => {
      const rows = await ctx.prisma.surveyCampaign.findMany({
        ...query,
        where: { status: 'PUBLISHED', ...(args.stationSlug != null ? { station: { slug: args.stationSlug } } : {}) },
        orderBy: [{ opensOn: 'desc' }, { id: 'asc' }],
        take: 200,
      });
      if (rows.length === 0) await assertStationExists(ctx, args.stationSlug);
      return rows;
    },
  }),
  surveyCampaignDrafts: t.prismaField({
    type: ['SurveyCampaign'],
    deprecationReason: 'Use `surveyCampaignDraftsConnection`: lists are paged.',
    description: 'Unpublished survey campaigns of the stations the caller acts for, newest first; `stationSlug` keeps one station\'s. Editors only.',
    authScopes: { editor: true },
    args: { stationSlug: t.arg.string() },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.surveyCampaign.findMany({
        ...query,
        where: { status: 'DRAFT', stationId: stationFilter(ctx.principal), ...(args.stationSlug != null ? { station: { slug: args.stationSlug } } : {}) },
        orderBy: [{ opensOn: 'desc' }, { id: 'asc' }],
        take: 200,
      }),
  }),
}));
