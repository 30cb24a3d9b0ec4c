/**
 * @packageDocumentation
 * The UI strings of the portal and of the pages the API renders in its look: one file per
 * language, English (`en.ts`) the key source, and the helpers that pick and fill them in.
 */

import { en, type UiKey } from './en.ts';
import { zh } from './zh.ts';

/** The portal's languages: Chinese at `/`, English under `/en/`. */
export type Lang = 'zh' | 'en';
/** Every {@link Lang}, Chinese first. */
export const LANGS: readonly Lang[] = ['zh', 'en'];

const strings: Record<Lang, Record<UiKey, string>> = { zh, en };

/** The `<html lang>` value of a page in `lang`. */
export function htmlLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

/** A UI string, with `{name}` placeholders filled in. */
export function t(lang: Lang, key: UiKey, values: Record<string, string | number> = {}): string {
  return strings[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** Whether a string exists for an enum value (`role.DIRECTOR`), so unknown values show as-is. */
export function label(lang: Lang, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return key in en ? t(lang, key as UiKey) : value;
}

/** The path of `path` (written for Chinese, e.g. `/zhuze/`) in `lang`. */
export function localePath(lang: Lang, path: string): string {
  return lang === 'zh' ? path : `/en${path}`;
}

/** The language-neutral path of a page path (`/en/zhuze/` → `/zhuze/`). */
export function neutralPath(path: string): string {
  return path.startsWith('/en/') ? path.slice(3) : path === '/en' ? '/' : path;
}

/** The name of a UI string: a key of `en.ts`. */
export type { UiKey };
