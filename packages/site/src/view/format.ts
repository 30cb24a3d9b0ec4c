import { type Lang, t } from '../i18n/index.ts';
import { NUMBER_LOCALES as locales, signedPercent } from './change.ts';

export function formatNumber(value: number, lang: Lang, digits = 1): string {
  return new Intl.NumberFormat(locales[lang], { maximumFractionDigits: digits }).format(value);
}

/** `2026-07-16` → `2026年7月16日` / `16 July 2026` (dates are calendar dates, no time zone). */
export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  return new Intl.DateTimeFormat(locales[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

const utcDay = (iso: string) => {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
};

/** `2027-01-01` → `1月1日周五` / `Fri 1 Jan`, with the year when `withYear`: a day residents plan around, short enough for one line on a phone. */
export function formatDay(iso: string, lang: Lang, withYear = false): string {
  return new Intl.DateTimeFormat(locales[lang], { ...(withYear ? { year: 'numeric' } : {}), month: lang === 'zh' ? 'long' : 'short', day: 'numeric', weekday: 'short', timeZone: 'UTC' })
    .format(utcDay(iso))
    .replace(',', '');
}

/**
 * The days from `from` to `to` inclusive: `1月1日至3日`, `12月30日至1月2日` / `1 – 3 Jan`; the one
 * day (with its weekday) when they are equal. The year is written when `withYear`.
 */
export function formatDays(from: string, to: string, lang: Lang, withYear = false): string {
  if (from === to) return formatDay(from, lang, withYear);
  if (lang === 'en') {
    return new Intl.DateTimeFormat(locales.en, { ...(withYear ? { year: 'numeric' } : {}), month: 'short', day: 'numeric', timeZone: 'UTC' }).formatRange(utcDay(from), utcDay(to));
  }
  // Intl writes Chinese ranges as numbers (1/1 – 1/3); the stations write 1月1日至3日.
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  const start = `${withYear ? `${fy}年` : ''}${fm}月${fd}日`;
  const end = fy !== ty ? `${ty}年${tm}月${td}日` : fm !== tm ? `${tm}月${td}日` : `${td}日`;
  return `${start}至${end}`;
}

/** `09:00` → `9:00`, as the stations write their hours. */
export const formatTime = (hhmm: string): string => hhmm.replace(/^0(\d)/, '$1');

/** A date-time in China Standard Time, e.g. for events. */
export function formatDateTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locales[lang], { dateStyle: 'full', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(
    new Date(iso),
  );
}

const CHINESE_QUARTERS = ['一', '二', '三', '四'];

/** `2026年第三季度` / `Q3 2026`: quarters in Chinese numerals, as the stations title their reports. */
export function quarterLabel(year: number, quarter: number, lang: Lang): string {
  return t(lang, 'quarter.label', { year, q: lang === 'zh' ? (CHINESE_QUARTERS[quarter - 1] ?? quarter) : quarter });
}

/** A survey's half-year in words: `2026-H1` → `2026年上半年` / `January–June 2026`. */
export function halfYearLabel(period: string, lang: Lang): string {
  const match = /^(\d{4})-H([12])$/.exec(period);
  if (!match) return period;
  return t(lang, match[2] === '1' ? 'period.firstHalf' : 'period.secondHalf', { year: match[1] ?? '' });
}

/** An opening bracket with the space English puts before it: `（` / ` (`. */
export function openParen(lang: Lang): string {
  return lang === 'zh' ? '（' : ' (';
}

/** A closing bracket: `）` / `)`. */
export function closeParen(lang: Lang): string {
  return lang === 'zh' ? '）' : ')';
}

/** The colon that follows a label: full-width in Chinese. */
export function colon(lang: Lang): string {
  return lang === 'zh' ? '：' : ': ';
}

/** `+4.9%`, `−2.2%` or "no change"; empty when unknown. */
export function formatChange(percent: number | null, lang: Lang): string {
  if (percent === null) return '—';
  if (percent === 0) return t(lang, 'reports.noChange');
  return signedPercent(percent, lang);
}

export function formatPercent(rate: number | null, lang: Lang): string {
  return rate === null ? '—' : `${formatNumber(rate * 100, lang)}%`;
}
