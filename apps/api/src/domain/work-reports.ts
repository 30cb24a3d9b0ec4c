import type { Prisma } from '@openstation/db';
import { ConflictError, NotFoundError, RuleError, StateError } from '../errors.ts';
import { authorize } from './access.ts';
import type { Actor } from './actor.ts';
import { changed, isEmpty, type Localized } from './patch.ts';
import {
  changedRows,
  checkPublishable,
  contentRows,
  type HeaderColumns,
  headerColumns,
  newHeader,
  type ReportContent,
  type ReportContentPatch,
  storedRows,
  writeRows,
} from './report-content.ts';
import { reportWarnings } from './report-warnings.ts';
import { quarterEnded } from './rules.ts';
import { type UnitOfWork, write } from './unit-of-work.ts';

/** A report with its content, as the audit trail records it. */
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

/** The report (NOT_FOUND otherwise), once the caller is known to be an editor of its station. */
async function found(uow: UnitOfWork, id: number) {
  const report = await snapshot(uow.tx, id);
  if (!report) throw new NotFoundError('No work report has this id.', { entityType: 'WorkReport' });
  authorize(uow.actor, 'editor', report.stationId);
  return report;
}

/** Hands the report's warnings to the unit of work, with metric paths in the order they were given. */
async function warnAbout(uow: UnitOfWork, report: { id: number; stationId: number; year: number; quarter: number }, content: ReportContentPatch) {
  const keys = content.metrics === undefined ? undefined : (content.metrics ?? []).map((m) => m.metricKey);
  for (const warning of await reportWarnings(uow.tx, report, keys)) uow.warn(warning);
}

/**
 * Starts the report of a quarter as a DRAFT in `uow`: REPORT_PERIOD_NOT_ENDED before the
 * quarter has ended, CONFLICT if the quarter already has a report, and the content rules.
 * A title left out is written from the period. Returns the new report's id.
 */
export async function createWorkReportIn(uow: UnitOfWork, period: { stationId: number; year: number; quarter: number }, content: ReportContent): Promise<number> {
  authorize(uow.actor, 'editor', period.stationId);
  quarterEnded(period.year, period.quarter, 'quarter');
  const { tx } = uow;
  const taken = await tx.workReport.count({ where: period });
  if (taken > 0) throw new ConflictError(`The station already has a report for ${period.year}-Q${period.quarter}: update its draft or correct it.`, { field: 'quarter' });
  const header = newHeader(content, period);
  const rows = await contentRows(tx, { sections: content.sections ?? [], metrics: content.metrics ?? [], priorities: content.priorities ?? [] }, period.stationId);
  const report = await tx.workReport.create({ data: { ...period, ...header } });
  await writeRows(tx, report.id, rows);
  await uow.record({ action: 'workReport.create', entityType: 'WorkReport', entityId: report.id, stationId: period.stationId, before: null, after: await snapshot(tx, report.id) });
  await warnAbout(uow, report, content);
  return report.id;
}

/**
 * Changes the parts of a DRAFT report's content that `patch` gives (INVALID_STATE once
 * published). An empty or no-op patch writes nothing and records nothing. Returns whether
 * it changed.
 */
export async function updateWorkReportIn(uow: UnitOfWork, id: number, patch: ReportContentPatch): Promise<boolean> {
  const before = await found(uow, id);
  if (before.status !== 'DRAFT') throw new StateError('A published report is never edited: correct it with correctWorkReport.');
  const { tx } = uow;
  const header = changed(before, headerColumns(patch, before));
  const rows = changedRows(await storedRows(tx, id), await contentRows(tx, patch, before.stationId));
  if (isEmpty(header) && isEmpty(rows)) return false;
  if (!isEmpty(header)) await tx.workReport.update({ where: { id }, data: header });
  await writeRows(tx, id, rows);
  await uow.record({ action: 'workReport.update', entityType: 'WorkReport', entityId: id, stationId: before.stationId, before, after: await snapshot(tx, id) });
  await warnAbout(uow, before, patch);
  return true;
}

/** Publishes a DRAFT report once its quarter has ended and its content meets the rules; from then on it is corrected, never edited. */
export async function publishWorkReportIn(uow: UnitOfWork, id: number): Promise<void> {
  const before = await found(uow, id);
  if (before.status !== 'DRAFT') throw new StateError('This report is already published.');
  quarterEnded(before.year, before.quarter, 'quarter');
  await checkPublishable(uow.tx, before);
  await uow.tx.workReport.update({ where: { id }, data: { status: 'PUBLISHED', publishedAt: new Date() } });
  await uow.record({ action: 'workReport.publish', entityType: 'WorkReport', entityId: id, stationId: before.stationId, before, after: await snapshot(uow.tx, id) });
  await warnAbout(uow, before, {});
}

/**
 * Corrects the current published revision of a report: a new revision (revision + 1) with
 * the correction note and the content of the corrected one changed as `patch` says (parts
 * left out are kept). The corrected revision stays in the record. Returns the new id.
 */
export async function correctWorkReportIn(uow: UnitOfWork, id: number, patch: ReportContentPatch, correctionNote: Localized): Promise<number> {
  const before = await found(uow, id);
  if (before.status !== 'PUBLISHED') throw new StateError('Only a published report is corrected; edit the draft instead.');
  if (before.supersededAt) throw new StateError('This revision has already been corrected: correct the latest one.');
  if (!correctionNote.zh.trim()) throw new RuleError('FIELD_REQUIRED', 'correctionNote', 'Say what was wrong and what changed.');
  const { tx } = uow;
  const header: HeaderColumns = { titleZh: before.titleZh, titleEn: before.titleEn, summaryZh: before.summaryZh, summaryEn: before.summaryEn, ...headerColumns(patch, before) };
  const rows = { ...(await storedRows(tx, id)), ...(await contentRows(tx, patch, before.stationId)) };
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
      ...header,
      correctionNoteZh: correctionNote.zh.trim(),
      correctionNoteEn: correctionNote.en?.trim() || null,
    },
  });
  await writeRows(tx, report.id, rows);
  await uow.record({ action: 'workReport.correct', entityType: 'WorkReport', entityId: report.id, stationId: before.stationId, before, after: await snapshot(tx, report.id) });
  await warnAbout(uow, report, patch);
  return report.id;
}

/** Deletes a DRAFT report with its content (INVALID_STATE once published); the audit entry keeps what it held. */
export async function deleteWorkReportDraftIn(uow: UnitOfWork, id: number): Promise<void> {
  const before = await found(uow, id);
  if (before.status !== 'DRAFT') throw new StateError('Only a draft is deleted: a published report stays on record (correct it instead).');
  await uow.tx.workReport.delete({ where: { id } });
  await uow.record({ action: 'workReport.deleteDraft', entityType: 'WorkReport', entityId: id, stationId: before.stationId, before, after: null });
}

export const createWorkReport = (actor: Actor, period: { stationId: number; year: number; quarter: number }, content: ReportContent) =>
  write(actor, (uow) => createWorkReportIn(uow, period, content));

export const updateWorkReport = (actor: Actor, id: number, patch: ReportContentPatch) => write(actor, (uow) => updateWorkReportIn(uow, id, patch));

export const publishWorkReport = (actor: Actor, id: number) => write(actor, (uow) => publishWorkReportIn(uow, id));

export const correctWorkReport = (actor: Actor, id: number, patch: ReportContentPatch, correctionNote: Localized) =>
  write(actor, (uow) => correctWorkReportIn(uow, id, patch, correctionNote));

export const deleteWorkReportDraft = (actor: Actor, id: number) => write(actor, (uow) => deleteWorkReportDraftIn(uow, id));
