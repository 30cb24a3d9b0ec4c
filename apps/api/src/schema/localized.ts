import type { Locale } from '../context.ts';
import { builder } from '../builder.ts';

export const LocaleEnum = builder.enumType('Locale', {
  description: 'A language content is published in. Chinese (ZH) is always present.',
  values: { ZH: { value: 'ZH' }, EN: { value: 'EN' } } as const,
});

interface TextPair {
  zh: string;
  en: string | null;
}
interface TextListPair {
  zh: string[];
  en: string[];
}

export const LocalizedText = builder.objectRef<TextPair>('LocalizedText').implement({
  description:
    'Text in Chinese and, where translated, English. `text` is in the language the request asked for ' +
    '(Accept-Language), falling back to Chinese; `locale` says which language `text` is in.',
  fields: (t) => ({
    zh: t.exposeString('zh'),
    en: t.exposeString('en', { nullable: true }),
    text: t.string({ resolve: (p, _a, ctx) => (ctx.locale === 'EN' && p.en ? p.en : p.zh) }),
    locale: t.field({
      type: LocaleEnum,
      resolve: (p, _a, ctx): Locale => (ctx.locale === 'EN' && p.en ? 'EN' : 'ZH'),
    }),
  }),
});

export const LocalizedTextList = builder.objectRef<TextListPair>('LocalizedTextList').implement({
  description: 'A list of texts (materials, steps) in Chinese and, where translated, English; see LocalizedText.',
  fields: (t) => ({
    zh: t.exposeStringList('zh'),
    en: t.field({ type: ['String'], nullable: true, resolve: (p) => (p.en.length > 0 ? p.en : null) }),
    text: t.stringList({ resolve: (p, _a, ctx) => (ctx.locale === 'EN' && p.en.length > 0 ? p.en : p.zh) }),
    locale: t.field({
      type: LocaleEnum,
      resolve: (p, _a, ctx): Locale => (ctx.locale === 'EN' && p.en.length > 0 ? 'EN' : 'ZH'),
    }),
  }),
});

/** A `LocalizedText` built from a row's `<base>Zh` / `<base>En` columns. */
export function textOf(zh: string, en: string | null): TextPair {
  return { zh, en };
}

/** Same as {@link textOf} for optional text: null when there is no Chinese text. */
export function optionalTextOf(zh: string | null, en: string | null): TextPair | null {
  return zh === null ? null : { zh, en };
}

export function textListOf(zh: string[], en: string[]): TextListPair {
  return { zh, en };
}
