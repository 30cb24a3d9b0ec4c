/**
 * @packageDocumentation
 * The portal's addresses that other programs build too (the API's `/find-officer` route
 * redirects to them, its form routes answer at them): one rule, imported by both, so they
 * cannot drift apart.
 */

import { type Lang, localePath } from './i18n/index.ts';

/** The list of a station's areas and officers (`/qianling/officers/`, `/en/qianling/officers/`). */
export function officersPath(lang: Lang, stationSlug: string): string {
  return localePath(lang, `/${stationSlug}/officers/`);
}

/** The officers serving one area; `areaId` is the area's number (its database id). */
export function areaOfficersPath(lang: Lang, stationSlug: string, areaId: string | number): string {
  return localePath(lang, `/${stationSlug}/officers/${areaId}/`);
}

/**
 * Where the "type your community or village" form goes. The API process answers it (with or
 * without a trailing slash); on a static host the portal's own page at this address points
 * to the lists instead.
 */
export const FIND_OFFICER_PATH = '/find-officer';

/** The longest place name the form accepts. */
export const PLACE_MAX_LENGTH = 100;

/** Where the survey form posts (`application/x-www-form-urlencoded`); the API process answers it (with or without a trailing slash). */
export const SURVEY_SUBMIT_PATH = '/survey/submit';

/** A station's survey form (`/qiandeng/survey/`). */
export function surveyPath(lang: Lang, stationSlug: string): string {
  return localePath(lang, `/${stationSlug}/survey/`);
}

/** The page a successful submission lands on. */
export function surveyThanksPath(lang: Lang, stationSlug: string): string {
  return localePath(lang, `/${stationSlug}/survey/thanks/`);
}
