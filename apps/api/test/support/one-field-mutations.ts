import { encodeGlobalID } from '@pothos/plugin-relay';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { typeFor } from './schema-arbitraries.ts';
import {
  type GraphQLField,
  type GraphQLInputType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';

/**
 * One field at a time: from an input that the API accepted, change exactly one value (an
 * argument, an input field, a list element or the list itself) to a boundary or odd value of
 * its type, so that a rule's edge is reached with everything else valid. The schema says what
 * each value's type is; the boundaries are listed here by type.
 */

/** Where a value sits in the variables, and its GraphQL type. */
export interface Slot {
  path: (string | number)[];
  type: GraphQLInputType;
}

/** Every value of `variables` (arguments, input fields at any depth, list elements), with its type. */
export function slotsOf(field: GraphQLField<unknown, unknown>, variables: Record<string, unknown>): Slot[] {
  const slots: Slot[] = [];
  const walk = (type: GraphQLInputType, value: unknown, path: (string | number)[]) => {
    slots.push({ path, type });
    const inner = getNullableType(type);
    if (isListType(inner) && Array.isArray(value)) value.forEach((v, i) => walk(inner.ofType, v, [...path, i]));
    else if (isInputObjectType(inner) && value && typeof value === 'object') {
      for (const f of Object.values(inner.getFields())) walk(f.type, (value as Record<string, unknown>)[f.name], [...path, f.name]);
    }
  };
  for (const arg of field.args) walk(arg.type, variables[arg.name], [arg.name]);
  return slots;
}

const LONG = '长'.repeat(10_001);
const STRINGS = ['', ' ', '\u3000', 'a'.repeat(201), LONG, '\u0000', 'x\uD800', '\u202Eevil', '\r\n', '0', 'null', '👮‍♀️'];
const DATES = ['1899-12-31', '1900-01-01', '2100-12-31', '2101-01-01', '0000-01-01', '2026-02-29', '2028-02-29', '2026-13-01', '2026-1-1', ''];
const INTS = [0, -1, 1, 2_147_483_647, -2_147_483_648, 2 ** 31, 2 ** 53, 1.5];
const FLOATS = [0, -0.0001, 100.0001, 1e308, -1e308, 5e-324];

/** Odd values of `type` for the one slot being changed (null and "left out" are always among them). */
function boundaries(type: GraphQLInputType, current: unknown, otherIds: readonly string[]): unknown[] {
  const inner = getNullableType(type);
  const common: unknown[] = [null, undefined];
  if (isListType(inner)) {
    const first = Array.isArray(current) ? current[0] : undefined;
    return [...common, [], [null], Array.from({ length: 101 }, () => first ?? null), Array.from({ length: 10_001 }, () => first ?? null)];
  }
  if (isInputObjectType(inner)) return [...common, {}, 'not an object', []];
  if (isEnumType(inner)) return [...common, ...inner.getValues().map((v) => v.name), 'lowercase', ''];
  if (isScalarType(inner)) {
    switch (inner.name) {
      case 'String':
        return [...common, ...STRINGS];
      case 'ID':
        return [
          ...common,
          ...otherIds,
          ...(typeof current === 'string' ? ['0', '-1', '2147483648', '99999999999', 'x'].map((n) => encodeGlobalID(Buffer.from(current, 'base64').toString().split(':')[0] ?? 'Area', n)) : []),
          'not-base64!',
          '',
        ];
      case 'Int':
        return [...common, ...INTS];
      case 'Float':
        return [...common, ...FLOATS];
      case 'Boolean':
        return [...common, !current, 'true'];
      case 'Date':
        return [...common, ...DATES];
      case 'DateTime':
        return [...common, ...DATES.map((d) => `${d}T00:00:00Z`), '2026-11-22T25:00:00Z'];
      default:
        return [...common, ...STRINGS.slice(0, 6), 0, true, {}];
    }
  }
  return common;
}

/** `variables` with the value at `path` replaced by `value` (left out when `undefined`). */
function replaced(variables: Record<string, unknown>, path: readonly (string | number)[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(variables);
  let holder: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    const next = holder[key];
    if (!next || typeof next !== 'object') return copy;
    holder = next as Record<string | number, unknown>;
  }
  const last = path[path.length - 1] as string | number;
  if (value === undefined && !Array.isArray(holder)) delete holder[last];
  else holder[last] = value === undefined ? null : value;
  return copy;
}

/** An accepted request: the field, its caller (an index) and the variables that succeeded. */
export interface Accepted {
  field: GraphQLField<unknown, unknown>;
  caller: number;
  variables: Record<string, unknown>;
}

/**
 * Requests that differ from an accepted one in exactly one value: which one and its new value
 * chosen by fast-check (so a failure shrinks to the simplest such change). `otherIds` are real
 * ids of any type (an id of the wrong type is an odd value too).
 */
export function oneFieldMutations(accepted: readonly Accepted[], otherIds: readonly string[]): fc.Arbitrary<Accepted & { changed: string }> {
  // A mutation without arguments (logout) has nothing to change.
  const starts = accepted.map((base) => ({ base, slots: slotsOf(base.field, base.variables) })).filter((s) => s.slots.length > 0);
  return fc
    .constantFrom(...starts)
    .chain(({ base, slots }) => {
      return fc.constantFrom(...slots).chain((slot) => {
        const current = slot.path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), base.variables);
        return fc.constantFrom(...boundaries(slot.type, current, otherIds)).map((value) => ({
          ...base,
          variables: replaced(base.variables, slot.path, value),
          changed: `${slot.path.join('.')} = ${JSON.stringify(value)?.slice(0, 60) ?? 'left out'}`,
        }));
      });
    });
}

/** Odd cell values a spreadsheet or a careless hand puts in a CSV file. */
const CELLS = ['', ' ', '\u0000', '=1+1', '"', '""', 'a,b', '多行\n文本', '1899-12-31', '2101-01-01', '2026-02-30', '-1', '2147483648', '1e9', 'TRUE', '否', LONG.slice(0, 2000), 'zhuze', 'nowhere'];

/**
 * CSV uploads for `importCsv`, each one change away from a file the API exported (so it was
 * valid): one cell set to an odd value, a column dropped or doubled, a row doubled or cut short,
 * the byte order mark or the header taken off. `exports` maps each `CsvKind` enum value to the
 * text `exportCsv` answered; the row and column are chosen by fast-check.
 */
export function csvUploads(exports: Readonly<Record<string, string>>): fc.Arbitrary<{ kind: string; file: string; dryRun: boolean; validOnly: boolean; changed: string }> {
  const kinds = Object.entries(exports).map(([kind, text]) => ({ kind, rows: parse(text.replace(/^\uFEFF/, ''), { relaxColumnCount: true }) as string[][] }));
  return fc.constantFrom(...kinds).chain(({ kind, rows }) => {
    const width = rows[0]?.length ?? 1;
    const cell = fc.record({ row: fc.nat(Math.max(0, rows.length - 1)), column: fc.nat(Math.max(0, width - 1)), value: fc.constantFrom(...CELLS) }).map(({ row, column, value }) => ({
      rows: rows.map((r, i) => (i === row ? r.map((c, j) => (j === column ? value : c)) : r)),
      changed: `row ${row + 1}, column ${rows[0]?.[column] ?? column} = ${JSON.stringify(value).slice(0, 40)}`,
    }));
    const column = fc.nat(Math.max(0, width - 1));
    const shape = fc.oneof(
      column.map((c) => ({ rows: rows.map((r) => r.filter((_, j) => j !== c)), changed: `column ${rows[0]?.[c]} dropped` })),
      column.map((c) => ({ rows: rows.map((r) => [...r, r[c] ?? '']), changed: `column ${rows[0]?.[c]} doubled` })),
      fc.nat(Math.max(0, rows.length - 1)).map((i) => ({ rows: [...rows, rows[i] ?? []], changed: `row ${i + 1} doubled` })),
      fc.nat(Math.max(0, rows.length - 1)).map((i) => ({ rows: rows.map((r, k) => (k === i ? r.slice(0, 1) : r)), changed: `row ${i + 1} cut short` })),
      fc.constant({ rows: rows.slice(1), changed: 'no header' }),
      fc.constant({ rows: [rows[0] ?? []], changed: 'header only' }),
    );
    return fc.record({ change: fc.oneof({ arbitrary: cell, weight: 3 }, { arbitrary: shape, weight: 1 }), bom: fc.boolean(), dryRun: fc.boolean(), validOnly: fc.boolean() }).map(({ change, bom, dryRun, validOnly }) => ({
      kind,
      file: `${bom ? '\uFEFF' : ''}${stringify([...change.rows], { record_delimiter: 'windows' })}`,
      dryRun,
      validOnly,
      changed: `${kind}: ${change.changed}`,
    }));
  });
}

/**
 * The smallest plausible input of a mutation: its required arguments and input fields only,
 * with a real id of the likeliest type, the first enum value, a unique text, 1, false, a recent
 * date; an optional patch input is left empty. Tried once as an admin, and kept as a starting
 * point when the API accepts it.
 */
export function minimalInput(field: GraphQLField<unknown, unknown>, known: Readonly<Record<string, readonly string[]>>, unique: string): Record<string, unknown> {
  const types = Object.keys(known);
  const value = (type: GraphQLInputType, hint: string): unknown => {
    const inner = getNullableType(type);
    if (isListType(inner)) return [];
    if (isInputObjectType(inner)) {
      return Object.fromEntries(Object.values(inner.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, value(f.type, f.name)]));
    }
    if (isEnumType(inner)) return inner.getValues()[0]?.name;
    switch (inner.name) {
      case 'ID': {
        const likely = typeFor(hint, types);
        return (likely && known[likely]?.[0]) ?? Object.values(known).flat()[0];
      }
      case 'Int':
        return 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return false;
      case 'Date':
        return '2026-11-01';
      case 'DateTime':
        return '2026-11-01T02:00:00Z';
      default:
        return /slug/i.test(hint) ? `f-${unique}` : /email/i.test(hint) ? `${unique}@fuzz.example` : `测试${unique}`;
    }
  };
  return Object.fromEntries(field.args.filter((a) => isNonNullType(a.type)).map((a) => [a.name, value(a.type, a.name === 'id' ? field.name : a.name)]));
}
