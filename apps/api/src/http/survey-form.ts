import { type Lang, localePath, t, type UiKey } from '@openstation/site/i18n';
import { surveyPath, surveyThanksPath } from '@openstation/site/routes';
import { localId } from '@openstation/site/global-id';
import { answeredCampaigns, answeredCookie, SUBMIT_SURVEY_MUTATION, type SurveySubmission, surveySubmission } from '@openstation/site/survey-form';
import type { ServerContext } from './context.ts';
import { firstErrorCode, graphqlInProcess, type InProcessApi } from './graphql-in-process.ts';
import { esc, htmlResponse, portalPage, stylesheets } from './portal-page.ts';
import { fillSurveyPage, readSurveyPage, type SurveyPageError, type SurveyPageFill, surveyFormOf, surveyPageOf } from './survey-page.ts';

/** The largest form body the route reads, in bytes. */
export const SURVEY_FORM_MAX_BYTES = 64 * 1024;

export interface SurveyFormOptions {
  /** Where the route hands the submission: the GraphQL server, called in-process. */
  api: InProcessApi;
  /** The built portal (`apps/portal/dist`): pages link its stylesheet when it exists. */
  portalRoot?: () => string;
  maxBytes?: number;
}

/** The message shown for each error code; anything else is {@link FALLBACK}. */
const MESSAGES: Record<string, UiKey> = {
  CODE_REQUIRED: 'survey.error.CODE_REQUIRED',
  CODE_MALFORMED: 'survey.error.CODE_MALFORMED',
  CODE_INVALID: 'survey.error.CODE_INVALID',
  CODE_USED: 'survey.error.CODE_USED',
  ALREADY_ANSWERED: 'survey.error.ALREADY_ANSWERED',
  FORM_TOKEN_USED: 'survey.error.FORM_TOKEN_USED',
  FORM_TOKEN_INVALID: 'survey.error.FORM_TOKEN_INVALID',
  FORM_TOKEN_REQUIRED: 'survey.error.FORM_TOKEN_REQUIRED',
  SURVEY_NOT_OPEN_YET: 'survey.error.SURVEY_NOT_OPEN_YET',
  SURVEY_CLOSED: 'survey.error.SURVEY_CLOSED',
  RATE_LIMITED: 'survey.error.RATE_LIMITED',
  NOT_FOUND: 'survey.error.NOT_FOUND',
  ANSWER_MISSING_REQUIRED: 'survey.error.ANSWER_MISSING_REQUIRED',
  ANSWER_TEXT_TOO_LONG: 'survey.error.ANSWER_TEXT_TOO_LONG',
  TOO_LARGE: 'survey.error.TOO_LARGE',
  BAD_REQUEST: 'survey.error.BAD_REQUEST',
  UNAVAILABLE: 'survey.error.UNAVAILABLE',
};
const FALLBACK: UiKey = 'survey.error.OTHER';

/** HTTP status of each refusal; any other client error is 400. */
const STATUS: Record<string, number> = {
  CODE_USED: 409,
  ALREADY_ANSWERED: 409,
  FORM_TOKEN_USED: 409,
  SURVEY_NOT_OPEN_YET: 409,
  SURVEY_CLOSED: 409,
  RATE_LIMITED: 429,
  NOT_FOUND: 404,
  TOO_LARGE: 413,
  UNSUPPORTED: 415,
  UNAVAILABLE: 503,
};

class FormError extends Error {
  readonly code: string;
  constructor(code: string) {
    super(code);
    this.code = code;
  }
}

/** The body as text, or TOO_LARGE once more than `max` bytes arrive. */
async function readBody(request: Request, max: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > max) throw new FormError('TOO_LARGE');
  if (!request.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new FormError('TOO_LARGE');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Refusals after which there is nothing more to answer: a page saying so, not the form again. */
const FINAL = new Set(['ALREADY_ANSWERED', 'FORM_TOKEN_USED', 'SURVEY_NOT_OPEN_YET', 'SURVEY_CLOSED', 'NOT_FOUND', 'UNSUPPORTED', 'TOO_LARGE', 'BAD_REQUEST']);

const ISSUE_FORM_TOKEN = 'mutation IssueSurveyFormToken($id: ID!) { issueSurveyFormToken(campaignId: $id) }';

interface Receipt {
  submitSurveyResponse?: { campaign: { station: { slug: string } } } | null;
}

interface Issued {
  issueSurveyFormToken?: string | null;
}

/**
 * `POST /survey/submit`: the portal's survey form without JavaScript. Reads the
 * url-encoded form (at most {@link SURVEY_FORM_MAX_BYTES}), submits it through the
 * `submitSurveyResponse` mutation of `api` in-process, as the client (so its submission
 * limit and budget apply), and answers 303 to the station's thanks page, or a page in the
 * portal's look saying what went wrong (400, 404, 409, 413, 415, 429). Neither the code nor
 * any answer is logged or shown back. An OPEN survey (a form without a code) takes one answer
 * per browser: an accepted one sets the {@link answeredCookie} cookie, and a form for a
 * campaign that cookie names is refused with ALREADY_ANSWERED (409) before it reaches the API.
 * Any other refusal that can be mended answers the survey page again (survey-page.ts) with
 * every answer given, a fresh form token and the error beside the question it names.
 *
 * `page` serves the built survey pages (`GET /{station}/survey/`) with a fresh form token and
 * the code from `?code=` filled in (`private, no-cache`: Back shows the page as it was, a new visit gets a new token); other paths go to `fallback`.
 */
export function createSurveyForm({ api, portalRoot, maxBytes = SURVEY_FORM_MAX_BYTES }: SurveyFormOptions) {
  async function refusal(lang: Lang, slug: string | null, code: string, headers: Record<string, string> = {}): Promise<Response> {
    const title = t(lang, 'survey.errorTitle');
    const back = slug
      ? `<p><a href="${esc(surveyPath(lang, slug))}">${esc(t(lang, 'survey.backToForm'))}</a></p>`
      : `<p><a href="${esc(localePath(lang, '/'))}">${esc(t(lang, 'nav.stations'))}</a></p>`;
    const message = code === 'UNSUPPORTED' ? MESSAGES.BAD_REQUEST : MESSAGES[code];
    const body =
      `<h1>${esc(title)}</h1><p class="alert" role="alert" data-code="${esc(code)}">${esc(t(lang, message ?? FALLBACK))}</p>` +
      `<p>${esc(t(lang, 'survey.errorNothingStored'))}</p>${back}`;
    const other: Lang = lang === 'zh' ? 'en' : 'zh';
    const otherHref = slug ? surveyPath(other, slug) : localePath(other, '/');
    const page = portalPage({ lang, title, otherHref, body, css: await stylesheets(portalRoot) });
    return htmlResponse(STATUS[code] ?? 400, page, headers);
  }

  /** The built survey page filled in for this client (a token of its own), or null when there is no such page or form. */
  async function filledPage(request: Request, context: ServerContext, lang: Lang, slug: string, fill: Omit<SurveyPageFill, 'token'>): Promise<string | null> {
    if (!portalRoot) return null;
    const html = await readSurveyPage(portalRoot(), lang, slug);
    const form = html ? surveyFormOf(html) : null;
    if (!html || !form) return null;
    let token: string | null = null;
    if (!form.coded) {
      const { answer } = await graphqlInProcess<Issued>(api, { request, context }, ISSUE_FORM_TOKEN, { id: form.campaignId });
      token = answer.data?.issueSurveyFormToken ?? null;
    }
    return fillSurveyPage(html, lang, { ...fill, token });
  }

  async function page(request: Request, context: ServerContext, fallback: (request: Request, context: ServerContext) => Promise<Response>): Promise<Response> {
    const url = new URL(request.url);
    const which = request.method === 'GET' || request.method === 'HEAD' ? surveyPageOf(url.pathname) : null;
    const html = which ? await filledPage(request, context, which.lang, which.slug, { code: url.searchParams.get('code') }) : null;
    if (!html) return fallback(request, context);
    const response = htmlResponse(200, html, { 'cache-control': 'private, no-cache' });
    return request.method === 'HEAD' ? new Response(null, { status: 200, headers: response.headers }) : response;
  }

  async function fetch(request: Request, context: ServerContext): Promise<Response> {
    const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') return refusal('zh', null, 'UNSUPPORTED');
    let form: URLSearchParams;
    try {
      form = new URLSearchParams(await readBody(request, maxBytes));
    } catch (error) {
      if (error instanceof FormError) return refusal('zh', null, error.code);
      throw error;
    }
    const lang: Lang = form.get('lang') === 'en' ? 'en' : 'zh';
    const stationField = form.get('station') ?? '';
    const slug = SLUG.test(stationField) ? stationField : null;
    const fields = [...form] as [string, string][];
    const input: SurveySubmission | null = surveySubmission(fields);
    if (!input) return refusal(lang, slug, 'BAD_REQUEST');
    const open = !form.has('code');
    const campaign = localId(input.campaignId);
    const cookies = request.headers.get('cookie');
    if (open && answeredCampaigns(cookies).includes(campaign)) return refusal(lang, slug, 'ALREADY_ANSWERED');
    const { answer, response } = await graphqlInProcess<Receipt>(api, { request, context }, SUBMIT_SURVEY_MUTATION, { input });
    const receipt = answer.data?.submitSurveyResponse;
    if (receipt) {
      const headers = new Headers({ location: surveyThanksPath(lang, receipt.campaign.station.slug), 'cache-control': 'no-cache' });
      if (open) headers.set('set-cookie', answeredCookie(cookies, campaign, new URL(request.url).protocol === 'https:'));
      return new Response(null, { status: 303, headers });
    }
    const code = firstErrorCode(answer);
    const known = code !== null && code !== 'INTERNAL_SERVER_ERROR' ? code : 'UNAVAILABLE';
    const retryAfter = response.headers.get('retry-after');
    const headers: Record<string, string> = retryAfter ? { 'retry-after': retryAfter } : {};
    if (slug && !FINAL.has(known)) {
      const questionId = answer.errors?.[0]?.extensions?.questionId;
      const error: SurveyPageError = { code: known, message: t(lang, MESSAGES[known] ?? FALLBACK), questionId: typeof questionId === 'number' ? questionId : null };
      const html = await filledPage(request, context, lang, slug, { fields, error });
      if (html) return htmlResponse(STATUS[known] ?? 400, html, headers);
    }
    return refusal(lang, slug, known, headers);
  }

  return { fetch, page };
}

export type SurveyForm = ReturnType<typeof createSurveyForm>;
