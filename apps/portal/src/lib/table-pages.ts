import { rowDates } from './dcat.ts';
import { TABLES } from './open-data.ts';
import { type SiteData, siteData } from './site-data.ts';

/** A published table as the open-data page lists it: its name and how many rows it has. */
export interface TableCount {
  name: string;
  rows: number;
}

/** Every published table's row count, in the order of {@link TABLES}. */
export function tableCounts(data: SiteData): TableCount[] {
  return TABLES.map((table) => ({ name: table.name, rows: table.rows(data).length }));
}

/** What a table's own page says besides its dictionary: rows, the days they cover, the build day. */
export interface TableFacts extends TableCount {
  /** The first and last day found in the rows ({@link rowDates}), null when they hold none. */
  dates: { start: string; end: string } | null;
  /** The build day, `YYYY-MM-DD`: the files are rebuilt with the site. */
  modified: string;
}

/** `getStaticPaths` of the table pages, Chinese and English: one page per table, given its facts. */
export async function tablePagePaths(): Promise<{ params: { table: string }; props: TableFacts }[]> {
  const data = await siteData();
  const modified = data.today.toISOString().slice(0, 10);
  return TABLES.map((table) => {
    const rows = table.rows(data);
    return { params: { table: table.name }, props: { name: table.name, rows: rows.length, dates: rowDates(rows), modified } };
  });
}
