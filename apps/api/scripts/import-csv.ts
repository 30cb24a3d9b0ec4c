import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ImportReport } from '../src/csv/import.ts';
import { CSV_KINDS } from '../src/csv/kinds.ts';
import { formatIssues, summary } from '../src/csv/report.ts';
import { OperatorCallError } from '../src/operator/connection.ts';
import { UsageError, usageExit, withConnection } from './tool.ts';

const usage = `Imports areas, officers or service items from a CSV file (UTF-8; as export-csv writes it).
  pnpm import-csv <${Object.keys(CSV_KINDS).join('|')}> <file.csv> --as <staff email>
      [--station <slug>] [--valid-only] [--dry-run] [--report <report.json>]
Every row is checked first; if any is invalid nothing is imported (exit 1) unless --valid-only.
The valid rows are written in one transaction, audited as the staff member given by --as (an ADMIN
or EDITOR of the rows' stations). Talks to the running server if there is one (which then rebuilds
the portal), else opens DATABASE_URL (default: ./data/pglite).`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    station: { type: 'string' },
    'valid-only': { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    as: { type: 'string' },
    report: { type: 'string' },
    help: { type: 'boolean' },
  },
});
const [kind = '', file] = positionals;
const dryRun = values['dry-run'] === true;
if (values.help || !CSV_KINDS[kind] || !file || positionals.length !== 2 || (!dryRun && !values.as)) usageExit(usage, values.help);

let input: Buffer;
try {
  input = readFileSync(file);
} catch (error) {
  console.error(`Cannot read ${file}: ${(error as Error).message}`);
  process.exit(2);
}

type Answer = Omit<ImportReport, 'outcomes' | 'kind'> & { outcomes: { row: number; outcome: 'CREATED' | 'UPDATED' | 'UNCHANGED' }[] };

const IMPORT = `mutation ($kind: CsvKind!, $file: File!, $station: String, $validOnly: Boolean, $dryRun: Boolean) {
  importCsv(kind: $kind, file: $file, station: $station, validOnly: $validOnly, dryRun: $dryRun) {
    rows invalidRows imported dryRun
    issues { row column code message }
    outcomes { row outcome }
    counts { created updated unchanged skipped }
  }
}`;

/** Who may not import, or what the command line names wrong: a usage error (exit 2). */
const USAGE_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']);

await withConnection('Import failed, nothing was written', async (connection) => {
  const answer = await connection
    .graphql<{ importCsv: Answer }>(
      IMPORT,
      { kind: kind.replace('-', '_').toUpperCase(), station: values.station ?? null, validOnly: values['valid-only'], dryRun },
      { actAs: values.as, files: { file: new Blob([new Uint8Array(input)], { type: 'text/csv' }) } },
    )
    .catch((error: unknown) => {
      if (error instanceof OperatorCallError && USAGE_CODES.has(error.code ?? '')) {
        throw new UsageError(`${values.as ? `--as ${values.as}: ` : ''}${error.message}`);
      }
      throw error;
    });
  const report: ImportReport = {
    ...answer.importCsv,
    kind,
    outcomes: answer.importCsv.outcomes.map((o) => ({ row: o.row, outcome: o.outcome.toLowerCase() as 'created' })),
  };
  if (values.report) writeFileSync(values.report, `${JSON.stringify({ file, ...report }, null, 2)}\n`);
  process.stderr.write(formatIssues(report));
  const ok = report.imported || (dryRun && report.issues.length === 0);
  (ok ? process.stdout : process.stderr).write(`${summary(report)}\n`);
  process.exitCode = ok ? 0 : 1;
});
