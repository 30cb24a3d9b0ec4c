import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Headers that make a request "not simple" for browsers, so that a page on another site can
 * only send it after a CORS preflight (which the allow-list answers): Yoga's own CSRF header,
 * and the two that carry credentials.
 */
export const CSRF_HEADERS = ['x-graphql-yoga-csrf', 'authorization', 'x-api-key'] as const;

/**
 * CSRF prevention (Yoga's plugin): a GET, or a POST with a form or text content type, must
 * carry one of `CSRF_HEADERS`; JSON POSTs are always preflighted and pass. Refusals answer
 * 403 with the documented code `CSRF_HEADER_REQUIRED`.
 */
export function csrfPrevention(): Plugin {
  const yogaPlugin = useCSRFPrevention({ requestHeaders: [...CSRF_HEADERS] });
  return {
    onRequestParse(payload) {
      try {
        return yogaPlugin.onRequestParse?.(payload);
      } catch (error) {
        if (error instanceof GraphQLError) {
          throw new GraphQLError(
            'This request could be sent by another web site: send it as a JSON POST, or add the header `X-GraphQL-Yoga-CSRF: 1` (or your credentials).',
            { extensions: { ...error.extensions, code: 'CSRF_HEADER_REQUIRED' } },
          );
        }
        throw error;
      }
    },
  };
}
