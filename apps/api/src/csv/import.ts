import type { PrismaClient } from '@openstation/db';
import { toJson } from '../domain/unit-of-work.ts';
import { pairIssues, readValues, type Columns } from './cells.ts';
import type { Issue } from './issues.ts';
import type { AuditRecord, CsvKind, Outcome, ValidRow } from './kind.ts';
import { readCsv } from './read.ts';

export interface ImportOptions {
  /** A station slug: rows may leave `station` empty (or omit the column) and must not name another. */
  station?: string | null;
  /** Import the valid rows even when others are invalid (by default one invalid row stops everything). */
  validOnly?: boolean;
  /** Check and report, write nothing. */
  dryRun?: boolean;
  /** The staff user the audit entries name; needed unless `dryRun`. */
  staffUserId?: number | null;
}

export interface ImportReport {
  kind: string;
  /** Records read (blank lines and the header not counted). */
  rows: number;
  /** Rows with at least one issue, in file order (issues with the file or its header stop the import whatever the options). */
  invalidRows: number[];
  issues: Issue[];
  /** Whether anything was written (false on a dry run and when invalid rows stopped the import). */
  imported: boolean;
  dryRun: boolean;
  /** What happened (or, on a dry run or when nothing was imported, would happen) to each valid row. */
  outcomes: { row: number; outcome: Outcome }[];
  counts: Record<Outcome | 'skipped', number>;
}

/** The import's transaction may hold thousands of rows: allow it time. */
const TRANSACTION = { maxWait: 10_000, timeout: 300_000 };

function checkRows<C extends Columns>(
  kind: CsvKind<C>,
  records: { row: number; cells: Record<string, string> }[],
  stations: Map<string, number>,
  options: ImportOptions,
): { valid: ValidRow<C>[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const checked: ValidRow<C>[] = [];
  for (const record of records) {
    const cells = options.station && !record.cells.station ? { ...record.cells, station: options.station } : record.cells;
    const result = readValues(record.row, cells, kind.columns);
    const rowIssues = [...result.issues, ...pairIssues(record.row, cells, kind.columns, kind.pairs)];
    const station = cells.station ?? '';
    const stationId = stations.get(station);
    if (station && !rowIssues.some((issue) => issue.column === 'station')) {
      if (options.station && station !== options.station) {
        rowIssues.push({ row: record.row, column: 'station', code: 'station_mismatch', message: `the row names station "${station}", the import is for "${options.station}"` });
      } else if (stationId === undefined) {
        rowIssues.push({ row: record.row, column: 'station', code: 'unknown_station', message: `no station has the slug "${station}"` });
      }
    }
    issues.push(...rowIssues);
    if (rowIssues.length === 0 && result.values && stationId !== undefined) checked.push({ row: record.row, stationId, values: result.values });
  }
  const byKey = new Map<string, ValidRow<C>[]>();
  for (const row of checked) {
    const { key } = kind.key(row);
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  const valid: ValidRow<C>[] = [];
  for (const rows of byKey.values()) {
    if (rows.length === 1) {
      valid.push(...rows);
      continue;
    }
    for (const row of rows) {
      const others = rows.filter((r) => r !== row).map((r) => r.row);
      issues.push({ row: row.row, column: kind.key(row).column, code: 'duplicate_key', message: `row ${others.join(', ')} has the same key` });
    }
  }
  valid.sort((a, b) => a.row - b.row);
  return { valid, issues };
}

/**
 * Imports a CSV file of `kind`: checks every row (cells with the rules the GraphQL mutations
 * use, stations, keys, references), then — unless a row is invalid and `validOnly` is not
 * set, or `dryRun` — creates or updates the valid rows' records in one transaction, with an
 * audit entry for every change. Nothing is written when it fails part-way.
 */
export async function importCsv<C extends Columns>(
  prisma: PrismaClient,
  kind: CsvKind<C>,
  input: string | Uint8Array,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const dryRun = options.dryRun === true;
  const staffUserId = options.staffUserId ?? null;
  if (!dryRun && staffUserId === null) throw new Error('An import that writes needs the staff user to record in the audit trail.');
  const read = readCsv(input, kind.columns, options.station ? ['station'] : []);
  const fileIssues = read.issues.filter((issue) => issue.code !== 'field_count');
  const rowCount = read.records.length + read.issues.length - fileIssues.length;
  const stations = new Map((await prisma.station.findMany({ select: { id: true, slug: true } })).map((s) => [s.slug, s.id]));
  const checked = checkRows(kind, read.records, stations, options);

  return prisma.$transaction(async (tx) => {
    const plans = await kind.plan(tx, checked.valid);
    const rowIssues = [...read.issues.filter((issue) => !fileIssues.includes(issue)), ...checked.issues, ...plans.flatMap((plan) => plan.issues)];
    const issues = [...fileIssues, ...rowIssues].sort((a, b) => a.row - b.row);
    const invalidRows = [...new Set(rowIssues.map((issue) => issue.row))].sort((a, b) => a - b);
    const ready = plans.flatMap((plan) => ('outcome' in plan ? [plan] : []));
    const imported = !dryRun && fileIssues.length === 0 && (invalidRows.length === 0 || options.validOnly === true);
    if (imported) {
      const audit = async (entry: AuditRecord) => {
        await tx.auditEntry.create({ data: { ...entry, before: toJson(entry.before), after: toJson(entry.after), staffUserId } });
      };
      for (const plan of ready) await plan.write(tx, audit);
    }
    const counts = { created: 0, updated: 0, unchanged: 0, skipped: rowCount - ready.length };
    for (const plan of ready) counts[plan.outcome] += 1;
    return {
      kind: kind.name,
      rows: rowCount,
      invalidRows,
      issues,
      imported,
      dryRun,
      outcomes: ready.map((plan) => ({ row: plan.row, outcome: plan.outcome })),
      counts,
    };
  }, TRANSACTION);
}
