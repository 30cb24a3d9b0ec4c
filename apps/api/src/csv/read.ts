import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import type { Columns } from './cells.ts';
import type { Issue } from './issues.ts';

/** One record of the file, cells by column name (trimmed), with its spreadsheet row. */
export interface CsvRecord {
  row: number;
  cells: Record<string, string>;
}

export interface ReadResult {
  records: CsvRecord[];
  /** Problems with the file, its header (then no record is read) or a row's shape. */
  issues: Issue[];
}

/**
 * Reads a CSV file (UTF-8, with or without Excel's byte order mark, LF or CRLF line ends)
 * whose header must name every column in `columns` but those in `optional`, and nothing else.
 */
export function readCsv(input: string | Uint8Array, columns: Columns, optional: readonly string[] = []): ReadResult {
  let table: string[][];
  try {
    table = parse(input, { bom: true, relax_column_count: true });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const row = typeof error.lines === 'number' ? error.lines : 1;
    return { records: [], issues: [{ row, column: null, code: 'malformed_csv', message: error.message }] };
  }
  const [header, ...rows] = table;
  if (!header || header.every((cell) => cell.trim() === '')) {
    return { records: [], issues: [{ row: 1, column: null, code: 'empty_file', message: 'the file has no header row' }] };
  }
  const names = header.map((cell) => cell.trim());
  const issues: Issue[] = [];
  names.forEach((name, index) => {
    if (!(name in columns)) {
      issues.push({ row: 1, column: name, code: 'unknown_column', message: `unknown column "${name}"; columns are: ${Object.keys(columns).join(', ')}` });
    } else if (names.indexOf(name) !== index) {
      issues.push({ row: 1, column: name, code: 'duplicate_column', message: `column "${name}" appears more than once` });
    }
  });
  for (const name of Object.keys(columns)) {
    if (!names.includes(name) && !optional.includes(name)) {
      issues.push({ row: 1, column: name, code: 'missing_column', message: `the header has no "${name}" column (export-csv writes every column)` });
    }
  }
  if (issues.length > 0) return { records: [], issues };

  const records: CsvRecord[] = [];
  rows.forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((cell) => cell.trim() === '')) return;
    if (cells.length !== names.length) {
      issues.push({ row, column: null, code: 'field_count', message: `the row has ${cells.length} cells, the header ${names.length}` });
      return;
    }
    records.push({ row, cells: Object.fromEntries(names.map((name, i) => [name, (cells[i] ?? '').trim()])) });
  });
  return { records, issues };
}
