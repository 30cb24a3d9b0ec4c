import { DEFAULT_QUESTIONNAIRE, type Prisma, type SurveyAccessMode, type SurveyIndicator, type SurveyQuestionType } from '@openstation/db';
import { InputError, NotFoundError, StateError } from '../errors.ts';
import { campaignPhase, chinaToday, isoDate } from '../survey/calendar.ts';
import { assertChangeAllowed, assertPublishable } from '../survey/lifecycle.ts';
import { authorize } from './access.ts';
import type { Actor } from './actor.ts';
import { insertInvitationCodes } from './invitation-codes.ts';
import { changed, isEmpty, type Localized, localized, notNull } from './patch.ts';
import { inDateRange } from './rules.ts';
import { type UnitOfWork, write } from './unit-of-work.ts';

/** A new half-yearly campaign. */
export interface CampaignFields {
  /** Half-year label, e.g. `2026-H1`. */
  period: string;
  title: Localized;
  opensOn: Date;
  closesOn: Date;
  accessMode: SurveyAccessMode;
}

/** One question of a questionnaire. */
export interface QuestionFields {
  indicator: SurveyIndicator;
  type: SurveyQuestionType;
  text: Localized;
  options?: { zh: readonly string[]; en?: readonly string[] | null } | null;
  required: boolean;
}

/** Changes to a campaign: a field left out is unchanged; `questions` replaces the whole questionnaire. */
export interface CampaignPatch {
  title?: Localized | null;
  opensOn?: Date | null;
  closesOn?: Date | null;
  questions?: readonly QuestionFields[] | null;
}

/** Most questions a questionnaire has. */
export const MAX_QUESTIONS = 50;

/** Most options of a SINGLE_CHOICE question. */
export const MAX_OPTIONS = 20;

type QuestionRow = Omit<Prisma.SurveyQuestionCreateManyInput, 'campaignId' | 'id'>;

/** A questionnaire's rows, numbered from 1, or BAD_USER_INPUT naming every question whose options do not fit its type. */
function questionRows(questions: readonly QuestionFields[], path: string): QuestionRow[] {
  const problems: { path: string; message: string }[] = [];
  if (questions.length < 1 || questions.length > MAX_QUESTIONS) problems.push({ path, message: `1 to ${MAX_QUESTIONS} questions` });
  const rows = questions.map((q, index) => {
    const zh = q.options?.zh ?? [];
    const en = q.options?.en ?? [];
    const at = `${path}.${index}.options`;
    if (q.type === 'SINGLE_CHOICE' && (zh.length < 2 || zh.length > MAX_OPTIONS)) problems.push({ path: at, message: `a single-choice question has 2 to ${MAX_OPTIONS} options` });
    if (q.type !== 'SINGLE_CHOICE' && (zh.length > 0 || en.length > 0)) problems.push({ path: at, message: 'only single-choice questions have options' });
    if (en.length > 0 && en.length !== zh.length) problems.push({ path: `${at}.en`, message: 'as many English options as Chinese ones, or none' });
    return {
      position: index + 1,
      indicator: q.indicator,
      type: q.type,
      textZh: q.text.zh.trim(),
      textEn: q.text.en?.trim() || null,
      optionsZh: zh.map((o) => o.trim()),
      optionsEn: en.map((o) => o.trim()),
      required: q.required,
    };
  });
  if (problems.length > 0) throw new InputError('Some questions do not fit their type.', { fields: problems });
  return rows;
}

const QUESTION_COLUMNS = { position: true, indicator: true, type: true, textZh: true, textEn: true, optionsZh: true, optionsEn: true, required: true } as const;

/** A campaign with its questions, as recorded in the audit trail; the row is locked until the transaction ends. */
async function lockedCampaign(uow: UnitOfWork, id: number) {
  await uow.tx.$queryRaw`SELECT "id" FROM "SurveyCampaign" WHERE "id" = ${id} FOR UPDATE`;
  const campaign = await uow.tx.surveyCampaign.findUnique({ where: { id }, include: { questions: { orderBy: { position: 'asc' } } } });
  if (!campaign) throw new NotFoundError('No survey has this id.', { entityType: 'SurveyCampaign' });
  authorize(uow.actor, 'editor', campaign.stationId);
  return campaign;
}

function datesInOrder(opensOn: Date, closesOn: Date, path: string): void {
  inDateRange(opensOn, `${path}.opensOn`);
  inDateRange(closesOn, `${path}.closesOn`);
  if (isoDate(closesOn) < isoDate(opensOn)) throw new InputError('`closesOn` must not be before `opensOn`.', { argument: `${path}.closesOn`, field: `${path}.closesOn` });
}

/** Starts a campaign of a station as a DRAFT with the default questionnaire; returns its id. */
export async function createSurveyCampaignIn(uow: UnitOfWork, stationId: number, input: CampaignFields, path = 'input'): Promise<number> {
  authorize(uow.actor, 'editor', stationId);
  datesInOrder(input.opensOn, input.closesOn, path);
  const after = await uow.tx.surveyCampaign.create({
    data: {
      stationId,
      period: input.period,
      titleZh: input.title.zh.trim(),
      titleEn: input.title.en?.trim() || null,
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      accessMode: input.accessMode,
      questions: { create: DEFAULT_QUESTIONNAIRE.map((q, index) => ({ ...q, position: index + 1, optionsZh: [...q.optionsZh], optionsEn: [...q.optionsEn] })) },
    },
    include: { questions: { orderBy: { position: 'asc' } } },
  });
  await uow.record({ action: 'surveyCampaign.create', entityType: 'SurveyCampaign', entityId: after.id, stationId, before: null, after });
  return after.id;
}

/**
 * Changes a campaign's title, dates or questionnaire, as far as its state allows
 * (SURVEY_LOCKED, see survey/lifecycle.ts). An empty or no-op patch writes nothing and
 * records nothing. Returns whether it changed.
 */
export async function updateSurveyCampaignIn(uow: UnitOfWork, id: number, patch: CampaignPatch, path = 'input', now = new Date()): Promise<boolean> {
  const before = await lockedCampaign(uow, id);
  const { tx } = uow;
  const questions = notNull(patch.questions, `${path}.questions`);
  const rows = questions === undefined ? null : questionRows(questions, `${path}.questions`);
  const opensOn = notNull(patch.opensOn, `${path}.opensOn`) ?? before.opensOn;
  const closesOn = notNull(patch.closesOn, `${path}.closesOn`) ?? before.closesOn;
  datesInOrder(opensOn, closesOn, path);
  const data = changed(before, { ...localized('title', patch.title, `${path}.title`, true), opensOn, closesOn });
  const stored = before.questions.map((q) => Object.fromEntries(Object.keys(QUESTION_COLUMNS).map((k) => [k, q[k as keyof typeof q]])));
  const newQuestions = rows !== null && JSON.stringify(rows) !== JSON.stringify(stored);
  if (isEmpty(data) && !newQuestions) return false;
  const today = chinaToday(now);
  const responses = newQuestions ? await tx.surveyResponse.count({ where: { campaignId: id } }) : 0;
  assertChangeAllowed(before, { opensOn: data.opensOn ?? null, closesOn: data.closesOn ?? null, questions: newQuestions }, today, responses);
  if (before.status === 'PUBLISHED' && data.closesOn && isoDate(data.closesOn) < today) {
    throw new InputError('A published survey\'s closing date cannot move into the past: close it with closeSurveyCampaign.', { argument: `${path}.closesOn`, field: `${path}.closesOn` });
  }
  if (!isEmpty(data)) await tx.surveyCampaign.update({ where: { id }, data });
  if (newQuestions && rows) {
    await tx.surveyQuestion.deleteMany({ where: { campaignId: id } });
    await tx.surveyQuestion.createMany({ data: rows.map((q) => ({ ...q, campaignId: id })) });
  }
  const after = await tx.surveyCampaign.findUniqueOrThrow({ where: { id }, include: { questions: { orderBy: { position: 'asc' } } } });
  await uow.record({ action: 'surveyCampaign.update', entityType: 'SurveyCampaign', entityId: id, stationId: before.stationId, before, after });
  return true;
}

/** Writes `data` to a campaign and records it as `action`, the audit entry holding what `views` shows of it. */
async function writeCampaign(
  uow: UnitOfWork,
  campaign: { id: number; stationId: number },
  action: string,
  data: Prisma.SurveyCampaignUpdateInput,
  views: { before: unknown; after: unknown },
): Promise<void> {
  await uow.tx.surveyCampaign.update({ where: { id: campaign.id }, data });
  await uow.record({ action, entityType: 'SurveyCampaign', entityId: campaign.id, stationId: campaign.stationId, ...views });
}

/**
 * Publishes a DRAFT campaign: public, and taking answers between its dates. SURVEY_INCOMPLETE
 * without questions or once its closing date has passed; INVALID_STATE if already published.
 */
export async function publishSurveyCampaignIn(uow: UnitOfWork, id: number, now = new Date()): Promise<void> {
  const before = await lockedCampaign(uow, id);
  assertPublishable({ ...before, questions: before.questions.length }, chinaToday(now));
  const codes = await uow.tx.invitationCode.count({ where: { campaignId: id } });
  await writeCampaign(uow, before, 'surveyCampaign.publish', { status: 'PUBLISHED' }, {
    before: { status: before.status },
    after: { status: 'PUBLISHED', questions: before.questions.length, codes },
  });
}

const shiftDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000);

/**
 * Closes a published, open campaign now: its closing date becomes yesterday (China date),
 * so it takes no more answers and its results are public from now. A campaign that opened
 * today closes tonight instead (closing date today, warning SURVEY_CLOSES_AT_MIDNIGHT).
 * INVALID_STATE for a draft, a campaign not open yet or already closed.
 */
export async function closeSurveyCampaignIn(uow: UnitOfWork, id: number, now = new Date()): Promise<void> {
  const before = await lockedCampaign(uow, id);
  if (before.status !== 'PUBLISHED') throw new StateError('A draft takes no answers: there is nothing to close (delete it instead).');
  const today = chinaToday(now);
  const phase = campaignPhase(before, today);
  if (phase === 'CLOSED') throw new StateError('This survey has already closed.');
  if (phase === 'NOT_YET_OPEN') throw new StateError('This survey has not opened yet: move its dates with updateSurveyCampaign instead.');
  const openedToday = isoDate(before.opensOn) === today;
  const closesOn = shiftDays(today, openedToday ? 0 : -1);
  await writeCampaign(uow, before, 'surveyCampaign.close', { closesOn }, { before: { closesOn: before.closesOn }, after: { closesOn } });
  if (openedToday) {
    uow.warn({
      code: 'SURVEY_CLOSES_AT_MIDNIGHT',
      field: null,
      message: 'The survey opened today, so it cannot close before today: it takes answers until midnight (China time) and its results are public from tomorrow.',
    });
  }
}

/** Deletes a DRAFT campaign with its questions and codes (INVALID_STATE once published). */
export async function deleteSurveyCampaignDraftIn(uow: UnitOfWork, id: number): Promise<void> {
  const before = await lockedCampaign(uow, id);
  if (before.status !== 'DRAFT') throw new StateError('Only a draft is deleted: a published survey stays on record.');
  const codes = await uow.tx.invitationCode.count({ where: { campaignId: id } });
  await uow.tx.surveyCampaign.delete({ where: { id } });
  await uow.record({ action: 'surveyCampaign.deleteDraft', entityType: 'SurveyCampaign', entityId: id, stationId: before.stationId, before: { ...before, codes }, after: null });
}

/** New invitation codes of a campaign, as printed. */
export interface CodeBatch {
  campaignId: number;
  period: string;
  /** The area's Chinese name, or '' for codes of no area. */
  area: string;
  codes: string[];
}

/**
 * Makes `count` single-use codes for a campaign (draft or published), optionally of one area
 * of its station; only their hashes are stored. Audited with the count, never a code.
 */
export async function generateInvitationCodesIn(uow: UnitOfWork, target: { campaignId: number; areaId: number | null; count: number }): Promise<CodeBatch> {
  const campaign = await uow.tx.surveyCampaign.findUnique({ where: { id: target.campaignId }, select: { period: true, stationId: true } });
  if (!campaign) throw new NotFoundError('No survey has this id.', { entityType: 'SurveyCampaign' });
  authorize(uow.actor, 'editor', campaign.stationId);
  const area = target.areaId === null ? null : await uow.tx.area.findFirst({ where: { id: target.areaId, stationId: campaign.stationId }, select: { nameZh: true } });
  if (target.areaId !== null && !area) throw new InputError('`areaId` must be an area of the survey\'s station.', { argument: 'areaId', field: 'areaId' });
  const codes = await insertInvitationCodes(uow.tx, target);
  await uow.record({
    action: 'invitationCodes.generate',
    entityType: 'SurveyCampaign',
    entityId: target.campaignId,
    stationId: campaign.stationId,
    before: null,
    after: { areaId: target.areaId, count: codes.length },
  });
  return { campaignId: target.campaignId, period: campaign.period, area: area?.nameZh ?? '', codes };
}

export const createSurveyCampaign = (actor: Actor, stationId: number, input: CampaignFields) => write(actor, (uow) => createSurveyCampaignIn(uow, stationId, input));
export const updateSurveyCampaign = (actor: Actor, id: number, patch: CampaignPatch) => write(actor, (uow) => updateSurveyCampaignIn(uow, id, patch));
export const publishSurveyCampaign = (actor: Actor, id: number) => write(actor, (uow) => publishSurveyCampaignIn(uow, id));
export const closeSurveyCampaign = (actor: Actor, id: number, now?: Date) => write(actor, (uow) => closeSurveyCampaignIn(uow, id, now));
export const deleteSurveyCampaignDraft = (actor: Actor, id: number) => write(actor, (uow) => deleteSurveyCampaignDraftIn(uow, id));
export const generateInvitationCodes = (actor: Actor, target: { campaignId: number; areaId: number | null; count: number }) =>
  write(actor, (uow) => generateInvitationCodesIn(uow, target));
