import { stringify } from 'csv-stringify/sync';
import { requireRole, requireStation, stationFilter } from '../domain/access.ts';
import type { Actor } from '../domain/actor.ts';
import { NotFoundError } from '../errors.ts';
import type { Columns } from './cells.ts';
import type { CsvKind } from './kind.ts';

/**
 * The records as RFC 4180 CSV: a header naming every column, CRLF between records, and any
 * cell holding a comma, a quote or a line break (list items are one per line) in double
 * quotes, quotes doubled. UTF-8 with a byte order mark, so Excel reads the Chinese right.
 */
export function toCsv(columns: readonly string[], rows: readonly Record<string, string>[]): string {
  return stringify([...rows], { header: true, columns: [...columns], bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

/**
 * The active records of `kind` as a CSV file `import-csv` reads back unchanged: of one
 * station (by slug), or of every station the caller acts for. Editors and admins only.
 */
export async function exportCsv<C extends Columns>(actor: Actor, kind: CsvKind<C>, stationSlug: string | null = null): Promise<string> {
  requireRole(actor, 'editor');
  let stations = stationFilter(actor.principal);
  if (stationSlug !== null) {
    const station = await actor.prisma.station.findUnique({ where: { slug: stationSlug }, select: { id: true } });
    if (!station) throw new NotFoundError(`No station has the slug "${stationSlug}".`, { slug: stationSlug, field: 'station' });
    requireStation(actor, station.id);
    stations = { in: [station.id] };
  }
  return toCsv(Object.keys(kind.columns), await kind.exportRows(actor.prisma, stations));
}
