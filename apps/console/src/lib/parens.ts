import type { Lang } from '../i18n/index.ts';

/** `text` in brackets as the language writes them: full-width in Chinese, ` (…)` in English. */
export const inParens = (lang: Lang, text: string): string => (lang === 'zh' ? `（${text}）` : ` (${text})`);
