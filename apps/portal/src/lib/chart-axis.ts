import { type Lang, t } from '@openstation/site/i18n';
import { formatDate } from '@openstation/site/format';
import { buildDate, type Quarter, quarterOf } from './overdue.ts';

/** One period on a chart's horizontal axis: its short label, the year shown under the first of each year, and whether it is still running. */
export interface AxisPeriod {
  /** `Q1`…`Q4` (every period is labelled). */
  label: string;
  /** The year, under the first period of each year (and the first on the axis); otherwise empty. */
  year: string;
  /** The quarter has not ended on the build date: its figures so far. */
  provisional: boolean;
}

/** Axis labels for consecutive quarters, oldest first, judged against the build date. */
export function quarterAxis(quarters: Quarter[], today: Date = buildDate()): AxisPeriod[] {
  const now = quarterOf(today);
  return quarters.map((q, i) => ({
    label: `Q${q.quarter}`,
    year: i === 0 || q.quarter === 1 || quarters[i - 1]?.year !== q.year ? String(q.year) : '',
    provisional: q.year === now.year && q.quarter === now.quarter,
  }));
}

/** "so far, to 2 December" for a quarter that is still running on the build date. */
export function provisionalNote(lang: Lang, today: Date = buildDate()): string {
  const iso = today.toISOString().slice(0, 10);
  return t(lang, 'chart.provisional', { date: formatDate(iso, lang).replace(/^\d{4}年|\s\d{4}$/, '') });
}
