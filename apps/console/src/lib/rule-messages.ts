import { type ConsoleKey, type Lang, t } from '../i18n/index.ts';
import type { ApiProblem } from './api.ts';

const KNOWN: Partial<Record<string, ConsoleKey>> = {
  DATE_IN_FUTURE: 'rule.DATE_IN_FUTURE',
  DATE_OUT_OF_RANGE: 'rule.DATE_OUT_OF_RANGE',
  FIELD_REQUIRED: 'rule.FIELD_REQUIRED',
  BAD_USER_INPUT: 'rule.BAD_USER_INPUT',
  REPORT_PERIOD_NOT_ENDED: 'rule.REPORT_PERIOD_NOT_ENDED',
  REPORT_TITLE_MISMATCH: 'rule.REPORT_TITLE_MISMATCH',
  ACTION_BEFORE_ISSUE: 'rule.ACTION_BEFORE_ISSUE',
  METRIC_OUT_OF_RANGE: 'rule.METRIC_OUT_OF_RANGE',
  CAMPAIGN_OF_ANOTHER_STATION: 'rule.CAMPAIGN_OF_ANOTHER_STATION',
  EVENT_OF_ANOTHER_STATION: 'rule.EVENT_OF_ANOTHER_STATION',
  PRIORITY_LINK_INVALID: 'rule.PRIORITY_LINK_INVALID',
  AREA_OF_ANOTHER_STATION: 'rule.AREA_OF_ANOTHER_STATION',
  AREA_RETIRED: 'rule.AREA_RETIRED',
  INVALID_STATE: 'rule.INVALID_STATE',
  CONFLICT: 'rule.CONFLICT',
  MEDIATION_FIGURE_DIFFERS: 'rule.MEDIATION_FIGURE_DIFFERS',
};

/** What to show beside a field the API refused: the rule in the page's language, else the API's own words. */
export function ruleMessage(lang: Lang, problem: Pick<ApiProblem, 'code' | 'message'>, today: string): string {
  // Input validation says an empty required text in its own (English) words: it is the same rule as FIELD_REQUIRED.
  if (problem.code === 'BAD_USER_INPUT' && /must not be empty/i.test(problem.message)) return t(lang, 'rule.FIELD_REQUIRED');
  return t(lang, KNOWN[problem.code] ?? 'rule.other', { today, message: problem.message });
}
