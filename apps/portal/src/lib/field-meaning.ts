import { type Lang, t, type UiKey } from '@openstation/site/i18n';
import { formatNumber } from '@openstation/site/format';
import type { Field } from './open-data.ts';
import { LOW_SAMPLE_MAX_INTERVAL_WIDTH, LOW_SAMPLE_MIN_ANSWERS } from './survey-caveat.ts';

/**
 * What a published field means, in `lang`: the one wording each table page's dictionary,
 * the CSVW metadata, the DCAT catalogue and the schema.org Dataset all use.
 */
export function fieldMeaning(field: Field, lang: Lang): string {
  return t(lang, `field.${field.name}` as UiKey, { min: LOW_SAMPLE_MIN_ANSWERS, points: formatNumber((LOW_SAMPLE_MAX_INTERVAL_WIDTH * 100) / 2, lang) });
}
