/** What an uploaded CSV file says, and how its bytes were read. */
export interface CsvText {
  text: string;
  encoding: 'utf-8' | 'gb18030';
}

/**
 * The text of an uploaded CSV file: UTF-8 (with or without a byte order mark) as the console
 * downloads it; a file that is not valid UTF-8 is read as GB18030, a superset of GBK, which is
 * what Excel and WPS write for "CSV" on a Chinese Windows. (The API reads UTF-8 only.)
 */
export function csvText(bytes: Uint8Array): CsvText {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
