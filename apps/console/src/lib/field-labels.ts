import { en } from '../i18n/en.ts';
import { type ConsoleKey, type Lang, t } from '../i18n/index.ts';

/**
 * A record's field (a database column, a CSV column) in the page's language (`dutyPhone` →
 * 工作电话), or the field itself when the console has no name for it.
 */
export function fieldLabel(lang: Lang, field: string): string {
  const key = `field.${field}`;
  return key in en ? t(lang, key as ConsoleKey) : field;
}
