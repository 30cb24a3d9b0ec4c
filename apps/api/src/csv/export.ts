import type { PrismaClient } from '@openstation/db';
import { stringify } from 'csv-stringify/sync';
import type { Columns } from './cells.ts';
import type { CsvKind } from './kind.ts';

/**
 * The active records of `kind` (of one station, or all) as a CSV file `import-csv` reads
 * back unchanged: UTF-8 with a byte order mark (so Excel reads the Chinese right), CRLF line
 * ends, a header naming every column, list items one per line inside their cell.
 */
export async function exportCsv<C extends Columns>(prisma: PrismaClient, kind: CsvKind<C>, stationSlug: string | null = null): Promise<string> {
  let stationId: number | null = null;
  if (stationSlug !== null) {
    const station = await prisma.station.findUnique({ where: { slug: stationSlug }, select: { id: true } });
    if (!station) throw new Error(`No station has the slug "${stationSlug}".`);
    stationId = station.id;
  }
  const rows = await kind.exportRows(prisma, stationId);
  return stringify(rows, { header: true, columns: Object.keys(kind.columns), bom: true, record_delimiter: 'windows' });
}
