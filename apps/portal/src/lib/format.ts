import { type Lang, t } from '@openstation/site/i18n';

const locales: Record<Lang, string> = { zh: 'zh-CN', en: 'en-GB' };

export function formatNumber(value: number, lang: Lang, digits = 1): string {
  return new Intl.NumberFormat(locales[lang], { maximumFractionDigits: digits }).format(value);
}

/** `2026-07-16` → `2026年7月16日` / `16 July 2026` (dates are calendar dates, no time zone). */
export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  return new Intl.DateTimeFormat(locales[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A date-time in China Standard Time, e.g. for events. */
export function formatDateTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locales[lang], { dateStyle: 'full', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(
    new Date(iso),
  );
}

export function quarterLabel(year: number, quarter: number, lang: Lang): string {
  return t(lang, 'quarter.label', { year, q: quarter });
}

/** `+4.9%`, `−2.2%` or "no change"; empty when unknown. */
export function formatChange(percent: number | null, lang: Lang): string {
  if (percent === null) return '—';
  if (percent === 0) return t(lang, 'reports.noChange');
  const sign = percent > 0 ? '+' : '−';
  return `${sign}${formatNumber(Math.abs(percent), lang)}%`;
}

export function formatPercent(rate: number | null, lang: Lang): string {
  return rate === null ? '—' : `${formatNumber(rate * 100, lang)}%`;
}
