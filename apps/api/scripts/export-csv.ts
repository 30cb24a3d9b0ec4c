import { parseArgs } from 'node:util';
import { openDatabase } from '@openstation/db';
import { exportCsv } from '../src/csv/export.ts';
import { CSV_KINDS } from '../src/csv/kinds.ts';

// `pnpm --filter` runs scripts in apps/api: read files and ./data where the command was typed.
process.chdir(process.env.INIT_CWD ?? process.cwd());

const usage = `Writes the active areas, officers or service items as CSV to stdout (import-csv reads it back).
  pnpm --silent --filter @openstation/api export-csv <${Object.keys(CSV_KINDS).join('|')}> [--station <slug>] > file.csv
Uses DATABASE_URL (default: the embedded database in ./data).`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { station: { type: 'string' }, help: { type: 'boolean' } },
});
const kind = CSV_KINDS[positionals[0] ?? ''];
if (values.help || !kind || positionals.length !== 1) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}
const db = await openDatabase(process.env.DATABASE_URL);
try {
  process.stdout.write(await exportCsv(db.prisma, kind, values.station ?? null));
} catch (error) {
  console.error(`Export failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
