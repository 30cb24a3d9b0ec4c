import { z } from 'zod';
import { count, line, lineList, prose } from '../field-rules.ts';
import type { Issue } from './issues.ts';

/**
 * One CSV column: the rule its non-empty cells follow (the same rules the GraphQL inputs use)
 * and whether it may be left empty. Cells are trimmed; an empty cell is "no value".
 */
export interface Column<T> {
  readonly required: boolean;
  readonly rule: z.ZodType<T, string>;
  /** The cell text for a value (export). */
  format(value: T): string;
}

export type Columns = Record<string, Column<unknown>>;

/** The values of a valid row: required columns always hold a value, optional ones may be null. */
export type Values<C extends Columns> = {
  [K in keyof C]: C[K] extends Column<infer T> ? (C[K]['required'] extends true ? T : T | null) : never;
};

function column<T>(rule: z.ZodType<T, string>, format: (value: T) => string) {
  return {
    required: { required: true as const, rule, format },
    optional: { required: false as const, rule, format },
  };
}

export const text = (rule: typeof line | typeof prose = line) => column<string>(rule, (v) => v);
/** A whole number within GraphQL's `Int` (32 bits), then the field's own rule. */
export const integer = (rule: z.ZodType<number, number> = count) =>
  column<number>(
    z
      .string()
      .regex(/^[+-]?\d+$/, 'must be a whole number')
      .transform(Number)
      .pipe(z.number().min(-(2 ** 31), 'is too small').max(2 ** 31 - 1, 'is too large'))
      .pipe(rule),
    String,
  );
export const date = () =>
  column<Date>(
    z.iso.date('must be a date as YYYY-MM-DD').transform((v) => new Date(`${v}T00:00:00Z`)),
    (v) => v.toISOString().slice(0, 10),
  );
export const choice = <E extends Record<string, string>>(values: E) =>
  column<E[keyof E]>(z.enum(values) as unknown as z.ZodType<E[keyof E], string>, (v) => v);
export const matching = (rule: z.ZodType<string, string>) => column<string>(z.string().pipe(rule), (v) => v);

/** Lists are written one item per line inside the cell. */
export const LIST_SEPARATOR = '\n';

export const list = () =>
  column<string[]>(
    z
      .string()
      .transform((v) => v.split(/\r?\n/).map((item) => item.trim()).filter((item) => item !== ''))
      .pipe(lineList),
    (v) => v.join(LIST_SEPARATOR),
  );

/** Checks each cell of a record against its column; the values when every cell is valid. */
export function readValues<C extends Columns>(
  row: number,
  cells: Record<string, string>,
  columns: C,
): { values: Values<C> | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(columns)) {
    const cell = cells[name] ?? '';
    if (cell === '') {
      if (spec.required) issues.push({ row, column: name, code: 'required', message: `${name} must not be empty` });
      values[name] = null;
      continue;
    }
    const result = spec.rule.safeParse(cell);
    if (result.success) values[name] = result.data;
    else issues.push({ row, column: name, code: 'invalid', message: `${name}: ${result.error.issues[0]?.message ?? 'invalid value'}` });
  }
  return { values: issues.length === 0 ? (values as Values<C>) : null, issues };
}

/** A Chinese text is required when its English counterpart is given (as in the GraphQL inputs). */
export function pairIssues(row: number, cells: Record<string, string>, columns: Columns, bases: readonly string[]): Issue[] {
  return bases
    .filter((base) => columns[`${base}Zh`]?.required === false)
    .filter((base) => (cells[`${base}En`] ?? '') !== '' && (cells[`${base}Zh`] ?? '') === '')
    .map((base) => ({ row, column: `${base}Zh`, code: 'required' as const, message: `${base}Zh must not be empty when ${base}En is given` }));
}
