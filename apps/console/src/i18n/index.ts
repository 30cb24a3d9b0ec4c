import { en, type ConsoleKey } from './en.ts';
import { zh } from './zh.ts';

/** The console's languages: Chinese at `/staff/`, English under `/staff/en/`. */
export type Lang = 'zh' | 'en';

const strings: Record<Lang, Record<ConsoleKey, string>> = { zh, en };

/** A UI string in `lang`, `{name}` placeholders filled in. */
export function t(lang: Lang, key: ConsoleKey, values: Record<string, string | number> = {}): string {
  return strings[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** The `<html lang>` of a page in `lang`. */
export function htmlLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

/** The console's base path. */
export const BASE = '/staff/';

/** The address of console page `path` (e.g. `officers/`) in `lang`. */
export function consolePath(lang: Lang, path = ''): string {
  return `${BASE}${lang === 'en' ? 'en/' : ''}${path}`;
}

/** The language and the language-neutral page path (`officers/`) of a console pathname. */
export function parseConsolePath(pathname: string): { lang: Lang; page: string } {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : '';
  if (rest === 'en' || rest.startsWith('en/')) return { lang: 'en', page: rest.slice(3) };
  return { lang: 'zh', page: rest };
}

/** A record's text in `lang`: its English when there is one, else its Chinese. */
export function localized(text: { zh: string; en?: string | null } | null | undefined, lang: Lang): string {
  if (!text) return '';
  return lang === 'en' && text.en ? text.en : text.zh;
}

export type { ConsoleKey };
