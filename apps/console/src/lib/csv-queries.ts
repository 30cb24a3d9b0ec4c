import { gql } from '@urql/core';

/** The kinds of list CSV moves (`CsvKind`). */
export const CSV_KINDS = ['OFFICERS', 'AREAS', 'SERVICE_ITEMS'] as const;
export type CsvKind = (typeof CSV_KINDS)[number];

/** One problem of an imported file. */
export interface CsvIssue {
  row: number;
  column: string | null;
  code: string;
  message: string;
}

/** What an import found and did (`CsvImportReport`). */
export interface CsvReport {
  rows: number;
  dryRun: boolean;
  imported: boolean;
  invalidRows: number[];
  counts: { created: number; updated: number; unchanged: number; skipped: number };
  issues: CsvIssue[];
  outcomes: { row: number; outcome: 'CREATED' | 'UPDATED' | 'UNCHANGED' }[];
}

export const EXPORT_CSV = gql<{ exportCsv: string }, { kind: CsvKind; station: string | null }>`
  query ConsoleExportCsv($kind: CsvKind!, $station: String) { exportCsv(kind: $kind, station: $station) }
`;

/** `file` goes as the file's text (the API's `File` scalar takes a string for small files). */
export const IMPORT_CSV = gql<{ importCsv: CsvReport }, { kind: CsvKind; file: string; station: string | null; dryRun: boolean; validOnly: boolean }>`
  mutation ConsoleImportCsv($kind: CsvKind!, $file: File!, $station: String, $dryRun: Boolean, $validOnly: Boolean) {
    importCsv(kind: $kind, file: $file, station: $station, dryRun: $dryRun, validOnly: $validOnly) {
      rows dryRun imported invalidRows
      counts { created updated unchanged skipped }
      issues { row column code message }
      outcomes { row outcome }
    }
  }
`;
