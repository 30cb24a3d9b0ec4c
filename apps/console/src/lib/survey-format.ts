import { type Lang, t } from '../i18n/index.ts';
import type { Proportion } from './survey-queries.ts';

const LOCALES: Record<Lang, string> = { zh: 'zh-CN', en: 'en-GB' };

/** A half-year label (`2027-H1`) as people say it: 2027年上半年 / January–June 2027. */
export function periodLabel(lang: Lang, period: string): string {
  const [year = '', half = ''] = period.split('-');
  return t(lang, half === 'H2' ? 'surveys.periodH2' : 'surveys.periodH1', { year });
}

/** A share from 0 to 1 as a whole percentage (`67%`), never a raw decimal. */
export function percent(lang: Lang, share: number): string {
  return new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A share with its 95% interval: `67%（52%–79%）`, or a dash when nothing was counted. */
export function shareWithInterval(lang: Lang, p: Proportion | null): string {
  if (!p || p.share === null) return '—';
  const interval = p.low !== null && p.high !== null ? `${percent(lang, p.low)}–${percent(lang, p.high)}` : '';
  if (!interval) return percent(lang, p.share);
  return lang === 'zh' ? `${percent(lang, p.share)}（${interval}）` : `${percent(lang, p.share)} (${interval})`;
}

/** A mean score with one decimal (`4.1`), or a dash. */
export function meanScore(lang: Lang, mean: number | null): string {
  if (mean === null) return '—';
  return new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(mean);
}

/** A change of share in percentage points (`+5` / `−3`), or a dash. */
export function pointsChange(lang: Lang, delta: number | null | undefined): string {
  if (delta === null || delta === undefined) return '—';
  const points = Math.round(delta * 100);
  const sign = points > 0 ? '+' : points < 0 ? '−' : '±';
  return t(lang, 'results.points', { value: `${sign}${Math.abs(points)}` });
}
