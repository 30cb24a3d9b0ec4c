import type { Lang } from '../i18n/index.ts';
import type { Text } from './text.ts';

/** Chinese counting units that English does not use, and what a figure in them is in plain units. */
const SCALED: Record<string, { factor: number; en: string }> = {
  万元: { factor: 10_000, en: 'yuan' },
  万人: { factor: 10_000, en: 'people' },
};

/**
 * A metric's figure and unit as a reader of `lang` expects them: in English, 3.1 万元 is
 * "31,000 yuan", not "3.1 10,000 yuan"; in Chinese the stored unit stays.
 */
export function metricFigure(value: number, unit: Text | undefined, lang: Lang): { value: number; unit: Text | undefined } {
  const scaled = unit ? SCALED[unit.zh] : undefined;
  if (lang !== 'en' || !unit || !scaled) return { value, unit };
  return { value: Math.round(value * scaled.factor), unit: { zh: unit.zh, en: scaled.en } };
}
