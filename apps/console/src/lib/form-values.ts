import { type Lang, t } from '../i18n/index.ts';
import type { ApiProblem } from './api.ts';
import { ruleMessage } from './rule-messages.ts';

/** A form's values as the browser sends them: every field a trimmed string. */
export type FormValues<F extends string> = Record<F, string>;

/** The fields `names` of a submitted form, trimmed; a missing field is the empty string. */
export function formValues<F extends string>(form: FormData, names: readonly F[]): FormValues<F> {
  const values = {} as FormValues<F>;
  for (const name of names) {
    const value = form.get(name);
    values[name] = typeof value === 'string' ? value.trim() : '';
  }
  return values;
}

/** The empty string as null (a cleared optional field). */
export const orNull = (value: string): string | null => (value === '' ? null : value);

/** A text in Chinese and optional English, as the API's localized inputs take it. */
export const localizedInput = (zh: string, en: string) => ({ zh, en: orNull(en) });

/** An optional localized text: null when both languages are empty. */
export const optionalLocalized = (zh: string, en: string) => (zh === '' && en === '' ? null : localizedInput(zh, en));

/** Whether any of `fields` differs between the current and the submitted values. */
export function changedAny<F extends string>(current: FormValues<F>, submitted: FormValues<F>, ...fields: F[]): boolean {
  return fields.some((f) => current[f] !== submitted[f]);
}

/** A whole number typed in a form (null when empty); NaN when it is not one. */
export function wholeNumber(value: string): number | null {
  if (value === '') return null;
  return /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
}

/** The fields among `names` that must hold a whole number and do not, with the message to show. */
export function notWholeNumbers<F extends string>(lang: Lang, values: FormValues<F>, names: readonly F[]): Partial<Record<F, string>> {
  const errors: Partial<Record<F, string>> = {};
  for (const name of names) if (Number.isNaN(wholeNumber(values[name]))) errors[name] = t(lang, 'form.wholeNumber');
  return errors;
}

/**
 * Places the API's problems next to the form's fields: `fieldOf` maps an input path
 * (`input.name.zh`, with the `input.` prefix taken off) to a form field; the rest are shown above the form.
 */
export function placeProblems<F extends string>(
  lang: Lang,
  problems: readonly ApiProblem[],
  fieldOf: Readonly<Record<string, F>>,
  today: string,
): { errors: Partial<Record<F, string>>; unplaced: string[] } {
  const errors: Partial<Record<F, string>> = {};
  const unplaced: string[] = [];
  for (const p of problems) {
    // The longest prefix of the path that names a field: `materials.en.2` → `materials.en`.
    const parts = (p.field?.replace(/^input\./, '') ?? '').split('.');
    let field: F | undefined;
    for (let n = parts.length; n > 0 && !field; n--) field = fieldOf[parts.slice(0, n).join('.')];
    const message = ruleMessage(lang, p, today);
    if (field && !errors[field]) errors[field] = message;
    else if (!field) unplaced.push(message);
  }
  return { errors, unplaced };
}

/** The fields among `names` left empty, each with `message` (checked before the API, whose input types refuse a missing value without naming the field). */
export function emptyRequired<F extends string>(values: FormValues<F>, names: readonly F[], message: string): Partial<Record<F, string>> {
  const errors: Partial<Record<F, string>> = {};
  for (const name of names) if (values[name] === '') errors[name] = message;
  return errors;
}
