import type { ImportReport } from './import.ts';

/** The issues as a table for people, one line each (empty when there are none). */
export function formatIssues(report: ImportReport): string {
  if (report.issues.length === 0) return '';
  const header = ['row', 'column', 'code', 'message'];
  const cells = report.issues.map((issue) => [String(issue.row), issue.column ?? '-', issue.code, issue.message]);
  const widths = header.slice(0, 3).map((title, i) => Math.max(title.length, ...cells.map((row) => row[i]?.length ?? 0)));
  const format = (row: string[]) => row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i] ?? 0) : cell)).join('  ');
  return `${[header, ...cells].map(format).join('\n')}\n`;
}

/** One sentence: how many rows, how many invalid, what was written. */
export function summary(report: ImportReport): string {
  const { created, updated, unchanged, skipped } = report.counts;
  const counts = `${created} created, ${updated} updated, ${unchanged} unchanged`;
  const invalid = `${report.invalidRows.length} of ${report.rows} rows invalid`;
  if (report.dryRun) return `${report.kind}: dry run, nothing written; ${invalid}; would be ${counts}.`;
  if (report.imported) return `${report.kind}: ${counts}${skipped > 0 ? `; ${invalid}, skipped` : ''}.`;
  if (report.invalidRows.length === 0) return `${report.kind}: the file cannot be read; nothing imported.`;
  return `${report.kind}: ${invalid}; nothing imported (--valid-only imports the ${report.outcomes.length} valid rows).`;
}
