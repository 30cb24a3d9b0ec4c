import type { Prisma, PrismaClient, SurveyChannel } from '@openstation/db';
import { ClientError, InputError, NotFoundError, StateError } from '../errors.ts';
import { type AnswerInput, type AnswerRow, validateAnswers } from '../survey/answers.ts';
import { campaignPhase, chinaToday } from '../survey/calendar.ts';
import { hashInvitationCode, normaliseInvitationCode } from '../survey/codes.ts';
import { type FormTokenClaim, readFormToken } from '../survey/form-token.ts';
import { authorize } from './access.ts';
import type { Actor } from './actor.ts';
import { surveyFormKey } from './survey-form-tokens.ts';
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

/** A published campaign taking answers today, or NOT_FOUND / SURVEY_NOT_OPEN_YET / SURVEY_CLOSED. */
async function openCampaign(prisma: PrismaClient, campaignId: number, today: string): Promise<Campaign> {
  const campaign = await prisma.surveyCampaign.findUnique({ where: { id: campaignId }, select: CAMPAIGN_SELECT });
  if (!campaign || campaign.status !== 'PUBLISHED') throw new NotFoundError('No survey has this id.', { entityType: 'SurveyCampaign' });
  const phase = campaignPhase(campaign, today);
  if (phase === 'NOT_YET_OPEN') throw new ClientError('SURVEY_NOT_OPEN_YET', 'This survey does not take answers yet.');
  if (phase === 'CLOSED') throw new ClientError('SURVEY_CLOSED', 'This survey has closed.');
  return campaign;
}

async function checkArea(prisma: PrismaClient, campaign: Campaign, areaId: number | null | undefined): Promise<void> {
  if (areaId == null) return;
  const area = await prisma.area.findFirst({ where: { id: areaId, stationId: campaign.stationId, retiredAt: null }, select: { id: true } });
  if (!area) throw new InputError('`input.areaId` must be an area of the survey\'s station.', { argument: 'input.areaId' });
}

function rulesOf(campaign: Campaign) {
  return campaign.questions.map((q) => ({ id: q.id, type: q.type, required: q.required, options: q.optionsZh.length }));
}

/**
 * The response and its answers in one statement (atomic by itself). With a code hash, the
 * code is claimed first by a conditional update: the response is inserted only from the
 * claimed row, so of concurrent submissions of one code exactly one stores anything. With a
 * form token's nonce ($11), the nonce is spent the same way (an insert that does nothing if
 * it is already there), and expired nonces are cleared. Returns the number of responses
 * stored (0 or 1). No column of the response refers to the code or the nonce.
 */
const STORE = `
WITH spend AS (
  INSERT INTO "SpentSurveyFormToken" ("nonce", "campaignId", "expiresOn")
  SELECT $11::text, $2::int, $12::text::date WHERE $11::text IS NOT NULL
  ON CONFLICT DO NOTHING
  RETURNING 1
), purge AS (
  DELETE FROM "SpentSurveyFormToken" WHERE $11::text IS NOT NULL AND "expiresOn" < $5::text::date - 1
), claim AS (
  UPDATE "InvitationCode" SET "used" = true
  WHERE $1::text IS NOT NULL AND "codeHash" = $1::text AND "campaignId" = $2::int AND "used" = false
  RETURNING "areaId"
), source AS (
  SELECT "areaId" FROM claim
  UNION ALL
  SELECT NULL::int WHERE $1::text IS NULL AND ($11::text IS NULL OR EXISTS (SELECT 1 FROM spend))
), response AS (
  INSERT INTO "SurveyResponse" ("campaignId", "areaId", "channel", "submittedOn")
  SELECT $2::int, COALESCE($3::int, source."areaId"), $4::text::"SurveyChannel", $5::text::date FROM source
  RETURNING "id"
), answers AS (
  INSERT INTO "SurveyAnswer" ("responseId", "questionId", "value", "dontKnow", "choice", "text")
  SELECT response."id", a.q, a.v, a.d, a.c, a.t
  FROM response, unnest($6::int[], $7::int[], $8::bool[], $9::int[], $10::text[]) AS a(q, v, d, c, t)
  RETURNING 1
)
SELECT (SELECT count(*) FROM response)::int AS stored, (SELECT count(*) FROM answers)::int AS answers`;

/**
 * Stores one response and its answers; with `codeHash`, marks that code used in the same
 * statement (see {@link STORE}) or throws CODE_USED / CODE_INVALID and stores nothing; with
 * `token`, spends its nonce the same way or throws FORM_TOKEN_USED.
 */
async function storeResponse(
  tx: Prisma.TransactionClient | PrismaClient,
  response: { campaignId: number; areaId: number | null; channel: SurveyChannel; submittedOn: string; answers: readonly AnswerRow[] },
  codeHash: string | null,
  token: FormTokenClaim | null = null,
): Promise<void> {
  const { answers } = response;
  const rows = await tx.$queryRawUnsafe<Array<{ stored: number }>>(
    STORE,
    codeHash,
    response.campaignId,
    response.areaId,
    response.channel,
    response.submittedOn,
    answers.map((a) => a.questionId),
    answers.map((a) => a.value),
    answers.map((a) => a.dontKnow),
    answers.map((a) => a.choice),
    answers.map((a) => a.text),
    token?.nonce ?? null,
    token?.expiresOn ?? null,
  );
  if (Number(rows[0]?.stored) === 1) return;
  if (token) throw new ClientError('FORM_TOKEN_USED', 'This form has already been sent: a survey takes one answer per form.', { field: 'input.formToken' });
  if (codeHash === null) throw new Error('the response was not stored');
  const code = await tx.invitationCode.findFirst({ where: { codeHash, campaignId: response.campaignId }, select: { used: true } });
  if (code) throw new ClientError('CODE_USED', 'This invitation code has already been used.');
  throw new ClientError('CODE_INVALID', 'This invitation code is not valid for this survey.');
}

/** Counts an accepted web submission against the client's limit, or throws RATE_LIMITED. */
export type SubmissionLimit = () => Promise<void>;

/**
 * A resident's web submission: checks the campaign, the code (CODE campaigns) or the form
 * token (OPEN campaigns, see survey/form-token.ts), the area and
 * every answer, then (OPEN campaigns) counts it against the client's limit, and stores it; or
 * throws a documented error and stores nothing. Only submissions that would be stored count
 * against the limit: a refused one (a missing answer, a closed survey) costs the client nothing. A filled honeypot gets the same receipt and stores nothing. Needs
 * no staff role and is not audited; the response and its answers (and the code's claim) are
 * one SQL statement, atomic without a transaction.
 */
export async function submitSurveyResponse(actor: Actor, input: SubmissionInput, limit: SubmissionLimit, now = new Date()): Promise<SubmissionReceipt> {
  const { prisma } = actor;
  const today = chinaToday(now);
  const campaign = await openCampaign(prisma, input.campaignId, today);
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
  const answers = validateAnswers(rulesOf(campaign), input.answers);
  if (campaign.accessMode !== 'CODE') await limit();
  const receipt = { campaignId: campaign.id, submittedOn: today };
  if (input.website?.trim()) return receipt;
  const response = { campaignId: campaign.id, areaId: input.areaId ?? null, channel: 'WEB' as const, submittedOn: today, answers };
  await storeResponse(prisma, response, codeHash, token);
  return receipt;
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
 * stores all of them in `uow` (reads too: PGlite has one connection), or throws the first
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
  for (const response of checked) {
    await storeResponse(tx, { campaignId, areaId: response.areaId ?? null, channel: response.channel, submittedOn: response.submittedOn, answers: response.answers }, null);
  }
  const channels = { PAPER: checked.filter((r) => r.channel === 'PAPER').length, PHONE: checked.filter((r) => r.channel === 'PHONE').length };
  await uow.record({ action: 'surveyResponses.enter', entityType: 'SurveyCampaign', entityId: campaignId, stationId: campaign.stationId, before: null, after: { count: checked.length, channels } });
  return checked.length;
}

export const enterSurveyResponses = (actor: Actor, campaignId: number, responses: readonly EnteredResponse[]) =>
  write(actor, (uow) => enterSurveyResponsesIn(uow, campaignId, responses));
