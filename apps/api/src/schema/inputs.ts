import { builder } from '../builder.ts';
import { InputError, NotFoundError } from '../errors.ts';
import { line, lineList, prose } from '../field-rules.ts';
import { MAX_DATABASE_ID } from '../relay-nodes.ts';

export { count, line, prose, phone, slug, year } from '../field-rules.ts';

export const LocalizedLineInput = builder.inputType('LocalizedLineInput', {
  description: 'A short text in Chinese (required) and English (optional). In a patch, `en` left out keeps the English text and `null` clears it.',
  fields: (t) => ({
    zh: t.string({ required: true, validate: line }),
    en: t.string({ validate: line }),
  }),
});

export const LocalizedProseInput = builder.inputType('LocalizedProseInput', {
  description: 'A longer text in Chinese (required) and English (optional). In a patch, `en` left out keeps the English text and `null` clears it.',
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

/**
 * The database id inside a global id, checking that it names the expected type
 * (BAD_USER_INPUT) and a number an id can be (NOT_FOUND otherwise: no record has it).
 */
export function idFor(globalId: { typename: string; id: string }, typename: string, argument = 'id'): number {
  const id = Number(globalId.id);
  if (globalId.typename !== typename || !/^\d+$/.test(globalId.id)) {
    throw new InputError(`\`${argument}\` must be the id of a ${typename}.`, { argument, field: argument });
  }
  if (id < 1 || id > MAX_DATABASE_ID) throw new NotFoundError(`No ${typename} has this id.`, { entityType: typename, field: argument });
  return id;
}

/** Like {@link idFor} for an optional id: left out stays undefined, null stays null. */
export function optionalIdFor(globalId: { typename: string; id: string } | null | undefined, typename: string, argument: string) {
  return globalId == null ? globalId : idFor(globalId, typename, argument);
}
