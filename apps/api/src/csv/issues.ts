/** What is wrong with one cell, row or the header of an imported CSV file. */
export interface Issue {
  /** The spreadsheet row: 1 is the header, 2 the first record. */
  row: number;
  /** The column's name, or null when the issue is the whole row or file. */
  column: string | null;
  code: IssueCode;
  message: string;
}

export type IssueCode =
  /** A content rule refused the row: the rule's code (docs/content-rules.md), e.g. `DATE_IN_FUTURE`. */
  | Uppercase<string>
  /** The file is not valid CSV (e.g. a quote is never closed). */
  | 'malformed_csv'
  /** The file has no header row. */
  | 'empty_file'
  /** A header names a column this kind does not have. */
  | 'unknown_column'
  /** A column this kind needs is not in the header. */
  | 'missing_column'
  /** Two header cells name the same column. */
  | 'duplicate_column'
  /** The row has more or fewer cells than the header. */
  | 'field_count'
  /** A cell that must hold a value is empty. */
  | 'required'
  /** A cell's value breaks the field's rule (the message says which). */
  | 'invalid'
  /** No station has this slug. */
  | 'unknown_station'
  /** The row names another station than `--station`. */
  | 'station_mismatch'
  /** The importing staff member does not act for the row's station. */
  | 'station_not_yours'
  /** No active area of the station has this name. */
  | 'unknown_area'
  /** Another row of the file has the same key (both are reported). */
  | 'duplicate_key'
  /** More than one existing record has this key. */
  | 'ambiguous_key'
  /** The record with this key has been retired; it is not changed by an import. */
  | 'retired';
