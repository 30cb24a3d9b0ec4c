import { encodeGlobalID } from '@pothos/plugin-relay';
import fc from 'fast-check';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';

/** Real global ids by node type (so that generated inputs reach the rules, not only the id checks). */
export type KnownIds = Readonly<Record<string, readonly string[]>>;

/** Texts a careless or hostile client sends. */
const NASTY_TEXT = ['', ' ', '\u0000', 'a\u0000b', '\uD800', 'x\uDFFFy', '杨家村', 'a'.repeat(201), '<script>', "'; drop table", '%00', '../../etc/passwd', '🙂'];

/** Mostly plausible text (so that inputs get past validation to the database), now and then a nasty one. */
const text = fc.oneof(
  { arbitrary: fc.constantFrom('测试社区', '开放日', 'Test', 'editor@test.example', 'zhuze', '2026年第三季度工作报告', 'a-slug', '0512-12345678'), weight: 12 },
  { arbitrary: fc.constantFrom(...NASTY_TEXT), weight: 4 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 1 },
);

/** The node type an argument or field named `hint` (`stationId`, `areaIds`, or a mutation's name for its `id`) most likely takes. */
export function typeFor(hint: string, types: readonly string[]): string | undefined {
  const lower = hint.toLowerCase();
  const named = types.find((t) => lower === `${t.toLowerCase()}id` || lower === `${t.toLowerCase()}ids`);
  if (named) return named;
  return [...types].sort((a, b) => b.length - a.length).find((t) => lower.endsWith(t.toLowerCase()) || lower.includes(t.toLowerCase()));
}

function ids(known: KnownIds, hint: string): fc.Arbitrary<string> {
  const types = Object.keys(known);
  const likely = typeFor(hint, types);
  const real = likely && (known[likely]?.length ?? 0) > 0 ? (known[likely] ?? []) : types.flatMap((t) => known[t] ?? []);
  const forged = fc
    .tuple(fc.constantFrom(...types, 'Nope', 'LocalizedText'), fc.oneof(fc.constantFrom('0', '-1', '2147483648', '99999999999', 'abc', '1.5', ''), fc.nat().map(String)))
    .map(([type, id]) => encodeGlobalID(type, id));
  return real.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 6 }, { arbitrary: forged, weight: 3 }, { arbitrary: text, weight: 1 }) : fc.oneof(forged, text);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const date = fc.oneof(
  { arbitrary: fc.date({ min: new Date('2024-01-01'), max: new Date('2026-11-30'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), weight: 6 },
  { arbitrary: fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`), weight: 2 },
  { arbitrary: text, weight: 1 },
);
const dateTime = fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), date.map((d) => `${d}T00:00:00Z`), text);

/** An arbitrary JSON value for `type`, as a client would send it in the variables (now and then of the wrong kind). */
export function valueFor(type: GraphQLInputType, known: KnownIds, hint = '', depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueFor(type.ofType, known, hint, depth);
  const some = (arbitrary: fc.Arbitrary<unknown>) => fc.oneof({ arbitrary, weight: 12 }, { arbitrary: fc.constant(null), weight: 1 });
  if (isListType(type)) return some(fc.array(valueFor(type.ofType, known, hint, depth + 1), { maxLength: depth > 1 ? 1 : 3 }));
  if (isInputObjectType(type)) {
    if (depth > 3) return fc.constant({});
    const fields = Object.values(type.getFields());
    const record = Object.fromEntries(fields.map((f) => [f.name, valueFor(f.type, known, f.name, depth + 1)]));
    const required = fields.filter((f) => isNonNullType(f.type)).map((f) => f.name);
    return some(fc.record(record, { requiredKeys: required }));
  }
  if (isEnumType(type)) return some(fc.oneof({ arbitrary: fc.constantFrom(...type.getValues().map((v) => v.name)), weight: 9 }, { arbitrary: text, weight: 1 }));
  if (isScalarType(type)) {
    switch (type.name) {
      case 'String':
        return some(text);
      case 'ID':
        return some(ids(known, hint));
      case 'Int':
        return some(fc.oneof({ arbitrary: fc.integer({ min: 1, max: 50 }), weight: 4 }, { arbitrary: fc.integer({ min: -5, max: 100_000 }), weight: 1 }, { arbitrary: fc.constantFrom(0, -1, 2_147_483_647, -2_147_483_648, 2 ** 31, 1.5, 2026, 3), weight: 2 }));
      case 'Float':
        return some(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(-5, 140, 1e13)));
      case 'Boolean':
        return some(fc.boolean());
      case 'Date':
        return some(date);
      case 'DateTime':
        return some(dateTime);
      default:
        return fc.constant(null);
    }
  }
  return fc.constant(null);
}

/** Variables for every argument of `field`, keyed by argument name (optional ones sometimes left out). */
export function argumentsFor(field: GraphQLField<unknown, unknown>, known: KnownIds): fc.Arbitrary<Record<string, unknown>> {
  const record = Object.fromEntries(field.args.map((a: GraphQLArgument) => [a.name, valueFor(a.type, known, a.name === 'id' ? field.name : a.name)]));
  return fc.record(record, { requiredKeys: field.args.filter((a: GraphQLArgument) => isNonNullType(a.type)).map((a: GraphQLArgument) => a.name) });
}

/** `mutation($a: T!, …) { field(a: $a, …) { __typename } }` for `field`. */
export function operationFor(field: GraphQLField<unknown, unknown>, rootType: 'mutation' | 'query' = 'mutation'): string {
  const declared = field.args.map((a: GraphQLArgument) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = field.args.map((a: GraphQLArgument) => `${a.name}: $${a.name}`).join(', ');
  const named = field.type.toString().replace(/[[\]!]/g, '');
  const selection = isScalarType(namedScalar(field)) || isEnumType(namedScalar(field)) ? '' : ' { __typename }';
  return `${rootType}${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} } # ${named}`;
}

function namedScalar(field: GraphQLField<unknown, unknown>) {
  let type = field.type;
  while ('ofType' in type && type.ofType) type = type.ofType;
  return type;
}
