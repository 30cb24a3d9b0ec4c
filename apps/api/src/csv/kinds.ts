import { areasCsv } from './areas.ts';
import type { Columns } from './cells.ts';
import type { CsvKind } from './kind.ts';
import { officersCsv } from './officers.ts';
import { serviceItemsCsv } from './service-items.ts';

/** The kinds of records `import-csv` and `export-csv` handle, by the name on the command line. */
export const CSV_KINDS: Record<string, CsvKind<Columns>> = {
  areas: areasCsv,
  officers: officersCsv,
  'service-items': serviceItemsCsv,
};
