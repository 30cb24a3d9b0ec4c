import { RuleError } from '../errors.ts';

/**
 * Updates are patches: a field left out (`undefined`) is unchanged, `null` clears it where
 * it may be empty. These helpers turn a patch into the columns to write.
 */

/** A text in Chinese (required) and English (optional). */
export interface Localized {
  zh: string;
  en?: string | null;
}

/** FIELD_REQUIRED for an explicit null on a field that cannot be empty. */
export function notNull<T>(value: T | null | undefined, field: string): T | undefined {
  if (value === null) throw new RuleError('FIELD_REQUIRED', field, `\`${field}\` cannot be cleared: give a value or leave it out.`);
  return value;
}

/**
 * A localized text as its `<base>Zh` / `<base>En` columns: left out → no columns; null →
 * both cleared (FIELD_REQUIRED when `required`); given → Chinese set, English set, cleared
 * by null or left as it is when left out.
 */
export function localized(base: string, value: Localized | null | undefined, field: string, required = false): Record<string, string | null> {
  if (value === undefined) return {};
  if (value === null) {
    if (required) notNull(value, field);
    return { [`${base}Zh`]: null, [`${base}En`]: null };
  }
  return {
    [`${base}Zh`]: value.zh.trim(),
    ...(value.en === undefined ? {} : { [`${base}En`]: value.en?.trim() || null }),
  };
}

/** The given fields of a patch (left-out ones dropped), with `null` kept as "clear". */
export function given<T extends Record<string, unknown>>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b);
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && 'toString' in a) return String(a) === String(b);
  return a === b;
}

/** The columns of `data` whose value differs from `before` (an empty object: nothing to write). */
export function changed<T extends Record<string, unknown>>(before: Record<string, unknown>, data: T): Partial<T> {
  return Object.fromEntries(Object.entries(data).filter(([key, value]) => !same(before[key], value))) as Partial<T>;
}

/** Whether a patch changes nothing. */
export const isEmpty = (data: Record<string, unknown>) => Object.keys(data).length === 0;
