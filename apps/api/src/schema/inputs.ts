import { builder } from '../builder.ts';
import { InputError } from '../errors.ts';
import { line, lineList, prose } from '../field-rules.ts';

export { count, line, prose, phone, slug, year } from '../field-rules.ts';

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
    zh: t.stringList({ required: true, validate: lineList }),
    en: t.stringList({ validate: lineList }),
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
