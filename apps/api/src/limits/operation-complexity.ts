import { complexityFromQuery } from '@pothos/plugin-complexity';
import stableStringify from 'fast-json-stable-stringify';
import { type DocumentNode, getOperationAST, type GraphQLSchema, isInterfaceType, isObjectType, Kind } from 'graphql';
import { QUERY_LIMITS } from './query-limits.ts';

export interface OperationComplexity {
  complexity: number;
  depth: number;
  breadth: number;
}

/** Variable sets remembered per document; more and the document's are forgotten. */
const RESULTS_PER_DOCUMENT = 100;

/**
 * The complexity plugin's measure of the operation a request executes, remembered per parsed
 * document (Yoga's parse cache hands the same document object back for the same text),
 * operation name and, where they can change it, variables: it depends on nothing else (no
 * field's complexity here reads the context), and measuring walks the whole operation.
 *
 * `complexityFromQuery` measures a document's first operation, so a document of several is
 * narrowed to the one executed (with its fragments) first.
 */
export function operationComplexityMemo(): (document: DocumentNode, operationName: string | null | undefined, schema: GraphQLSchema, ctx: object, variables: Record<string, unknown>) => OperationComplexity {
  const byDocument = new WeakMap<DocumentNode, Map<string, OperationComplexity>>();
  return (document, operationName, schema, ctx, variables) => {
    let results = byDocument.get(document);
    if (!results) {
      results = new Map();
      byDocument.set(document, results);
    }
    const key = readsArguments(schema) ? `${operationName ?? ''}\n${stableStringify(variables)}` : (operationName ?? '');
    let result = results.get(key);
    if (result === undefined) {
      const { complexity, depth, breadth } = complexityFromQuery(executedOperation(document, operationName), { schema, ctx, variables });
      result = { complexity, depth, breadth };
      if (results.size >= RESULTS_PER_DOCUMENT) results.clear();
      results.set(key, result);
    }
    return result;
  };
}

const argumentReaders = new WeakMap<GraphQLSchema, boolean>();

/**
 * Whether a field's complexity is a function of its arguments anywhere in the schema: only
 * then can variables change a measure (the plugin reads no argument otherwise, and ignores
 * directives), and a measure must be remembered per variables, not only per document.
 */
function readsArguments(schema: GraphQLSchema): boolean {
  let reads = argumentReaders.get(schema);
  if (reads === undefined) {
    reads = Object.values(schema.getTypeMap()).some(
      (type) => (isObjectType(type) || isInterfaceType(type)) && Object.values(type.getFields()).some((field) => typeof field.extensions?.complexity === 'function'),
    );
    argumentReaders.set(schema, reads);
  }
  return reads;
}

function executedOperation(document: DocumentNode, operationName: string | null | undefined): DocumentNode {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length <= 1) return document;
  const operation = getOperationAST(document, operationName);
  if (!operation) throw new Error('No such operation'); // execution reports it
  return { ...document, definitions: [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)] };
}

export function withinQueryLimits({ complexity, depth, breadth }: OperationComplexity): boolean {
  return complexity <= QUERY_LIMITS.complexity && depth <= QUERY_LIMITS.depth && breadth <= QUERY_LIMITS.breadth;
}

/**
 * Requests (their GraphQL context) whose operation the cost plugin has measured, before
 * execution, within `QUERY_LIMITS`. The complexity plugin checks the limits again in the first
 * root field, measuring the whole operation a second time; for these it need not (`limitsFor`).
 * An operation over a limit is left to that check, which refuses it with QUERY_TOO_COMPLEX.
 */
const measuredWithinLimits = new WeakSet<object>();

export function markWithinLimits(ctx: object): void {
  measuredWithinLimits.add(ctx);
}

/** The complexity plugin's limits for a request: none left to check when already measured within them. */
export function limitsFor(ctx: object): Partial<OperationComplexity> {
  return measuredWithinLimits.has(ctx) ? {} : QUERY_LIMITS;
}
