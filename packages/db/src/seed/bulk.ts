import type { Prisma } from '../generated/prisma/client.ts';

type Db = Prisma.TransactionClient;

/** PostgreSQL type of a column written by {@link bulkInsert}; `{ enum }` names a schema enum. */
export type ColumnType = 'int4' | 'text' | 'bool' | 'date' | 'timestamp' | 'numeric' | 'jsonb' | 'text[]' | { enum: string };

type Cell = string | number | boolean | Date | readonly string[] | Prisma.InputJsonValue | null | undefined;

const ROWS_PER_STATEMENT = 20_000;

function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

function encode(value: Cell, type: ColumnType): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return type === 'date' ? value.toISOString().slice(0, 10) : value.toISOString();
  if (type === 'text[]') {
    if (!Array.isArray(value)) throw new Error('text[] column needs an array');
    return arrayLiteral(value as readonly string[]);
  }
  if (type === 'jsonb') return JSON.stringify(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  throw new Error(`cannot write ${JSON.stringify(value)} as ${JSON.stringify(type)}`);
}

/**
 * Only int4, bool and text arrays are bound as such; every other column travels as text
 * and is cast in the select list (PGlite cannot serialise arrays of enums or dates).
 */
function parameterType(type: ColumnType): string {
  return type === 'int4' || type === 'bool' ? `${type}[]` : 'text[]';
}

function selectCast(type: ColumnType): string {
  if (typeof type === 'object') return `::"${type.enum}"`;
  if (type === 'timestamp') return '::timestamp(3)';
  return type === 'int4' || type === 'bool' || type === 'text' ? '' : `::${type}`;
}

/**
 * Inserts rows with one `INSERT … SELECT * FROM unnest($1::type[], …)` per 20,000 rows:
 * one bind parameter per column instead of one per cell, which makes bulk seeding an
 * order of magnitude faster than `createMany` through Prisma. Every key of every row must
 * be listed in `columns`.
 */
export async function bulkInsert<T extends object>(
  db: Db,
  table: Prisma.ModelName,
  columns: { readonly [K in keyof T]-?: ColumnType },
  rows: readonly T[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns) as Array<keyof T & string>;
  for (const row of rows.slice(0, 1)) {
    const unknown = Object.keys(row).filter((key) => !(key in columns));
    if (unknown.length > 0) throw new Error(`${table}: no column type for ${unknown.join(', ')}`);
  }
  const types = names.map((name) => columns[name]);
  const sql =
    `INSERT INTO "${table}" (${names.map((name) => `"${name}"`).join(', ')}) ` +
    `SELECT ${types.map((type, i) => `c${i}${selectCast(type)}`).join(', ')} ` +
    `FROM unnest(${types.map((type, i) => `$${i + 1}::${parameterType(type)}`).join(', ')}) AS t(${types.map((_, i) => `c${i}`).join(', ')})`;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const parameters = names.map((name, i) => chunk.map((row) => encode(row[name] as Cell, types[i] ?? 'text')));
    await db.$executeRawUnsafe(sql, ...parameters);
  }
}

/**
 * Takes `count` values from a table's id sequence in one query, so that rows can refer to
 * each other before they are written, and the sequence stays ahead of every id used.
 */
export async function reserveIds(db: Db, table: Prisma.ModelName, count: number): Promise<number[]> {
  if (count === 0) return [];
  const rows = await db.$queryRawUnsafe<Array<{ ids: number[] }>>(
    `SELECT array_agg(nextval(pg_get_serial_sequence('"${table}"', 'id'))::int) AS ids FROM generate_series(1, $1::int)`,
    count,
  );
  const ids = rows[0]?.ids ?? [];
  if (ids.length !== count) throw new Error(`could not reserve ${count} ids for ${table}`);
  return ids.map(Number);
}
