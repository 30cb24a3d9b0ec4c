import { type ConsoleKey, type Lang, t } from '../i18n/index.ts';
import type { ApiProblem } from './api.ts';

const KNOWN: Partial<Record<string, ConsoleKey>> = {
  DATE_IN_FUTURE: 'rule.DATE_IN_FUTURE',
  DATE_OUT_OF_RANGE: 'rule.DATE_OUT_OF_RANGE',
  FIELD_REQUIRED: 'rule.FIELD_REQUIRED',
  BAD_USER_INPUT: 'rule.BAD_USER_INPUT',
  // console-places
  AREA_RETIRED: 'rule.AREA_RETIRED',
  OFFICER_RETIRED: 'rule.OFFICER_RETIRED',
  PRIMARY_OFFICER_TAKEN: 'rule.PRIMARY_OFFICER_TAKEN',
  AREA_OF_ANOTHER_STATION: 'rule.AREA_OF_ANOTHER_STATION',
  CONFLICT: 'rule.CONFLICT',
  FORBIDDEN: 'rule.FORBIDDEN',
  NOT_FOUND: 'rule.NOT_FOUND',
  PHOTO_TOO_LARGE: 'rule.PHOTO_TOO_LARGE',
  PHOTO_TYPE_UNSUPPORTED: 'rule.PHOTO_TYPE_UNSUPPORTED',
  EVENT_ENDS_BEFORE_START: 'rule.EVENT_ENDS_BEFORE_START',
  LEAD_MEDIATOR_OF_ANOTHER_STATION: 'rule.LEAD_MEDIATOR_OF_ANOTHER_STATION',
};

/** What to show beside a field the API refused: the rule in the page's language, else the API's own words. */
export function ruleMessage(lang: Lang, problem: ApiProblem, today: string): string {
  return t(lang, KNOWN[problem.code] ?? 'rule.other', { today, message: problem.message });
}
