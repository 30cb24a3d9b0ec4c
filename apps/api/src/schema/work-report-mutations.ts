import { z } from 'zod';
import { builder } from '../builder.ts';
import { stationFilter } from '../domain/access.ts';
import type { PriorityFields, ReportContentPatch } from '../domain/report-content.ts';
import { correctWorkReport, createWorkReport, deleteWorkReportDraft, publishWorkReport, updateWorkReport } from '../domain/work-reports.ts';
import { idFor, LocalizedLineInput, LocalizedProseInput, optionalIdFor } from './inputs.ts';
import { SurveyIndicatorEnum } from './survey.ts';
import { WorkReportEdge } from './work-report.ts';

const ReportSectionInput = builder.inputType('ReportSectionInput', {
  description: 'A section of a quarterly report: heading and body.',
  fields: (t) => ({
    heading: t.field({ type: LocalizedLineInput, required: true }),
    body: t.field({ type: LocalizedProseInput, required: true }),
  }),
});

const MetricValueInput = builder.inputType('MetricValueInput', {
  description: 'A quarterly report\'s figure for one catalogue metric.',
  fields: (t) => ({
    metricKey: t.string({ required: true, description: 'A key of the metric catalogue (`metrics { key }`).' }),
    value: t.float({
      required: true,
      validate: z.number().finite().min(-1e12).max(1e12),
      description: 'Within what the metric\'s `kind` allows (METRIC_OUT_OF_RANGE): counts and money 0 or more, percentages 0–100.',
    }),
    note: t.field({ type: LocalizedLineInput }),
  }),
});

const ReportPriorityInput = builder.inputType('ReportPriorityInput', {
  description:
    'A concern residents raised and the action taken. Dates are not after today, the action not before the issue. ' +
    'Optionally linked to what residents said: a survey result (`surveyCampaignId` + `indicator`, for the priority\'s area) or a ' +
    'residents\' meeting (`eventId`), of the report\'s station.',
  fields: (t) => ({
    areaId: t.globalID(),
    issue: t.field({ type: LocalizedProseInput, required: true }),
    raisedOn: t.field({ type: 'Date', required: true }),
    action: t.field({ type: LocalizedProseInput }),
    actionOn: t.field({ type: 'Date' }),
    surveyCampaignId: t.globalID({ description: 'A published survey of the station whose result for `indicator` raised the concern.' }),
    indicator: t.field({ type: SurveyIndicatorEnum, description: 'The indicator of the linked survey\'s result.' }),
    eventId: t.globalID({ description: 'A residents\' meeting (议事会/恳谈会, kind RESIDENTS_MEETING) of the station where it was raised.' }),
  }),
});

const sections = z.array(z.unknown()).max(50);
const priorities = z.array(z.unknown()).max(50);
const metrics = z
  .array(z.looseObject({ metricKey: z.string() }))
  .max(200)
  .refine((list) => new Set(list.map((m) => m.metricKey)).size === list.length, 'each metric at most once');

const WorkReportContentInput = builder.inputType('WorkReportContentInput', {
  description: 'What a new quarterly report says. A title left out is written from the period (`2026年第三季度工作报告`); lists left out are empty.',
  fields: (t) => ({
    title: t.field({ type: LocalizedLineInput, description: 'Must name the report\'s year and quarter, if it names any (REPORT_TITLE_MISMATCH).' }),
    summary: t.field({ type: LocalizedProseInput, required: true }),
    sections: t.field({ type: [ReportSectionInput], validate: sections }),
    metrics: t.field({ type: [MetricValueInput], validate: metrics }),
    priorities: t.field({ type: [ReportPriorityInput], validate: priorities }),
  }),
});

const WorkReportContentPatch = builder.inputType('WorkReportContentPatch', {
  description:
    'Changes to a report\'s content: a part left out is unchanged; a list given replaces the whole list (`null` or `[]`: none); ' +
    '`title: null` writes the title from the period again; the summary cannot be cleared.',
  fields: (t) => ({
    title: t.field({ type: LocalizedLineInput }),
    summary: t.field({ type: LocalizedProseInput }),
    sections: t.field({ type: [ReportSectionInput], validate: sections }),
    metrics: t.field({ type: [MetricValueInput], validate: metrics }),
    priorities: t.field({ type: [ReportPriorityInput], validate: priorities }),
  }),
});

type PriorityInput = typeof ReportPriorityInput.$inferInput;

/** A priority with its global ids as database ids (BAD_USER_INPUT naming the field otherwise). */
function priorityOf(p: PriorityInput, index: number): PriorityFields {
  const path = `content.priorities.${index}`;
  return {
    issue: p.issue,
    raisedOn: p.raisedOn,
    action: p.action,
    actionOn: p.actionOn,
    indicator: p.indicator,
    areaId: optionalIdFor(p.areaId, 'Area', `${path}.areaId`),
    surveyCampaignId: optionalIdFor(p.surveyCampaignId, 'SurveyCampaign', `${path}.surveyCampaignId`),
    eventId: optionalIdFor(p.eventId, 'Event', `${path}.eventId`),
  };
}

/** The content as the domain takes it. */
function contentOf<C extends { priorities?: readonly PriorityInput[] | null }>(content: C): Omit<C, 'priorities'> & Pick<ReportContentPatch, 'priorities'> {
  const { priorities: list, ...rest } = content;
  return { ...rest, ...(list === undefined ? {} : { priorities: list === null ? null : list.map(priorityOf) }) };
}

builder.queryFields((t) => ({
  workReportDrafts: t.prismaConnection({
    type: 'WorkReport',
    cursor: 'id',
    maxSize: 100,
    defaultSize: 20,
    description: 'Unpublished quarterly reports of the stations the caller acts for, newest first. Editors only.',
    authScopes: { editor: true },
    args: { stationSlug: t.arg.string() },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.workReport.findMany({
        ...query,
        where: { status: 'DRAFT', stationId: stationFilter(ctx.principal), ...(args.stationSlug != null ? { station: { slug: args.stationSlug } } : {}) },
        orderBy: [{ year: 'desc' }, { quarter: 'desc' }, { id: 'desc' }],
      }),
  }, {}, WorkReportEdge),
}));

builder.mutationFields((t) => ({
  createWorkReport: t.prismaField({
    type: 'WorkReport',
    description:
      'Starts the report of a quarter that has ended as a DRAFT (REPORT_PERIOD_NOT_ENDED before). CONFLICT if the quarter already ' +
      'has a report. Content rules: docs/content-rules.md; warnings in `extensions.warnings`.',
    authScopes: { editor: true },
    args: {
      stationId: t.arg.globalID({ required: true }),
      year: t.arg.int({ required: true, validate: z.number().int().min(2000).max(2100) }),
      quarter: t.arg.int({ required: true, validate: z.number().int().min(1, 'quarter is 1 to 4').max(4, 'quarter is 1 to 4') }),
      content: t.arg({ type: WorkReportContentInput, required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const stationId = idFor(args.stationId, 'Station', 'stationId');
      const id = await createWorkReport(ctx, { stationId, year: args.year, quarter: args.quarter }, contentOf(args.content));
      return ctx.prisma.workReport.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateWorkReport: t.prismaField({
    type: 'WorkReport',
    description:
      'Changes the parts of a DRAFT report\'s content given; the rest stay as they are (INVALID_STATE once published). ' +
      'An empty patch changes nothing and is not audited.',
    authScopes: { editor: true },
    args: { id: t.arg.globalID({ required: true }), content: t.arg({ type: WorkReportContentPatch, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'WorkReport');
      await updateWorkReport(ctx, id, contentOf(args.content));
      return ctx.prisma.workReport.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  publishWorkReport: t.prismaField({
    type: 'WorkReport',
    description: 'Publishes a DRAFT report whose quarter has ended and whose content meets the rules: from now on it is public and can only be corrected.',
    authScopes: { editor: true },
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'WorkReport');
      await publishWorkReport(ctx, id);
      return ctx.prisma.workReport.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  correctWorkReport: t.prismaField({
    type: 'WorkReport',
    description:
      'Corrects a published report: publishes a new revision (revision + 1) with the correction note and the corrected ' +
      'revision\'s content changed as `content` says (parts left out are kept); the corrected revision stays in the record ' +
      'but leaves public lists.',
    authScopes: { editor: true },
    args: {
      id: t.arg.globalID({ required: true, description: 'The current published revision.' }),
      content: t.arg({ type: WorkReportContentPatch, required: true }),
      correctionNote: t.arg({ type: LocalizedProseInput, required: true, description: 'What was wrong and what changed.' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const newId = await correctWorkReport(ctx, idFor(args.id, 'WorkReport'), contentOf(args.content), args.correctionNote);
      return ctx.prisma.workReport.findUniqueOrThrow({ ...query, where: { id: newId } });
    },
  }),
  deleteWorkReportDraft: t.boolean({
    description: 'Deletes a DRAFT report and its content (INVALID_STATE once published: correct it instead). The audit trail keeps what it held.',
    authScopes: { editor: true },
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (_root, args, ctx) => {
      await deleteWorkReportDraft(ctx, idFor(args.id, 'WorkReport'));
      return true;
    },
  }),
}));
