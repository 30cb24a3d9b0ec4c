import type { Lang } from '../i18n/index.ts';

/** The number locale of each language. */
export const NUMBER_LOCALES: Record<Lang, string> = { zh: 'zh-CN', en: 'en-GB' };

/** Change from `before` to `value` in per cent, to two decimals, as the API computes it; null without a non-zero `before`. */
export function changePercent(value: number, before: number | null): number | null {
  if (before === null || before === 0) return null;
  return Math.round(((value - before) / before) * 10000) / 100;
}

/** A non-zero change as `+4.9%` / `−2.2%` (one decimal, a real minus sign). */
export function signedPercent(percent: number, lang: Lang): string {
  const sign = percent > 0 ? '+' : '−';
  return `${sign}${new Intl.NumberFormat(NUMBER_LOCALES[lang], { maximumFractionDigits: 1 }).format(Math.abs(percent))}%`;
}
