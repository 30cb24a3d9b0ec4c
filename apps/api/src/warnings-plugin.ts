import type { Plugin } from 'graphql-yoga';
import type { Context } from './context.ts';

/**
 * Puts the warnings of a request's committed changes (content rules that did not block) in
 * the response's `extensions.warnings`, as `{ code, field, message }`.
 */
export function warningsPlugin(): Plugin<Context> {
  return {
    onExecute({ args }) {
      return {
        onExecuteDone({ result, setResult }) {
          const { warnings } = args.contextValue;
          if (warnings.length === 0 || Symbol.asyncIterator in result) return;
          setResult({ ...result, extensions: { ...result.extensions, warnings } });
        },
      };
    },
  };
}
