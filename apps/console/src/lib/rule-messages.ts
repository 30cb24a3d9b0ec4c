import { type ConsoleKey, type Lang, t } from '../i18n/index.ts';
import type { ApiProblem } from './api.ts';

const KNOWN: Partial<Record<string, ConsoleKey>> = {
  DATE_IN_FUTURE: 'rule.DATE_IN_FUTURE',
  DATE_OUT_OF_RANGE: 'rule.DATE_OUT_OF_RANGE',
  FIELD_REQUIRED: 'rule.FIELD_REQUIRED',
  BAD_USER_INPUT: 'rule.BAD_USER_INPUT',
  // console-admin: every other documented code a console form can receive (tests/console/rule-messages.test.ts).
  NOT_FOUND: 'rule.NOT_FOUND',
  UNAUTHENTICATED: 'rule.UNAUTHENTICATED',
  FORBIDDEN: 'rule.FORBIDDEN',
  CANNOT_DISABLE_SELF: 'rule.CANNOT_DISABLE_SELF',
  CANNOT_CHANGE_OWN_ACCESS: 'rule.CANNOT_CHANGE_OWN_ACCESS',
  STAFF_STATIONS_REQUIRED: 'rule.STAFF_STATIONS_REQUIRED',
  PASSWORD_TOO_SHORT: 'rule.PASSWORD_TOO_SHORT',
  WRONG_PASSWORD: 'rule.WRONG_PASSWORD',
  PARTNER_REQUIRED: 'rule.PARTNER_REQUIRED',
  CONFLICT: 'rule.CONFLICT',
  INVALID_STATE: 'rule.INVALID_STATE',
  QUERY_TOO_COMPLEX: 'rule.QUERY_TOO_COMPLEX',
  LOGIN_THROTTLED: 'rule.LOGIN_THROTTLED',
  RATE_LIMITED: 'rule.RATE_LIMITED',
  OPERATION_DOCUMENT_INVALID: 'rule.OPERATION_DOCUMENT_INVALID',
  REQUEST_ENTITY_TOO_LARGE: 'rule.REQUEST_ENTITY_TOO_LARGE',
  SURVEY_NOT_OPEN_YET: 'rule.SURVEY_NOT_OPEN_YET',
  SURVEY_CLOSED: 'rule.SURVEY_CLOSED',
  SURVEY_RESULTS_NOT_PUBLIC: 'rule.SURVEY_RESULTS_NOT_PUBLIC',
  SURVEY_LOCKED: 'rule.SURVEY_LOCKED',
  SURVEY_INCOMPLETE: 'rule.SURVEY_INCOMPLETE',
  CODE_GENERATION_FAILED: 'rule.CODE_GENERATION_FAILED',
  CODE_REQUIRED: 'rule.CODE_REQUIRED',
  CODE_MALFORMED: 'rule.CODE_MALFORMED',
  CODE_INVALID: 'rule.CODE_INVALID',
  CODE_USED: 'rule.CODE_USED',
  ANSWER_UNKNOWN_QUESTION: 'rule.ANSWER_UNKNOWN_QUESTION',
  ANSWER_DUPLICATE_QUESTION: 'rule.ANSWER_DUPLICATE_QUESTION',
  ANSWER_MISSING_REQUIRED: 'rule.ANSWER_MISSING_REQUIRED',
  ANSWER_INVALID: 'rule.ANSWER_INVALID',
  ANSWER_OUT_OF_RANGE: 'rule.ANSWER_OUT_OF_RANGE',
  ANSWER_TEXT_TOO_LONG: 'rule.ANSWER_TEXT_TOO_LONG',
  SERVICE_UNAVAILABLE: 'rule.SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'rule.INTERNAL_SERVER_ERROR',
  CLOSED_BEFORE_RECEIVED: 'rule.CLOSED_BEFORE_RECEIVED',
  CLOSED_ON_MISMATCH: 'rule.CLOSED_ON_MISMATCH',
  ROOM_RETIRED: 'rule.ROOM_RETIRED',
  LEAD_MEDIATOR_OF_ANOTHER_STATION: 'rule.LEAD_MEDIATOR_OF_ANOTHER_STATION',
  OFFICER_RETIRED: 'rule.OFFICER_RETIRED',
  EVENT_ENDS_BEFORE_START: 'rule.EVENT_ENDS_BEFORE_START',
  AREA_OF_ANOTHER_STATION: 'rule.AREA_OF_ANOTHER_STATION',
  AREA_RETIRED: 'rule.AREA_RETIRED',
  RESOLVED_BEFORE_CREATED: 'rule.RESOLVED_BEFORE_CREATED',
  PRIMARY_OFFICER_TAKEN: 'rule.PRIMARY_OFFICER_TAKEN',
  REPORT_PERIOD_NOT_ENDED: 'rule.REPORT_PERIOD_NOT_ENDED',
  REPORT_TITLE_MISMATCH: 'rule.REPORT_TITLE_MISMATCH',
  ACTION_BEFORE_ISSUE: 'rule.ACTION_BEFORE_ISSUE',
  METRIC_OUT_OF_RANGE: 'rule.METRIC_OUT_OF_RANGE',
  CAMPAIGN_OF_ANOTHER_STATION: 'rule.CAMPAIGN_OF_ANOTHER_STATION',
  EVENT_OF_ANOTHER_STATION: 'rule.EVENT_OF_ANOTHER_STATION',
  PRIORITY_LINK_INVALID: 'rule.PRIORITY_LINK_INVALID',
  MEDIATION_FIGURE_DIFFERS: 'rule.MEDIATION_FIGURE_DIFFERS',
  // Surveys and mediation (console-surveys)
  AREA_HAS_OFFICERS: 'rule.AREA_HAS_OFFICERS',
  SURVEY_CLOSES_AT_MIDNIGHT: 'rule.SURVEY_CLOSES_AT_MIDNIGHT',
  // Holiday hours and closures
  HOURS_ENDS_BEFORE_START: 'rule.HOURS_ENDS_BEFORE_START',
  HOURS_IN_PAST: 'rule.HOURS_IN_PAST',
  HOURS_TOO_LONG: 'rule.HOURS_TOO_LONG',
  HOURS_TIME_INVALID: 'rule.HOURS_TIME_INVALID',
  HOURS_CLOSES_BEFORE_OPENS: 'rule.HOURS_CLOSES_BEFORE_OPENS',
  HOURS_CLOSED_WITH_TIMES: 'rule.HOURS_CLOSED_WITH_TIMES',
  HOURS_OVERLAP: 'rule.HOURS_OVERLAP',
  // console-places
  PHOTO_TOO_LARGE: 'rule.PHOTO_TOO_LARGE',
  PHOTO_TYPE_UNSUPPORTED: 'rule.PHOTO_TYPE_UNSUPPORTED',
};

/** The field rules' own words (apps/api/src/field-rules.ts, zod's messages) and how the console says them. */
const DETAILS: readonly (readonly [string, ConsoleKey])[] = [
  ['must not be empty', 'detail.empty'],
  ['is at most 200 characters', 'detail.max200'],
  ['is at most 10,000 characters', 'detail.max10000'],
  ['has at most 50 items', 'detail.max50items'],
  ['lower-case letters, digits and hyphens', 'detail.slug'],
  ['digits, spaces and + - ( ) only', 'detail.phone'],
  ['must not be negative', 'detail.negative'],
  ['letters, digits and hyphens', 'detail.badge'],
  ['an email address', 'detail.email'],
];

/**
 * A field rule's message in the page's language: `dutyPhone: digits, spaces and + - ( ) only`
 * → `只能用数字、空格和 + - ( )` (the field is named by the form or the report's column); a
 * message no rule gives stays as the API wrote it.
 */
export function inputDetail(lang: Lang, message: string): string {
  const rule = message.replace(/^[\w.]+: /, '');
  const known = DETAILS.find(([words]) => rule === words);
  return known ? t(lang, known[1]) : message;
}

/** What to show beside a field the API refused: the rule in the page's language, else the API's own words. */
export function ruleMessage(lang: Lang, problem: Pick<ApiProblem, 'code' | 'message'> & Partial<ApiProblem>, today: string): string {
  // Input validation says an empty required text in its own words: it is the same rule as FIELD_REQUIRED.
  if (problem.code === 'BAD_USER_INPUT' && /must not be empty/i.test(problem.message)) return t(lang, 'rule.FIELD_REQUIRED');
  const message = problem.code === 'BAD_USER_INPUT' ? inputDetail(lang, problem.message) : problem.message;
  return t(lang, KNOWN[problem.code] ?? 'rule.other', { today, message });
}
