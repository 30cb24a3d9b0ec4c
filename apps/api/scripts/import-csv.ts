import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '@openstation/db';
import { importCsv } from '../src/csv/import.ts';
import { CSV_KINDS } from '../src/csv/kinds.ts';
import { formatIssues, summary } from '../src/csv/report.ts';

// `pnpm --filter` runs scripts in apps/api: read files and ./data where the command was typed.
process.chdir(process.env.INIT_CWD ?? process.cwd());

/** A wrong option: exit 2, as for a wrong command line. */
class UsageError extends Error {}

const usage = `Imports areas, officers or service items from a CSV file (UTF-8; as export-csv writes it).
  pnpm --filter @openstation/api import-csv <${Object.keys(CSV_KINDS).join('|')}> <file.csv> --as <staff email>
      [--station <slug>] [--valid-only] [--dry-run] [--report <report.json>]
Every row is checked first; if any is invalid nothing is imported (exit 1) unless --valid-only.
The valid rows are written in one transaction, audited as the staff user given by --as (an ADMIN or EDITOR).
Uses DATABASE_URL (default: the embedded database in ./data).`;

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
const [kindName = '', file] = positionals;
const kind = CSV_KINDS[kindName];
const dryRun = values['dry-run'] === true;
if (values.help || !kind || !file || positionals.length !== 2 || (!dryRun && !values.as)) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}

let input: Buffer;
try {
  input = readFileSync(file);
} catch (error) {
  console.error(`Cannot read ${file}: ${(error as Error).message}`);
  process.exit(2);
}

const db = await openDatabase(process.env.DATABASE_URL);
try {
  let staffUserId: number | null = null;
  if (values.as) {
    const email = values.as.trim().toLowerCase();
    const user = await db.prisma.staffUser.findUnique({ where: { email } });
    if (!user || user.disabledAt || (user.role !== 'ADMIN' && user.role !== 'EDITOR')) {
      throw new UsageError(`--as ${email}: no active ADMIN or EDITOR staff user has this email (create one with create-admin).`);
    }
    staffUserId = user.id;
  }
  if (values.station && !(await db.prisma.station.findUnique({ where: { slug: values.station } }))) {
    throw new UsageError(`--station ${values.station}: no station has this slug.`);
  }
  const report = await importCsv(db.prisma, kind, input, {
    station: values.station ?? null,
    validOnly: values['valid-only'],
    dryRun,
    staffUserId,
  });
  if (values.report) writeFileSync(values.report, `${JSON.stringify({ file, ...report }, null, 2)}\n`);
  process.stderr.write(formatIssues(report));
  const ok = report.imported || (dryRun && report.issues.length === 0);
  (ok ? process.stdout : process.stderr).write(`${summary(report)}\n`);
  process.exitCode = ok ? 0 : 1;
} catch (error) {
  console.error(error instanceof UsageError ? error.message : `Import failed, nothing was written: ${(error as Error).message}`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
} finally {
  await db.close();
}
