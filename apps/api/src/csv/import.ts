import type { Principal } from '../auth/principal.ts';
import { actsFor, requireRole, requireStation } from '../domain/access.ts';
import type { Actor } from '../domain/actor.ts';
import { write } from '../domain/unit-of-work.ts';
import { ClientError, NotFoundError } from '../errors.ts';
import { pairIssues, readValues, type Columns } from './cells.ts';
import type { Issue } from './issues.ts';
import type { CsvKind, Outcome, ValidRow } from './kind.ts';
import { readCsv } from './read.ts';

export interface ImportOptions {
  /** A station slug: rows may leave `station` empty (or omit the column) and must not name another. */
  station?: string | null;
  /** Import the valid rows even when others are invalid (by default one invalid row stops everything). */
  validOnly?: boolean;
  /** Check and report, write nothing (the writes are tried, so the rules are checked, then rolled back). */
  dryRun?: boolean;
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

/** The import's unit of work may hold thousands of rows: allow it time. */
const TIMEOUT_MS = 300_000;

function checkRows<C extends Columns>(
  kind: CsvKind<C>,
  records: { row: number; cells: Record<string, string> }[],
  stations: Map<string, number>,
  options: ImportOptions,
  principal: Principal,
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
      } else if (!actsFor(principal, stationId)) {
        rowIssues.push({ row: record.row, column: 'station', code: 'station_not_yours', message: `you do not act for the station "${station}"` });
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
 * Imports a CSV file of `kind` as `actor` (an editor or admin, for their stations): checks
 * every row (cells with the rules the GraphQL mutations use, stations, keys, references),
 * then — unless a row is invalid and `validOnly` is not set, or `dryRun` — creates or
 * updates the valid rows' records in one unit of work, each change audited as the actor and
 * announced to the portal once it commits. Nothing is written when it fails part-way.
 */
export async function importCsv<C extends Columns>(
  actor: Actor,
  kind: CsvKind<C>,
  input: string | Uint8Array,
  options: ImportOptions = {},
): Promise<ImportReport> {
  requireRole(actor, 'editor');
  const dryRun = options.dryRun === true;
  const stations = new Map((await actor.prisma.station.findMany({ select: { id: true, slug: true } })).map((s) => [s.slug, s.id]));
  if (options.station) {
    const stationId = stations.get(options.station);
    if (stationId === undefined) throw new NotFoundError(`No station has the slug "${options.station}".`, { slug: options.station, field: 'station' });
    requireStation(actor, stationId);
  }
  const read = readCsv(input, kind.columns, options.station ? ['station'] : []);
  const fileIssues = read.issues.filter((issue) => issue.code !== 'field_count');
  const rowCount = read.records.length + read.issues.length - fileIssues.length;
  const checked = checkRows(kind, read.records, stations, options, actor.principal);
  const stationOfRow = new Map(checked.valid.map((row) => [row.row, row.stationId]));

  let report: ImportReport | null = null;
  try {
    return await write(
      actor,
      async (uow) => {
        const plans = await kind.plan(uow.tx, checked.valid);
        const rowIssues = [...read.issues.filter((issue) => !fileIssues.includes(issue)), ...checked.issues, ...plans.flatMap((plan) => plan.issues)];
        const issues = [...fileIssues, ...rowIssues].sort((a, b) => a.row - b.row);
        const invalidRows = [...new Set(rowIssues.map((issue) => issue.row))].sort((a, b) => a - b);
        const ready = plans.flatMap((plan) => ('outcome' in plan ? [plan] : []));
        const writable = fileIssues.length === 0 && (invalidRows.length === 0 || options.validOnly === true);
        const counts = { created: 0, updated: 0, unchanged: 0, skipped: rowCount - ready.length };
        for (const plan of ready) counts[plan.outcome] += 1;
        report = {
          kind: kind.name,
          rows: rowCount,
          invalidRows,
          issues,
          imported: writable && !dryRun,
          dryRun,
          outcomes: ready.map((plan) => ({ row: plan.row, outcome: plan.outcome })),
          counts,
        };
        if (writable) {
          for (const plan of ready) {
            try {
              await plan.write(uow);
            } catch (error) {
              if (error instanceof ClientError) throw new RowRefused(ruleIssue(plan.row, error, kind.columns));
              throw error;
            }
          }
        }
        if (dryRun) throw new DryRunDone();
        return report;
      },
      { timeout: TIMEOUT_MS },
    );
  } catch (error) {
    if (report === null) throw error;
    const done: ImportReport = report;
    if (error instanceof DryRunDone) return done;
    if (!(error instanceof RowRefused)) throw error;
    const issues = [...done.issues, error.issue].sort((a, b) => a.row - b.row);
    return { ...done, issues, invalidRows: [...new Set([...done.invalidRows, error.issue.row])].sort((a, b) => a - b), imported: false };
  }
}

/** Rolls a dry run's unit of work back once its writes have been tried. */
class DryRunDone extends Error {}

/** A domain rule refused a row: the import stops and reports it. */
class RowRefused extends Error {
  readonly issue: Issue;
  constructor(issue: Issue) {
    super(issue.message);
    this.issue = issue;
  }
}

/** A domain refusal as a row issue: its code, and the column its field names (`row.name` → `nameZh`). */
function ruleIssue(row: number, error: ClientError, columns: Columns): Issue {
  const field = typeof error.details.field === 'string' ? error.details.field.replace(/^row\./, '') : null;
  const column = field === null ? null : field in columns ? field : `${field}Zh` in columns ? `${field}Zh` : null;
  return { row, column, code: error.code as Uppercase<string>, message: error.message };
}
