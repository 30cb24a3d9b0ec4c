import type { Prisma, PrismaClient } from '@openstation/db';
import type { UnitOfWork } from '../domain/unit-of-work.ts';
import type { Columns, Values } from './cells.ts';
import type { Issue } from './issues.ts';

export type Outcome = 'created' | 'updated' | 'unchanged';

/** A row whose cells are valid, with its station resolved. */
export interface ValidRow<C extends Columns> {
  row: number;
  stationId: number;
  values: Values<C>;
}

/**
 * Writes one row's change inside the import's unit of work, through the domain functions
 * every other writer uses (so the same rules, access checks and audit entries apply).
 */
export type RowWrite = (uow: UnitOfWork) => Promise<void>;

/** What importing one valid row does, or why it cannot. */
export type RowPlan =
  | { row: number; issues: Issue[] }
  | { row: number; issues: []; outcome: Outcome; write: RowWrite };

/** A row that creates or updates its record with `write`. */
export function writes(row: number, outcome: 'created' | 'updated', write: RowWrite): RowPlan {
  return { row, issues: [], outcome, write };
}

/** A CSV text pair (`<base>Zh`, `<base>En`) as a domain text: null when the Chinese cell is empty. */
export function localizedCells(zh: string | null, en: string | null): { zh: string; en: string | null } | null {
  return zh === null ? null : { zh, en };
}

/** A row whose record already holds what it says. */
export function unchanged(row: number): RowPlan {
  return { row, issues: [], outcome: 'unchanged', write: async () => {} };
}

/** A kind of record the CSV commands read and write. */
export interface CsvKind<C extends Columns> {
  readonly name: string;
  /** The columns, in the order export writes them; `station` (a slug) is always one. */
  readonly columns: C;
  /** `<base>Zh`/`<base>En` pairs: the Chinese text is required when the English one is given. */
  readonly pairs: readonly string[];
  /** The natural key of a row (unique within a file and among the station's records) and the column that holds it. */
  key(row: ValidRow<C>): { key: string; column: string };
  /** Compares valid rows with the database (inside the import's transaction). */
  plan(tx: Prisma.TransactionClient, rows: ValidRow<C>[]): Promise<RowPlan[]>;
  /** The active records (of the stations in the filter, or all) as cell texts, for export. */
  exportRows(prisma: PrismaClient, stations: { in: number[] } | undefined): Promise<Record<string, string>[]>;
}

function comparable(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return JSON.stringify(value);
  return value;
}

/** Whether writing `data` would change `record`. */
export function changes(data: Record<string, unknown>, record: Record<string, unknown>): boolean {
  return Object.entries(data).some(([field, value]) => comparable(value) !== comparable(record[field]));
}

/** The cell texts of a row's values, formatted by their columns (empty for no value). */
export function cellsOf<C extends Columns>(columns: C, values: { [K in keyof C]?: unknown }): Record<string, string> {
  return Object.fromEntries(
    Object.entries(columns).map(([name, column]) => {
      const value = values[name];
      return [name, value === null || value === undefined ? '' : column.format(value)];
    }),
  );
}
