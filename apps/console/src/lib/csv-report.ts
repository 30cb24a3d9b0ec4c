import { en } from '../i18n/en.ts';
import { type ConsoleKey, type Lang, t } from '../i18n/index.ts';
import type { CsvIssue } from './csv-queries.ts';
import { inputDetail, ruleMessage } from './rule-messages.ts';

const isKey = (key: string): key is ConsoleKey => key in en;

/**
 * A problem of an imported row in the page's language: the import's own codes (docs/csv.md,
 * `unknown_area`, …), a cell's rule with its detail translated, or a content rule's code
 * (`DATE_IN_FUTURE`) as the forms say it.
 */
export function csvIssueMessage(lang: Lang, issue: CsvIssue, today: string): string {
  if (issue.code === 'invalid') return t(lang, 'csvIssue.invalid', { detail: inputDetail(lang, issue.message) });
  const own = `csvIssue.${issue.code}`;
  if (isKey(own)) return t(lang, own);
  return ruleMessage(lang, { code: issue.code, message: issue.message, field: issue.column }, today);
}

/** Where a downloaded list is saved: `officers-zhuze-2026-12-02.csv`. */
export function csvFileName(kind: string, station: string | null, today: string): string {
  return `${kind.toLowerCase().replace(/_/g, '-')}-${station ?? 'all'}-${today}.csv`;
}
