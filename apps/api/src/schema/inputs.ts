import { z } from 'zod';
import { builder } from '../builder.ts';
import { InputError } from '../errors.ts';

/** Text of one line (names, titles): trimmed, 1 to 200 characters. */
export const line = z.string().trim().min(1, 'must not be empty').max(200, 'is at most 200 characters');
/** Longer text (descriptions, conditions): 1 to 10,000 characters. */
export const prose = z.string().trim().min(1, 'must not be empty').max(10_000, 'is at most 10,000 characters');
/** A URL name: lower-case letters, digits and hyphens. */
export const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case letters, digits and hyphens').max(80);
/** A phone number as printed: digits, spaces, +, -, parentheses. */
export const phone = z.string().regex(/^[0-9+()\- ]{3,30}$/, 'digits, spaces and + - ( ) only');
export const count = z.number().int().min(0, 'must not be negative');
export const year = z.number().int().min(1900).max(2100);

export const LocalizedLineInput = builder.inputType('LocalizedLineInput', {
  description: 'A short text in Chinese (required) and English (optional).',
  fields: (t) => ({
    zh: t.string({ required: true, validate: line }),
    en: t.string({ validate: line }),
  }),
});

export const LocalizedProseInput = builder.inputType('LocalizedProseInput', {
  description: 'A longer text in Chinese (required) and English (optional).',
  fields: (t) => ({
    zh: t.string({ required: true, validate: prose }),
    en: t.string({ validate: prose }),
  }),
});

export const LocalizedListInput = builder.inputType('LocalizedListInput', {
  description: 'A list of texts in Chinese and, optionally, the same number in English.',
  fields: (t) => ({
    zh: t.stringList({ required: true, validate: z.array(line).max(50) }),
    en: t.stringList({ validate: z.array(line).max(50) }),
  }),
});

/** `{ zh, en }` as the `<base>Zh` / `<base>En` columns. */
export function columns<B extends string>(base: B, text: { zh: string; en?: string | null }) {
  return { [`${base}Zh`]: text.zh.trim(), [`${base}En`]: text.en?.trim() || null } as Record<`${B}Zh`, string> &
    Record<`${B}En`, string | null>;
}

/** Like {@link columns} for an optional text: both columns null when it is absent. */
export function optionalColumns<B extends string>(base: B, text: { zh: string; en?: string | null } | null | undefined) {
  return {
    [`${base}Zh`]: text?.zh.trim() ?? null,
    [`${base}En`]: text?.en?.trim() || null,
  } as Record<`${B}Zh` | `${B}En`, string | null>;
}

/** The database id inside a global id, checking that it names the expected type. */
export function idFor(globalId: { typename: string; id: string }, typename: string, argument = 'id'): number {
  const id = Number(globalId.id);
  if (globalId.typename !== typename || !Number.isInteger(id)) {
    throw new InputError(`\`${argument}\` must be the id of a ${typename}.`, { argument });
  }
  return id;
}
