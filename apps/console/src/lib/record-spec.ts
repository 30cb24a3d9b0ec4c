import type { ConsoleKey } from '../i18n/index.ts';
import { emptyRequired, type FormValues, formValues, localizedInput, optionalLocalized, orNull, wholeNumber } from './form-values.ts';

/**
 * How the volunteer team, event and mediation room forms are described: one list of fields
 * per kind of record, from which the form, its pre-filled values, the create input, the patch
 * and the placing of the API's errors all follow. (These records are flat; areas, officers and
 * service items have forms of their own.)
 */
export type FieldKind = 'line' | 'prose' | 'count' | 'datetime' | 'choice' | 'text';

export interface FieldSpec {
  /** The input's field (`name`, `areaId`); a localized one is two form fields, `nameZh` and `nameEn`. */
  key: string;
  kind: FieldKind;
  label: ConsoleKey;
  /** Whether it is localized ({ zh, en }). */
  localized?: boolean;
  required?: boolean;
  /** A choice's options: a fixed list of values with their labels, or the station's areas or officers. */
  choices?: 'eventKinds' | 'areas' | 'officers';
  /** The form value of the record's field, when it is not the field itself (`area.id` for `areaId`). */
  read?: (record: Record<string, unknown>) => string | null;
  hint?: ConsoleKey;
}

/** The form fields of a spec, in order. */
export function formFields(spec: readonly FieldSpec[]): string[] {
  return spec.flatMap((f) => (f.localized ? [`${f.key}Zh`, `${f.key}En`] : [f.key]));
}

/** `2026-05-01T02:00:00.000Z` → `2026-05-01T10:00` (China time, as a datetime-local input shows it). */
export const chinaLocal = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16);
/** `2026-05-01T10:00` (China time) → an ISO date-time with its offset. */
const fromChinaLocal = (value: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+08:00` : value);

/** An empty form. */
export const emptyForm = (spec: readonly FieldSpec[], initial: Record<string, string> = {}): FormValues<string> => ({
  ...Object.fromEntries(formFields(spec).map((name) => [name, ''])),
  ...initial,
});

/** The form pre-filled from a record. */
export function recordForm(spec: readonly FieldSpec[], record: Record<string, unknown>): FormValues<string> {
  const form = emptyForm(spec);
  for (const f of spec) {
    const value = f.read ? f.read(record) : record[f.key];
    if (f.localized) {
      const text = value as { zh?: string; en?: string | null } | null;
      form[`${f.key}Zh`] = text?.zh ?? '';
      form[`${f.key}En`] = text?.en ?? '';
    } else if (value === null || value === undefined) form[f.key] = '';
    else form[f.key] = f.kind === 'datetime' ? chinaLocal(String(value)) : String(value);
  }
  return form;
}

export const submittedRecordForm = (spec: readonly FieldSpec[], form: FormData): FormValues<string> => formValues(form, formFields(spec));

/** A field's input value from the form. */
function inputOf(f: FieldSpec, form: FormValues<string>): unknown {
  if (f.localized) {
    const zh = form[`${f.key}Zh`] ?? '';
    const en = form[`${f.key}En`] ?? '';
    return f.required ? localizedInput(zh, en) : optionalLocalized(zh, en);
  }
  const value = form[f.key] ?? '';
  if (f.kind === 'count') return wholeNumber(value);
  if (f.kind === 'datetime') return value === '' ? null : fromChinaLocal(value);
  return f.required ? value : orNull(value);
}

/** Every field, for a new record. */
export function recordInput(spec: readonly FieldSpec[], form: FormValues<string>): Record<string, unknown> {
  return Object.fromEntries(spec.map((f) => [f.key, inputOf(f, form)]));
}

/** Only the fields that changed (a field left out is unchanged). */
export function recordPatch(spec: readonly FieldSpec[], current: FormValues<string>, submitted: FormValues<string>): Record<string, unknown> {
  const changed = (f: FieldSpec) => (f.localized ? [`${f.key}Zh`, `${f.key}En`] : [f.key]).some((n) => current[n] !== submitted[n]);
  return Object.fromEntries(spec.filter(changed).map((f) => [f.key, inputOf(f, submitted)]));
}

/** The form field of each input path the API may name. */
export function recordFieldOf(spec: readonly FieldSpec[]): Record<string, string> {
  return Object.fromEntries(
    spec.flatMap((f) => (f.localized ? [[f.key, `${f.key}Zh`], [`${f.key}.zh`, `${f.key}Zh`], [`${f.key}.en`, `${f.key}En`]] : [[f.key, f.key]])),
  );
}

/** The fields that must hold whole numbers. */
export const countFields = (spec: readonly FieldSpec[]) => spec.filter((f) => f.kind === 'count').map((f) => f.key);

/** The required fields left empty, each with `message`. */
export function missingRequired(spec: readonly FieldSpec[], values: FormValues<string>, message: string): Partial<Record<string, string>> {
  return emptyRequired(values, spec.filter((f) => f.required).map((f) => (f.localized ? `${f.key}Zh` : f.key)), message);
}
