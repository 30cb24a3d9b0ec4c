import { parseArgs } from 'node:util';
import { CSV_KINDS } from '../src/csv/kinds.ts';
import { usageExit, withConnection } from './tool.ts';

const usage = `Writes the active areas, officers or service items as CSV (RFC 4180, UTF-8 with BOM) to stdout; import-csv reads it back.
  pnpm --silent export-csv <${Object.keys(CSV_KINDS).join('|')}> [--station <slug>] > file.csv
Talks to the running server if there is one, else opens DATABASE_URL (default: ./data/pglite).`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { station: { type: 'string' }, help: { type: 'boolean' } },
});
const kind = positionals[0] ?? '';
if (values.help || !CSV_KINDS[kind] || positionals.length !== 1) usageExit(usage, values.help);

/** The kind as the GraphQL enum spells it. */
const enumName = kind.replace('-', '_').toUpperCase();

await withConnection('Export failed', async (connection) => {
  const { exportCsv } = await connection.graphql<{ exportCsv: string }>('query ($kind: CsvKind!, $station: String) { exportCsv(kind: $kind, station: $station) }', {
    kind: enumName,
    station: values.station ?? null,
  });
  process.stdout.write(exportCsv);
});
