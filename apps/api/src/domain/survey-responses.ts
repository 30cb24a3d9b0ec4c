import type { Prisma, PrismaClient } from '@openstation/db';
import { ClientError, InputError, NotFoundError, StateError } from '../errors.ts';
import { type AnswerInput, type QuestionRule, validateAnswers } from '../survey/answers.ts';
import { campaignPhase, chinaToday } from '../survey/calendar.ts';
import { hashInvitationCode, normaliseInvitationCode } from '../survey/codes.ts';
import { type FormTokenClaim, readFormToken } from '../survey/form-token.ts';
import { authorize } from './access.ts';
import type { Actor } from './actor.ts';
import { cachedOpenCampaign, forgetOpenCampaign, type OpenCampaign, rememberOpenCampaign } from './survey-campaign-cache.ts';
import { surveyFormKey } from './survey-form-tokens.ts';
import { groupCommitOf } from './survey-group-commit.ts';
import { type ResponseRow, type RowOutcome, storeResponses } from './survey-response-store.ts';
import { type UnitOfWork, write } from './unit-of-work.ts';

/**
 * Survey responses: a resident's web submission and the paper or phone responses staff
 * type in. Neither stores anything about the resident; web submissions are not audited.
 */

/** One resident's submission, as the API receives it. */
export interface SubmissionInput {
  campaignId: number;
  code?: string | null;
  /** The form token issued with the page (OPEN campaigns): spent when the response is stored. */
  formToken?: string | null;
  areaId?: number | null;
  answers: readonly AnswerInput[];
  /** Honeypot: hidden on the form, so only robots fill it in. */
  website?: string | null;
}

/** What the submitter learns: nothing that identifies the stored response. */
export interface SubmissionReceipt {
  campaignId: number;
  submittedOn: string;
}

const CAMPAIGN_SELECT = {
  id: true,
  stationId: true,
  status: true,
  accessMode: true,
  opensOn: true,
  closesOn: true,
  questions: { select: { id: true, type: true, required: true, optionsZh: true }, orderBy: { position: 'asc' } },
} as const satisfies Prisma.SurveyCampaignSelect;

type Campaign = Prisma.SurveyCampaignGetPayload<{ select: typeof CAMPAIGN_SELECT }>;

function rulesOf(campaign: Campaign): QuestionRule[] {
  return campaign.questions.map((q) => ({ id: q.id, type: q.type, required: q.required, options: q.optionsZh.length }));
}

/**
 * A published campaign taking answers today, read from the database (one statement, with its
 * station's current areas) and kept in memory (survey-campaign-cache.ts), or NOT_FOUND /
 * SURVEY_NOT_OPEN_YET / SURVEY_CLOSED.
 */
async function readOpenCampaign(prisma: PrismaClient, campaignId: number, today: string): Promise<OpenCampaign> {
  const campaign = await prisma.surveyCampaign.findUnique({
    where: { id: campaignId },
    select: { ...CAMPAIGN_SELECT, station: { select: { areas: { where: { retiredAt: null }, select: { id: true } } } } },
  });
  if (!campaign || campaign.status !== 'PUBLISHED') throw new NotFoundError('No survey has this id.', { entityType: 'SurveyCampaign' });
  const phase = campaignPhase(campaign, today);
  if (phase === 'NOT_YET_OPEN') throw new ClientError('SURVEY_NOT_OPEN_YET', 'This survey does not take answers yet.');
  if (phase === 'CLOSED') throw new ClientError('SURVEY_CLOSED', 'This survey has closed.');
  const open: OpenCampaign = {
    id: campaign.id,
    stationId: campaign.stationId,
    accessMode: campaign.accessMode,
    opensOn: campaign.opensOn,
    closesOn: campaign.closesOn,
    rules: rulesOf(campaign),
    areaIds: new Set(campaign.station.areas.map((a) => a.id)),
  };
  rememberOpenCampaign(prisma, open);
  return open;
}

/** The area a resident names must be a current area of the survey's station: from memory if there, else read. */
async function checkArea(prisma: PrismaClient, campaign: OpenCampaign, areaId: number | null | undefined): Promise<void> {
  if (areaId == null || campaign.areaIds.has(areaId)) return;
  const area = await prisma.area.findFirst({ where: { id: areaId, stationId: campaign.stationId, retiredAt: null }, select: { id: true } });
  if (!area) throw new InputError('`input.areaId` must be an area of the survey\'s station.', { argument: 'input.areaId' });
  // An area made since the campaign was kept: read it again next time.
  forgetOpenCampaign(prisma, campaign.id);
}

/** Counts an accepted web submission against the client's limit, or throws RATE_LIMITED. */
export type SubmissionLimit = () => Promise<void>;

/**
 * Checks a submission against `campaign` — the code (CODE campaigns) or the form token (OPEN
 * campaigns, see survey/form-token.ts), the area, every answer — then (OPEN campaigns) counts
 * it against the client's limit; returns the row to store, or throws the first problem.
 */
async function checkSubmission(prisma: PrismaClient, campaign: OpenCampaign, input: SubmissionInput, limit: SubmissionLimit, today: string, now: Date): Promise<ResponseRow> {
  let codeHash: string | null = null;
  let token: FormTokenClaim | null = null;
  if (campaign.accessMode === 'OPEN') {
    if (!input.formToken?.trim()) throw new ClientError('FORM_TOKEN_REQUIRED', 'An OPEN survey is answered with the form token issued with its page.', { field: 'input.formToken' });
    token = readFormToken(await surveyFormKey(prisma), input.formToken, campaign.id, now);
  } else {
    if (!input.code?.trim()) throw new ClientError('CODE_REQUIRED', 'This survey needs an invitation code.');
    const canonical = normaliseInvitationCode(input.code);
    if (!canonical) throw new ClientError('CODE_MALFORMED', 'An invitation code has ten letters and digits, like ABCDE-12345.');
    codeHash = hashInvitationCode(canonical);
  }
  await checkArea(prisma, campaign, input.areaId);
  const answers = validateAnswers(campaign.rules, input.answers);
  if (campaign.accessMode !== 'CODE') await limit();
  return { campaignId: campaign.id, areaId: input.areaId ?? null, channel: 'WEB', submittedOn: today, codeHash, token, answers };
}

/**
 * A resident's web submission: checks the campaign, then everything {@link checkSubmission}
 * checks, and stores it; or throws a documented error and stores nothing. Only submissions
 * that would be stored count against the limit: a refused one (a missing answer, a closed
 * survey) costs the client nothing. A filled honeypot gets the same receipt and stores
 * nothing. Needs no staff role and is not audited.
 *
 * The campaign comes from memory once read (survey-campaign-cache.ts), so a submission is
 * one SQL statement — shared with the submissions arriving at the same time (group commit,
 * survey-group-commit.ts) — that checks again what may have changed (the campaign still open,
 * the area still current), claims the code or spends the token, and stores the response with
 * its answers, atomically. A refusal is always decided on a fresh read, so memory changes
 * neither what is refused nor which error comes first (a closed survey before a bad answer).
 */
export async function submitSurveyResponse(actor: Actor, input: SubmissionInput, limit: SubmissionLimit, now = new Date()): Promise<SubmissionReceipt> {
  const { prisma } = actor;
  const today = chinaToday(now);
  const kept = cachedOpenCampaign(prisma, input.campaignId, today);
  let campaign = kept ?? (await readOpenCampaign(prisma, input.campaignId, today));
  let row: ResponseRow;
  try {
    row = await checkSubmission(prisma, campaign, input, limit, today, now);
  } catch (error) {
    if (!kept || !(error instanceof ClientError)) throw error;
    // Perhaps the campaign has closed since it was kept: that error comes first. Else check on what the database holds now.
    forgetOpenCampaign(prisma, campaign.id);
    campaign = await readOpenCampaign(prisma, input.campaignId, today);
    row = await checkSubmission(prisma, campaign, input, limit, today, now);
  }
  const receipt = { campaignId: campaign.id, submittedOn: today };
  if (input.website?.trim()) return receipt;
  let outcome: RowOutcome;
  try {
    outcome = await groupCommitOf(prisma).store(row);
  } catch (error) {
    // Perhaps what memory holds is out of date (questions replaced at the moment it opened): read it again next time.
    forgetOpenCampaign(prisma, campaign.id);
    throw error;
  }
  if (outcome === 'stored') return receipt;
  if (outcome === 'refused') {
    // The campaign closed or the area was retired since memory had them: read again, to say which.
    forgetOpenCampaign(prisma, campaign.id);
    await checkArea(prisma, await readOpenCampaign(prisma, input.campaignId, today), input.areaId);
    throw new Error('the response was not stored');
  }
  if (row.token) throw new ClientError('FORM_TOKEN_USED', 'This form has already been sent: a survey takes one answer per form.', { field: 'input.formToken' });
  const { codeHash } = row;
  if (codeHash === null) throw new Error('the response was not stored');
  const code = await prisma.invitationCode.findFirst({ where: { codeHash, campaignId: campaign.id }, select: { used: true } });
  if (code) throw new ClientError('CODE_USED', 'This invitation code has already been used.');
  throw new ClientError('CODE_INVALID', 'This invitation code is not valid for this survey.');
}

/** One paper or phone response typed in by staff. */
export interface EnteredResponse {
  channel: 'PAPER' | 'PHONE';
  /** The day the resident filled in the form or answered the call. */
  submittedOn: string;
  areaId?: number | null;
  answers: readonly AnswerInput[];
}

/**
 * Checks a batch of paper or phone responses like web submissions (every answer against its
 * question, areas of the station, dates within the campaign and not in the future) and
 * stores all of them in `uow` (reads too: PGlite has one connection), in one statement, or throws the first
 * problem with `extensions.index` and stores none. Codes and the per-client limit do not
 * apply. Audited with the count per channel, never the responses' ids. Returns the count.
 */
export async function enterSurveyResponsesIn(uow: UnitOfWork, campaignId: number, responses: readonly EnteredResponse[], now = new Date()): Promise<number> {
  const { tx } = uow;
  const campaign = await tx.surveyCampaign.findUnique({ where: { id: campaignId }, select: CAMPAIGN_SELECT });
  if (!campaign) throw new NotFoundError('No survey has this id.', { entityType: 'SurveyCampaign' });
  authorize(uow.actor, 'editor', campaign.stationId);
  if (campaign.status !== 'PUBLISHED') throw new StateError('This survey is a draft: publish it before entering responses.');
  const today = chinaToday(now);
  const rules = rulesOf(campaign);
  const areas = new Set((await tx.area.findMany({ where: { stationId: campaign.stationId }, select: { id: true } })).map((a) => a.id));
  const checked = responses.map((response, index) => {
    try {
      if (campaignPhase(campaign, response.submittedOn) !== 'OPEN' || response.submittedOn > today) {
        throw new InputError('`submittedOn` must fall within the survey\'s dates and not in the future.', { argument: 'submittedOn' });
      }
      if (response.areaId != null && !areas.has(response.areaId)) {
        throw new InputError('`areaId` must be an area of the survey\'s station.', { argument: 'areaId' });
      }
      return { ...response, answers: validateAnswers(rules, response.answers) };
    } catch (error) {
      if (error instanceof ClientError) throw new ClientError(error.code, `Response ${index + 1}: ${error.message}`, { ...error.details, index });
      throw error;
    }
  });
  const rows = checked.map((r): ResponseRow => ({ campaignId, areaId: r.areaId ?? null, channel: r.channel, submittedOn: r.submittedOn, codeHash: null, token: null, answers: r.answers }));
  const outcomes = await storeResponses(tx, rows, today);
  if (outcomes.some((o) => o !== 'stored')) throw new Error('the responses were not stored');
  const channels = { PAPER: checked.filter((r) => r.channel === 'PAPER').length, PHONE: checked.filter((r) => r.channel === 'PHONE').length };
  await uow.record({ action: 'surveyResponses.enter', entityType: 'SurveyCampaign', entityId: campaignId, stationId: campaign.stationId, before: null, after: { count: checked.length, channels } });
  return checked.length;
}

export const enterSurveyResponses = (actor: Actor, campaignId: number, responses: readonly EnteredResponse[]) =>
  write(actor, (uow) => enterSurveyResponsesIn(uow, campaignId, responses));
