import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { GraphQLError, ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Limits checked while an operation is parsed and validated, before the complexity plugin
 * (`QUERY_LIMITS`) can measure it: a document of more than `tokens` tokens stops the parser
 * (10,000 nested braces or brackets would otherwise overflow its recursion), and no selection,
 * introspection included, goes deeper than `depth` levels (fragments counted where spread).
 */
export const PARSER_LIMITS = { tokens: 1000, depth: 20 } as const;

/** Gives GraphQL Armor's error the documented code and the limit. */
function asTooComplex(kind: keyof typeof PARSER_LIMITS, error: GraphQLError): GraphQLError {
  Object.assign(error.extensions, { code: 'QUERY_TOO_COMPLEX', kind, limits: PARSER_LIMITS });
  return error;
}

/** GraphQL Armor's token and depth limits (Yoga plugins), answering QUERY_TOO_COMPLEX with `extensions.kind` `tokens` or `depth`. */
export function parserLimits(): Plugin[] {
  return [
    maxTokensPlugin({ n: PARSER_LIMITS.tokens, onReject: [(_context, error) => void asTooComplex('tokens', error)] }),
    maxDepthPlugin({
      n: PARSER_LIMITS.depth,
      ignoreIntrospection: false,
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(asTooComplex('depth', error))],
    }),
  ];
}
