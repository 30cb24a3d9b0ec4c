import type { Prisma } from '@openstation/db';
import { z } from 'zod';
import { builder } from '../builder.ts';
import { ReportStatus } from '@openstation/db';
import { actsFor } from '../domain/access.ts';
import { reportWarnings } from '../domain/report-warnings.ts';
import { ContentWarning } from './content-warning.ts';
import { LocalizedText, optionalTextOf, textOf } from './localized.ts';
import { pageSize } from './pagination.ts';
import { assertStationExists } from './station.ts';
import { syncOrder, UPDATED_AT_DESCRIPTION } from './sync.ts';
import { SurveyIndicatorEnum } from './survey.ts';

const ReportStatusEnum = builder.enumType(ReportStatus, {
  name: 'ReportStatus',
  description: 'DRAFT (editors only) or PUBLISHED (public; corrections publish a new revision).',
});

export const WorkReport = builder.prismaNode('WorkReport', {
  description: '季度工作报告 — a station\'s published report to residents for one quarter.',
  id: { field: 'id' },
  // Select mode: only the columns the requested fields read are loaded, and what the access rule reads.
  select: { id: true, status: true, stationId: true },
  authScopes: (report, ctx) => report.status === 'PUBLISHED' || (actsFor(ctx.principal, report.stationId) && { editor: true }),
  fields: (t) => ({
    year: t.exposeInt('year'),
    quarter: t.exposeInt('quarter', { description: '1 to 4.' }),
    period: t.string({ description: 'The quarter as `2026-Q3`.', select: { year: true, quarter: true }, resolve: (r) => `${r.year}-Q${r.quarter}` }),
    revision: t.exposeInt('revision', { description: '1 for the first publication; higher after a correction.' }),
    title: t.field({ type: LocalizedText, select: { titleZh: true, titleEn: true }, resolve: (r) => textOf(r.titleZh, r.titleEn) }),
    summary: t.field({ type: LocalizedText, select: { summaryZh: true, summaryEn: true }, resolve: (r) => textOf(r.summaryZh, r.summaryEn) }),
    correctionNote: t.field({
      type: LocalizedText,
      nullable: true,
      select: { correctionNoteZh: true, correctionNoteEn: true },
      resolve: (r) => optionalTextOf(r.correctionNoteZh, r.correctionNoteEn),
    }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    reportStatus: t.expose('status', { type: ReportStatusEnum, description: 'DRAFT reports are visible to editors only.' }),
    status: t.expose('status', { type: ReportStatusEnum, deprecationReason: 'Use `reportStatus`: one name means one type across Node types.' }),
    supersededAt: t.expose('supersededAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When a correction (a higher revision) replaced this revision; null for the current one.',
    }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: UPDATED_AT_DESCRIPTION }),
    warnings: t.field({
      type: [ContentWarning],
      description:
        'What the content rules warn about (docs/content-rules.md, "Warnings"), as publishing would: e.g. MEDIATION_FIGURE_DIFFERS. Staff only.',
      authScopes: { staff: true },
      select: { year: true, quarter: true },
      resolve: (r, _a, ctx) => reportWarnings(ctx.prisma, r),
    }),
    station: t.relation('station'),
    sections: t.relation('sections', { query: { orderBy: { position: 'asc' } } }),
    metrics: t.relation('metrics', {
      description: 'The figures of the quarter, in catalogue order.',
      query: { orderBy: [{ metric: { position: 'asc' } }, { id: 'asc' }] },
    }),
    priorities: t.relation('priorities', {
      description: 'Concerns residents raised and the action taken.',
      query: { orderBy: { position: 'asc' } },
    }),
  }),
});

/** The one edge type of every connection of WorkReport records. */
export const WorkReportEdge = builder.edgeObject({ type: WorkReport, name: 'WorkReportEdge' });

builder.prismaObject('ReportSection', {
  description: 'A section of a quarterly report, in order.',
  // Select mode: only the columns the requested fields read are loaded.
  select: {},
  fields: (t) => ({
    position: t.exposeInt('position'),
    heading: t.field({ type: LocalizedText, select: { headingZh: true, headingEn: true }, resolve: (s) => textOf(s.headingZh, s.headingEn) }),
    body: t.field({ type: LocalizedText, select: { bodyZh: true, bodyEn: true }, resolve: (s) => textOf(s.bodyZh, s.bodyEn) }),
  }),
});

builder.prismaObject('MetricValue', {
  description: 'One figure of a quarterly report, compared with the same quarter a year earlier.',
  select: { id: true, value: true, noteZh: true, noteEn: true, metricId: true },
  fields: (t) => ({
    metric: t.relation('metric'),
    value: t.float({ resolve: (v) => v.value.toNumber() }),
    note: t.field({ type: LocalizedText, nullable: true, resolve: (v) => optionalTextOf(v.noteZh, v.noteEn) }),
    sameQuarterLastYear: t.float({
      nullable: true,
      description: 'The published value for the same quarter one year earlier, if any.',
      select: { report: { select: { stationId: true, year: true, quarter: true } } },
      resolve: (v, _a, ctx) =>
        ctx.loaders.metricValue.load({ ...v.report, year: v.report.year - 1, metricId: v.metricId }),
    }),
    changePercent: t.float({
      nullable: true,
      description: 'Change from the same quarter last year in per cent (null when there is no earlier value or it was 0).',
      select: { report: { select: { stationId: true, year: true, quarter: true } } },
      resolve: async (v, _a, ctx) => {
        const before = await ctx.loaders.metricValue.load({
          ...v.report,
          year: v.report.year - 1,
          metricId: v.metricId,
        });
        if (before === null || before === 0) return null;
        return Math.round(((v.value.toNumber() - before) / before) * 10000) / 100;
      },
    }),
  }),
});

builder.prismaObject('ReportPriority', {
  description: 'A concern residents raised (issue) and what the station did about it (action).',
  // Select mode: only the columns the requested fields read are loaded.
  select: {},
  fields: (t) => ({
    position: t.exposeInt('position'),
    issue: t.field({ type: LocalizedText, select: { issueZh: true, issueEn: true }, resolve: (p) => textOf(p.issueZh, p.issueEn) }),
    raisedOn: t.expose('raisedOn', { type: 'Date' }),
    action: t.field({ type: LocalizedText, nullable: true, select: { actionZh: true, actionEn: true }, resolve: (p) => optionalTextOf(p.actionZh, p.actionEn) }),
    actionOn: t.expose('actionOn', { type: 'Date', nullable: true }),
    area: t.relation('area', { nullable: true }),
    surveyCampaign: t.relation('surveyCampaign', {
      nullable: true,
      description: 'The survey whose result (of `indicator`, for `area` or the whole station) raised the concern, if linked.',
    }),
    indicator: t.expose('indicator', { type: SurveyIndicatorEnum, nullable: true }),
    event: t.relation('event', { nullable: true, description: 'The residents\' meeting (议事会/恳谈会) where it was raised, if linked.' }),
  }),
});

/** The public see published revisions that no correction has replaced. */
const published = { status: 'PUBLISHED', supersededAt: null } as const;

builder.queryFields((t) => ({
  workReports: t.prismaConnection({
    type: 'WorkReport',
    cursor: 'id',
    ...pageSize,
    description: 'Published quarterly reports, newest first, by station, year and quarter.',
    args: {
      stationSlug: t.arg.string(),
      year: t.arg.int({ validate: z.number().int().min(2000).max(2100) }),
      quarter: t.arg.int({ validate: z.number().int().min(1, 'quarter is 1 to 4').max(4, 'quarter is 1 to 4') }),
      updatedSince: t.arg({
        type: 'DateTime',
        description:
          'Sync: only published revisions changed at or after this instant, ordered by id, replaced ones included ' +
          '(with `supersededAt` set).',
      }),
    },
    resolve: async (query, _root, args, ctx) => {
      const where: Prisma.WorkReportWhereInput = {
        ...(args.updatedSince != null ? { status: 'PUBLISHED', updatedAt: { gte: args.updatedSince } } : published),
        ...(args.stationSlug != null ? { station: { slug: args.stationSlug } } : {}),
        ...(args.year != null ? { year: args.year } : {}),
        ...(args.quarter != null ? { quarter: args.quarter } : {}),
      };
      const rows = await ctx.prisma.workReport.findMany({
        ...query,
        where,
        orderBy: syncOrder(args.updatedSince, [{ year: 'desc' as const }, { quarter: 'desc' as const }, { id: 'desc' as const }]),
      });
      if (rows.length === 0) await assertStationExists(ctx, args.stationSlug);
      return rows;
    },
  }, {}, WorkReportEdge),
  latestReport: t.prismaField({
    type: 'WorkReport',
    nullable: true,
    description: 'A station\'s most recent published report (null if it has published none).',
    args: { stationSlug: t.arg.string({ required: true }) },
    resolve: async (query, _root, { stationSlug }, ctx) => {
      const report = await ctx.prisma.workReport.findFirst({
        ...query,
        where: { ...published, station: { slug: stationSlug } },
        orderBy: [{ year: 'desc' }, { quarter: 'desc' }, { revision: 'desc' }],
      });
      if (!report) await assertStationExists(ctx, stationSlug);
      return report;
    },
  }),
}));
