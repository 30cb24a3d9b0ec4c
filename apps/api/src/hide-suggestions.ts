import { type ExecutionResult, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Callers } from './auth/caller.ts';

const SUGGESTION = / ?Did you mean .*\?$/;

/** The same error without its "Did you mean …?" hint. */
function withoutSuggestion(error: GraphQLError): GraphQLError {
  if (!SUGGESTION.test(error.message)) return error;
  return new GraphQLError(error.message.replace(SUGGESTION, ''), {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
}

/**
 * Errors answered to anonymous callers carry no field or type suggestions ("Did you mean …?"),
 * which would let anyone map the non-public schema by guessing. Staff sessions and API keys
 * get them. The callers are known before the document is parsed; results are stripped on the
 * way out (not in validation), so the shared validation cache keeps the full messages.
 */
export function hideSuggestions(callers: Callers): Plugin {
  return {
    onExecutionResult({ request, result, setResult }) {
      const caller = callers.known(request);
      if (caller && caller.kind !== 'anonymous') return;
      if (!result || Array.isArray(result) || !('errors' in result)) return;
      const single = result as ExecutionResult;
      if (!single.errors?.some((e) => SUGGESTION.test(e.message))) return;
      setResult({ ...single, errors: single.errors.map(withoutSuggestion) });
    },
  };
}
