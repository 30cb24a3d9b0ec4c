import {
  type DocumentNode,
  getNamedType,
  type GraphQLInputType,
  GraphQLError,
  type GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  isSpecifiedScalarType,
  Kind,
  TypeInfo,
  type ValueNode,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ClientError } from '../errors.ts';
import { clientErrorIn } from '../mask-error.ts';
import { DEFAULT_LIST_LIMIT, LIST_LIMITS } from './list-limits.ts';

/** Why a value was refused, and where: `input.name.zh`, `content.metrics`. */
export interface InputProblem {
  path: string;
  message: string;
}

type Variables = Readonly<Record<string, unknown>> | null | undefined;

/** Why a text cannot be stored (PostgreSQL text holds neither NUL nor half a UTF-16 pair), or null. */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain the character U+0000 (NUL)';
  if (!text.isWellFormed()) return 'must be valid Unicode text (it holds an unpaired surrogate)';
  return null;
}

function listProblem(length: number, limitKey: string | null): string | null {
  const max = (limitKey && LIST_LIMITS[limitKey]) || DEFAULT_LIST_LIMIT;
  return length > max ? `has at most ${max.toLocaleString('en')} items (${length.toLocaleString('en')} given)` : null;
}

const join = (path: readonly (string | number)[]) => path.join('.');

/** Checks a value as sent in the variables (JSON), against the type it will be coerced to. */
function checkRaw(value: unknown, type: GraphQLInputType, path: (string | number)[], limitKey: string | null): InputProblem | null {
  if (value === null || value === undefined) return null;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    if (!Array.isArray(value)) return checkRaw(value, inner.ofType, path, null);
    const tooLong = listProblem(value.length, limitKey);
    if (tooLong) return { path: join(path), message: tooLong };
    for (const [index, item] of value.entries()) {
      const problem = checkRaw(item, inner.ofType, [...path, index], null);
      if (problem) return problem;
    }
    return null;
  }
  if (isInputObjectType(inner)) {
    if (typeof value !== 'object' || Array.isArray(value)) return null;
    const fields = inner.getFields();
    for (const [name, item] of Object.entries(value)) {
      const field = fields[name];
      if (!field) continue;
      const problem = checkRaw(item, field.type, [...path, name], `${inner.name}.${name}`);
      if (problem) return problem;
    }
    return null;
  }
  if (typeof value !== 'string') return null;
  const problem = textProblem(value) ?? scalarProblem(inner, value);
  return problem ? { path: join(path), message: problem } : null;
}

/** What our own scalars refuse in a text (a date out of range), so that the refusal names the field; other problems are graphql-js's to report. */
function scalarProblem(type: GraphQLInputType, value: string): string | null {
  if (!isScalarType(type) || isSpecifiedScalarType(type)) return null;
  try {
    (type.coerceInputValue ?? type.parseValue).call(type, value);
    return null;
  } catch (error) {
    return error instanceof ClientError ? error.message : null;
  }
}

/** Checks a value written in the document, following variables into `variables`. */
function checkLiteral(node: ValueNode, type: GraphQLInputType, path: (string | number)[], limitKey: string | null, variables: Variables): InputProblem | null {
  if (node.kind === Kind.VARIABLE) return checkRaw(variables?.[node.name.value], type, path, limitKey);
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    if (node.kind !== Kind.LIST) return checkLiteral(node, inner.ofType, path, null, variables);
    const tooLong = listProblem(node.values.length, limitKey);
    if (tooLong) return { path: join(path), message: tooLong };
    for (const [index, item] of node.values.entries()) {
      const problem = checkLiteral(item, inner.ofType, [...path, index], null, variables);
      if (problem) return problem;
    }
    return null;
  }
  if (isInputObjectType(inner)) {
    if (node.kind !== Kind.OBJECT) return null;
    const fields = inner.getFields();
    for (const field of node.fields) {
      const definition = fields[field.name.value];
      if (!definition) continue;
      const problem = checkLiteral(field.value, definition.type, [...path, field.name.value], `${inner.name}.${field.name.value}`, variables);
      if (problem) return problem;
    }
    return null;
  }
  if (node.kind !== Kind.STRING) return null;
  const problem = textProblem(node.value);
  return problem ? { path: join(path), message: problem } : null;
}

/** An argument written in a document, with what checking it needs. */
interface ArgumentSite {
  value: ValueNode;
  type: GraphQLInputType;
  name: string;
  limitKey: string | null;
}

/** The arguments of `document` that the schema defines, in document order. */
function argumentSites(schema: GraphQLSchema, document: DocumentNode): ArgumentSite[] {
  const typeInfo = new TypeInfo(schema);
  const sites: ArgumentSite[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const argument = typeInfo.getArgument();
        if (!argument) return false;
        const field = typeInfo.getFieldDef();
        const parent = typeInfo.getParentType();
        const limitKey = field && parent ? `${getNamedType(parent).name}.${field.name}(${argument.name})` : null;
        sites.push({ value: node.value, type: argument.type, name: argument.name, limitKey });
        return false;
      },
    }),
  );
  return sites;
}

/**
 * Argument sites per schema and document. Yoga's parse cache hands every request with the same
 * operation text the same document, so the typed walk of the document is done once per
 * operation, not per request; only the values (variables differ) are checked each time.
 */
const sitesBySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, readonly ArgumentSite[]>>();

function cachedArgumentSites(schema: GraphQLSchema, document: DocumentNode): readonly ArgumentSite[] {
  let byDocument = sitesBySchema.get(schema);
  if (!byDocument) sitesBySchema.set(schema, (byDocument = new WeakMap()));
  let sites = byDocument.get(document);
  if (!sites) byDocument.set(document, (sites = argumentSites(schema, document)));
  return sites;
}

/**
 * The first argument of `document` (written in it or sent as a variable) holding a text
 * PostgreSQL cannot store, or a list longer than its limit ({@link LIST_LIMITS}), or null.
 * Reads the raw values, so a long list is refused before any of its items is coerced.
 */
export function findInputProblem(schema: GraphQLSchema, document: DocumentNode, variables: Variables): InputProblem | null {
  for (const { value, type, name, limitKey } of cachedArgumentSites(schema, document)) {
    const found = checkLiteral(value, type, [name], limitKey, variables);
    if (found) return found;
  }
  return null;
}

/**
 * The one input boundary: before an operation runs (and before graphql-js coerces its
 * variables), every string argument and input field is checked for U+0000 and unpaired
 * surrogates and every list for its maximum length; the first problem answers BAD_USER_INPUT
 * naming the field (`extensions.field`, and `extensions.fields` as validation does). A value
 * written in the document that a scalar refuses (a date out of range) fails validation with
 * the scalar's code (BAD_USER_INPUT) too, as it does when sent as a variable.
 */
export function inputBoundary(): Plugin {
  return {
    onValidate() {
      return ({ result }) => {
        for (const error of result) {
          const client = clientErrorIn(error);
          if (client) Object.assign(error.extensions, client.details, { code: client.code });
        }
      };
    },
    onExecute({ args, setResultAndStopExecution }) {
      const problem = findInputProblem(args.schema, args.document, args.variableValues as Variables);
      if (!problem) return;
      const message = `\`${problem.path}\` ${problem.message}.`;
      setResultAndStopExecution({
        errors: [new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field: problem.path, fields: [{ path: problem.path, message: problem.message }] } })],
      });
    },
  };
}
