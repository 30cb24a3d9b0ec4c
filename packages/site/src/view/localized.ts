import type { Text, TextList } from './text.ts';
import type { Lang } from '../i18n/index.ts';

export interface Picked<T> {
  value: T;
  /** The language `value` is in. */
  lang: Lang;
  /** True when English was asked for but only Chinese exists. */
  fallback: boolean;
}

/** Content text in `lang`, falling back to Chinese. */
export function pick(text: Text, lang: Lang): Picked<string> {
  if (lang === 'en' && text.en) return { value: text.en, lang: 'en', fallback: false };
  return { value: text.zh, lang: 'zh', fallback: lang === 'en' };
}

/** Same as {@link pick} for lists (materials, steps). */
export function pickList(list: TextList, lang: Lang): Picked<string[]> {
  if (lang === 'en' && list.en && list.en.length > 0) return { value: list.en, lang: 'en', fallback: false };
  return { value: list.zh, lang: 'zh', fallback: lang === 'en' };
}

/** Plain text in `lang` (titles, attributes), Chinese when untranslated. */
export function plain(text: Text, lang: Lang): string {
  return pick(text, lang).value;
}
