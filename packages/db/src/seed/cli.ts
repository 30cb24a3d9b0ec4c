import { parseArgs } from 'node:util';
import { openDatabase } from '../database.ts';
import { redact } from '../url.ts';
import { seedDemoData } from './index.ts';
import type { SeedSummary } from './run.ts';
import { seedSynthetic } from './synthetic.ts';

const USAGE = `Usage: pnpm --filter @openstation/db seed [--stations N --officers-per-station M [--areas-per-station K]]

Without options: inserts the demo data of the five stations if the database has no station.
With --stations: adds N synthetic stations (for benchmarks), skipping those already there.
The database is DATABASE_URL (postgres://…, pglite:<dir>, pglite:memory; unset = ./data/pglite).`;

function positive(name: string, text: string | undefined, fallback?: number): number | undefined {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number, not "${text}"`);
  return value;
}

function report({ inserted, durationMs, ...counts }: SeedSummary): string {
  const rows = Object.entries(counts).map(([table, count]) => `  ${table.padEnd(22)} ${count}`);
  const head = inserted ? `Seeded in ${durationMs} ms.` : 'Nothing to insert: the data is already there.';
  return [head, 'Rows now in the database:', ...rows].join('\n');
}

interface Command {
  help: boolean;
  synthetic?: { stations: number; officersPerStation: number; areasPerStation?: number };
}

function parseCommand(args: string[]): Command {
  const { values } = parseArgs({
    args,
    options: {
      stations: { type: 'string' },
      'officers-per-station': { type: 'string' },
      'areas-per-station': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const stations = positive('stations', values.stations);
  const officersPerStation = positive('officers-per-station', values['officers-per-station'], 100) ?? 100;
  const areasPerStation = positive('areas-per-station', values['areas-per-station']);
  if (stations === undefined) {
    if (values['officers-per-station'] !== undefined || areasPerStation !== undefined) {
      throw new Error('--officers-per-station and --areas-per-station need --stations');
    }
    return { help: values.help === true };
  }
  return {
    help: values.help === true,
    synthetic: { stations, officersPerStation, ...(areasPerStation === undefined ? {} : { areasPerStation }) },
  };
}

async function main(): Promise<void> {
  let command: Command;
  try {
    command = parseCommand(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (command.help) {
    console.log(USAGE);
    return;
  }
  // pnpm runs package scripts in the package directory; resolve a relative pglite:<dir> from where it was called.
  if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
  const url = process.env.DATABASE_URL;
  console.log(`Database: ${url ? redact(url) : 'pglite:data/pglite (DATABASE_URL unset)'}`);
  const db = await openDatabase(url);
  try {
    const summary = command.synthetic ? await seedSynthetic(db.prisma, command.synthetic) : await seedDemoData(db.prisma);
    console.log(report(summary));
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
