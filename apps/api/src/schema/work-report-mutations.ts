import type { Prisma } from '@openstation/db';
import { z } from 'zod';
import { audited } from '../domain/legacy-audit.ts';
import { builder } from '../builder.ts';
import { ConflictError, InputError, NotFoundError, StateError } from '../errors.ts';
import { columns, idFor, LocalizedLineInput, LocalizedProseInput, optionalColumns } from './inputs.ts';

const ReportSectionInput = builder.inputType('ReportSectionInput', {
  fields: (t) => ({
    heading: t.field({ type: LocalizedLineInput, required: true }),
    body: t.field({ type: LocalizedProseInput, required: true }),
  }),
});

const MetricValueInput = builder.inputType('MetricValueInput', {
  fields: (t) => ({
    metricKey: t.string({ required: true, description: 'A key of the metric catalogue (`metrics { key }`).' }),
    value: t.float({ required: true, validate: z.number().finite().min(-1e12).max(1e12) }),
    note: t.field({ type: LocalizedLineInput }),
  }),
});

const ReportPriorityInput = builder.inputType('ReportPriorityInput', {
  fields: (t) => ({
    areaId: t.globalID(),
    issue: t.field({ type: LocalizedProseInput, required: true }),
    raisedOn: t.field({ type: 'Date', required: true }),
    action: t.field({ type: LocalizedProseInput }),
    actionOn: t.field({ type: 'Date' }),
  }),
});

const WorkReportContentInput = builder.inputType('WorkReportContentInput', {
  description: 'What a quarterly report says: replaces the whole content on update.',
  fields: (t) => ({
    title: t.field({ type: LocalizedLineInput, required: true }),
    summary: t.field({ type: LocalizedProseInput, required: true }),
    sections: t.field({ type: [ReportSectionInput], required: true, validate: z.array(z.unknown()).max(50) }),
    metrics: t.field({
      type: [MetricValueInput],
      required: true,
      validate: z
        .array(z.looseObject({ metricKey: z.string() }))
        .max(200)
        .refine((list) => new Set(list.map((m) => m.metricKey)).size === list.length, 'each metric at most once'),
    }),
    priorities: t.field({ type: [ReportPriorityInput], required: true, validate: z.array(z.unknown()).max(50) }),
  }),
});

type Content = typeof WorkReportContentInput.$inferInput;

/** Writes a report's sections, figures and priorities (after deleting any it had). */
async function writeContent(tx: Prisma.TransactionClient, reportId: number, content: Content): Promise<void> {
  const keys = content.metrics.map((m) => m.metricKey);
  const metrics = await tx.metric.findMany({ where: { key: { in: keys } }, select: { id: true, key: true } });
  const idByKey = new Map(metrics.map((m) => [m.key, m.id]));
  const unknown = keys.filter((k) => !idByKey.has(k));
  if (unknown.length > 0) {
    throw new InputError(`Unknown metric key(s): ${unknown.join(', ')}.`, {
      fields: unknown.map((k) => ({ path: `content.metrics.${keys.indexOf(k)}.metricKey`, message: 'unknown metric key' })),
    });
  }
  await tx.reportSection.deleteMany({ where: { reportId } });
  await tx.metricValue.deleteMany({ where: { reportId } });
  await tx.reportPriority.deleteMany({ where: { reportId } });
  await tx.reportSection.createMany({
    data: content.sections.map((s, i) => ({ reportId, position: i + 1, ...columns('heading', s.heading), ...columns('body', s.body) })),
  });
  await tx.metricValue.createMany({
    data: content.metrics.map((m) => ({
      reportId,
      metricId: idByKey.get(m.metricKey) ?? 0,
      value: m.value,
      ...optionalColumns('note', m.note),
    })),
  });
  await tx.reportPriority.createMany({
    data: content.priorities.map((p, i) => ({
      reportId,
      position: i + 1,
      areaId: p.areaId ? idFor(p.areaId, 'Area', `content.priorities.${i}.areaId`) : null,
      ...columns('issue', p.issue),
      raisedOn: p.raisedOn,
      ...optionalColumns('action', p.action),
      actionOn: p.actionOn ?? null,
    })),
  });
}

/** A report with its content, as recorded in the audit trail. */
function snapshot(tx: Prisma.TransactionClient, id: number) {
  return tx.workReport.findUnique({
    where: { id },
    include: {
      sections: { orderBy: { position: 'asc' } },
      metrics: { orderBy: { metricId: 'asc' }, include: { metric: { select: { key: true } } } },
      priorities: { orderBy: { position: 'asc' } },
    },
  });
}

async function existing(tx: Prisma.TransactionClient, id: number) {
  const report = await snapshot(tx, id);
  if (!report) throw new NotFoundError('No work report has this id.');
  return report;
}

builder.queryFields((t) => ({
  workReportDrafts: t.prismaConnection({
    type: 'WorkReport',
    cursor: 'id',
    maxSize: 100,
    defaultSize: 20,
    description: 'Unpublished quarterly reports, newest first. Editors only.',
    authScopes: { editor: true },
    args: { stationSlug: t.arg.string() },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.workReport.findMany({
        ...query,
        where: { status: 'DRAFT', ...(args.stationSlug != null ? { station: { slug: args.stationSlug } } : {}) },
        orderBy: [{ year: 'desc' }, { quarter: 'desc' }, { id: 'desc' }],
      }),
  }),
}));

builder.mutationFields((t) => ({
  createWorkReport: t.prismaField({
    type: 'WorkReport',
    description: 'Starts the report of a quarter as a DRAFT. CONFLICT if the quarter already has a report.',
    authScopes: { editor: true },
    args: {
      stationId: t.arg.globalID({ required: true }),
      year: t.arg.int({ required: true, validate: z.number().int().min(2000).max(2100) }),
      quarter: t.arg.int({ required: true, validate: z.number().int().min(1, 'quarter is 1 to 4').max(4, 'quarter is 1 to 4') }),
      content: t.arg({ type: WorkReportContentInput, required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const stationId = idFor(args.stationId, 'Station', 'stationId');
      const id = await audited(ctx, 'workReport.create', async (tx) => {
        const taken = await tx.workReport.count({ where: { stationId, year: args.year, quarter: args.quarter } });
        if (taken > 0) {
          throw new ConflictError(`The station already has a report for ${args.year}-Q${args.quarter}: update its draft or correct it.`);
        }
        const report = await tx.workReport.create({
          data: { stationId, year: args.year, quarter: args.quarter, ...columns('title', args.content.title), ...columns('summary', args.content.summary) },
        });
        await writeContent(tx, report.id, args.content);
        return { entityType: 'WorkReport', entityId: report.id, before: null, after: await snapshot(tx, report.id), result: report.id };
      });
      return ctx.prisma.workReport.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateWorkReport: t.prismaField({
    type: 'WorkReport',
    description: 'Replaces a DRAFT report\'s content; INVALID_STATE once it is published.',
    authScopes: { editor: true },
    args: { id: t.arg.globalID({ required: true }), content: t.arg({ type: WorkReportContentInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'WorkReport');
      await audited(ctx, 'workReport.update', async (tx) => {
        const before = await existing(tx, id);
        if (before.status !== 'DRAFT') throw new StateError('A published report is never edited: correct it with correctWorkReport.');
        await tx.workReport.update({ where: { id }, data: { ...columns('title', args.content.title), ...columns('summary', args.content.summary) } });
        await writeContent(tx, id, args.content);
        return { entityType: 'WorkReport', entityId: id, before, after: await snapshot(tx, id), result: id };
      });
      return ctx.prisma.workReport.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  publishWorkReport: t.prismaField({
    type: 'WorkReport',
    description: 'Publishes a DRAFT report: from now on it is public and can only be corrected.',
    authScopes: { editor: true },
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'WorkReport');
      await audited(ctx, 'workReport.publish', async (tx) => {
        const before = await existing(tx, id);
        if (before.status !== 'DRAFT') throw new StateError('This report is already published.');
        await tx.workReport.update({ where: { id }, data: { status: 'PUBLISHED', publishedAt: new Date() } });
        return { entityType: 'WorkReport', entityId: id, before, after: await snapshot(tx, id), result: id };
      });
      return ctx.prisma.workReport.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  correctWorkReport: t.prismaField({
    type: 'WorkReport',
    description:
      'Corrects a published report: publishes a new revision (revision + 1) with the correction note; ' +
      'the corrected revision stays in the record but leaves public lists.',
    authScopes: { editor: true },
    args: {
      id: t.arg.globalID({ required: true, description: 'The current published revision.' }),
      content: t.arg({ type: WorkReportContentInput, required: true }),
      correctionNote: t.arg({ type: LocalizedProseInput, required: true, description: 'What was wrong and what changed.' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'WorkReport');
      const newId = await audited(ctx, 'workReport.correct', async (tx) => {
        const before = await existing(tx, id);
        if (before.status !== 'PUBLISHED') throw new StateError('Only a published report is corrected; edit the draft instead.');
        if (before.supersededAt) throw new StateError('This revision has already been corrected: correct the latest one.');
        const now = new Date();
        await tx.workReport.update({ where: { id }, data: { supersededAt: now } });
        const report = await tx.workReport.create({
          data: {
            stationId: before.stationId,
            year: before.year,
            quarter: before.quarter,
            revision: before.revision + 1,
            status: 'PUBLISHED',
            publishedAt: now,
            ...columns('title', args.content.title),
            ...columns('summary', args.content.summary),
            ...columns('correctionNote', args.correctionNote),
          },
        });
        await writeContent(tx, report.id, args.content);
        return { entityType: 'WorkReport', entityId: report.id, before, after: await snapshot(tx, report.id), result: report.id };
      });
      return ctx.prisma.workReport.findUniqueOrThrow({ ...query, where: { id: newId } });
    },
  }),
}));
