/**
 * @packageDocumentation
 * The survey form's codec: the names of its fields and how they become the
 * `submitSurveyResponse` input. The portal's form and its script, and the API's
 * no-JavaScript route, all read a form through this one file.
 */

import { globalId } from './global-id.ts';

/** The question types of a survey, as the API names them. */
export type SurveyAnswerType = 'SCALE5' | 'YES_NO' | 'SINGLE_CHOICE' | 'FREE_TEXT';

const ANSWER_TYPES: readonly SurveyAnswerType[] = ['SCALE5', 'YES_NO', 'SINGLE_CHOICE', 'FREE_TEXT'];

/** The value of a scale question's "don't know" radio button. */
export const SURVEY_DONT_KNOW = 'dk';

/**
 * The hidden field of an OPEN survey's form token (signed, single use): put in the page by the
 * server that serves it, or fetched by the form's script (`issueSurveyFormToken`).
 */
export const SURVEY_FORM_TOKEN_FIELD = 'formToken';

/** The longest free-text answer, in characters (the API's limit too). */
export const SURVEY_TEXT_MAX_LENGTH = 1000;

/** The form field of one question's answer: `answer:<type>:<question global id>`. */
export function surveyAnswerField(type: SurveyAnswerType, questionId: string): string {
  return `answer:${type}:${questionId}`;
}

/** The type and question of an answer field, or null when `name` is not one. */
export function parseSurveyAnswerField(name: string): { type: SurveyAnswerType; questionId: string } | null {
  const [prefix, type, questionId, ...rest] = name.split(':');
  const known = ANSWER_TYPES.find((t) => t === type);
  if (prefix !== 'answer' || !known || !questionId || rest.length > 0) return null;
  return { type: known, questionId };
}

/** One answer of {@link SurveySubmission}, as `submitSurveyResponse` takes it. */
export interface SurveyAnswer {
  questionId: string;
  value?: number;
  dontKnow?: boolean;
  choice?: number;
  text?: string;
}

/** The input of the `submitSurveyResponse` mutation, as the survey form fills it in. */
export interface SurveySubmission {
  campaignId: string;
  code?: string;
  formToken?: string;
  areaId?: string;
  website?: string;
  answers: SurveyAnswer[];
}

/** The mutation both the no-JavaScript route and the form's script send. */
export const SUBMIT_SURVEY_MUTATION = `mutation SubmitSurveyForm($input: SurveySubmissionInput!) {
  submitSurveyResponse(input: $input) { campaign { station { slug } } }
}`;

const WHOLE_NUMBER = /^-?\d{1,9}$/;

/**
 * The mutation's input from the survey form's fields, or null when a field cannot be read
 * (no campaign, a number that is not one). Only the shape is handled here: every rule is
 * the mutation's. Unanswered questions and empty text boxes are left out.
 */
export function surveySubmission(fields: Iterable<[string, string]>): SurveySubmission | null {
  const all = [...fields];
  const get = (name: string) => all.find(([n]) => n === name)?.[1]?.trim() ?? '';
  const campaignId = get('campaign');
  if (!campaignId) return null;
  const input: SurveySubmission = { campaignId, answers: [] };
  const code = get('code');
  if (code) input.code = code;
  const formToken = get(SURVEY_FORM_TOKEN_FIELD);
  if (formToken) input.formToken = formToken;
  const area = get('area');
  if (area) {
    if (!WHOLE_NUMBER.test(area)) return null;
    input.areaId = globalId('Area', Number(area));
  }
  const website = all.find(([n]) => n === 'website')?.[1];
  if (website) input.website = website;
  for (const [name, value] of all) {
    const field = parseSurveyAnswerField(name);
    if (!field) continue;
    const { type, questionId } = field;
    if (type === 'FREE_TEXT') {
      if (value.trim()) input.answers.push({ questionId, text: value });
    } else if (type === 'SCALE5' && value === SURVEY_DONT_KNOW) {
      input.answers.push({ questionId, dontKnow: true });
    } else if (!WHOLE_NUMBER.test(value)) {
      return null;
    } else if (type === 'SINGLE_CHOICE') {
      input.answers.push({ questionId, choice: Number(value) });
    } else {
      input.answers.push({ questionId, value: Number(value) });
    }
  }
  return input;
}

/**
 * The cookie that remembers, in the resident's browser only, which OPEN surveys it has
 * answered: `openstation-surveys=<campaign number>.<campaign number>…`. Both the form route
 * and the form's script refuse a second answer to the same campaign from the same browser.
 * Nothing of it is sent with or stored beside a response.
 */
export const SURVEY_ANSWERED_COOKIE = 'openstation-surveys';

/** How long the browser keeps the cookie: longer than any campaign (half-yearly, a few weeks open). */
export const SURVEY_ANSWERED_MAX_AGE_SECONDS = 200 * 24 * 60 * 60;

/** The campaign numbers in a `Cookie` header (or `document.cookie`). */
export function answeredCampaigns(cookies: string | null | undefined): string[] {
  for (const part of (cookies ?? '').split(';')) {
    const [name, value = ''] = part.trim().split('=');
    if (name === SURVEY_ANSWERED_COOKIE) return value.split('.').filter((id) => /^\d{1,12}$/.test(id));
  }
  return [];
}

/** The `Set-Cookie` value (or `document.cookie` assignment) that adds `campaign` to those answered (the 20 most recent are kept). */
export function answeredCookie(cookies: string | null | undefined, campaign: string, secure: boolean): string {
  const ids = [...answeredCampaigns(cookies).filter((id) => id !== campaign), campaign].slice(-20);
  return `${SURVEY_ANSWERED_COOKIE}=${ids.join('.')}; Path=/; Max-Age=${SURVEY_ANSWERED_MAX_AGE_SECONDS}; SameSite=Lax${secure ? '; Secure' : ''}`;
}
