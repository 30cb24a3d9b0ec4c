import { type ConsoleKey, type Lang, t } from '../i18n/index.ts';
import type { ApiProblem } from './api.ts';

const KNOWN: Partial<Record<string, ConsoleKey>> = {
  DATE_IN_FUTURE: 'rule.DATE_IN_FUTURE',
  DATE_OUT_OF_RANGE: 'rule.DATE_OUT_OF_RANGE',
  FIELD_REQUIRED: 'rule.FIELD_REQUIRED',
  BAD_USER_INPUT: 'rule.BAD_USER_INPUT',
  // Surveys and mediation (console-surveys)
  CLOSED_ON_MISMATCH: 'rule.CLOSED_ON_MISMATCH',
  CLOSED_BEFORE_RECEIVED: 'rule.CLOSED_BEFORE_RECEIVED',
  CONFLICT: 'rule.CONFLICT',
  SURVEY_INCOMPLETE: 'rule.SURVEY_INCOMPLETE',
};

/** What to show beside a field the API refused: the rule in the page's language, else the API's own words. */
export function ruleMessage(lang: Lang, problem: ApiProblem, today: string): string {
  return t(lang, KNOWN[problem.code] ?? 'rule.other', { today, message: problem.message });
}
