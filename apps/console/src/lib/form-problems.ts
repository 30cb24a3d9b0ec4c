import type { Lang } from '../i18n/index.ts';
import type { ApiProblem } from './api.ts';
import { ruleMessage } from './rule-messages.ts';

/** The API's refusals of a form, placed: each next to the form field it names, the rest above the form. */
export interface PlacedProblems<F extends string> {
  errors: Partial<Record<F, string>>;
  unplaced: string[];
}

/**
 * Places `problems` with `fieldOf`, which names the form field of an API input path
 * (`input.email` → `email`) or null; the messages in the page's language.
 */
export function placeProblems<F extends string>(lang: Lang, problems: readonly ApiProblem[], today: string, fieldOf: (apiField: string) => F | null): PlacedProblems<F> {
  const errors: Partial<Record<F, string>> = {};
  const unplaced: string[] = [];
  for (const problem of problems) {
    const field = problem.field ? fieldOf(problem.field) : null;
    const message = ruleMessage(lang, problem, today);
    if (field && !errors[field]) errors[field] = message;
    else if (!field) unplaced.push(message);
  }
  return { errors, unplaced };
}
