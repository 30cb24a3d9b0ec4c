import { PothosValidationError } from '@pothos/core';
import { InputValidationError } from '@pothos/plugin-validation';
import { GraphQLError, Kind } from 'graphql';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from './database-unavailable.ts';
import { ClientError } from './errors.ts';

/** Gives a client-facing error its code in place: Yoga logs only errors that were replaced. */
function withCode(error: GraphQLError, code: string, details: Record<string, unknown> = {}): GraphQLError {
  Object.assign(error.extensions, details, { code });
  return error;
}

/** One validation issue as `{ path: "input.slug", message }`. */
function issueField(issue: InputValidationError['issues'][number]): { path: string; message: string } {
  const path = (issue.path ?? []).map((p) => (typeof p === 'object' ? String(p.key) : String(p))).join('.');
  return { path, message: issue.message };
}

/**
 * The client error behind `error`, however deep graphql-js wrapped it (a scalar's refusal of a
 * literal reaches validation as an error inside an error), or null.
 */
export function clientErrorIn(error: GraphQLError): ClientError | null {
  let cause: unknown = error.originalError;
  for (let depth = 0; depth < 5 && cause instanceof Error; depth++) {
    if (cause instanceof ClientError) return cause;
    cause = cause instanceof GraphQLError ? cause.originalError : null;
  }
  return null;
}

/**
 * Decides what a caller sees of an error: client errors keep their message and get a
 * documented `extensions.code`; anything unexpected is replaced by a generic message
 * (and Yoga logs the original).
 */
export function maskError(error: unknown, message: string): Error {
  if (error instanceof GraphQLError) {
    const original = error.originalError;
    const client = clientErrorIn(error);
    if (client) return withCode(error, client.code, client.details);
    if (original instanceof InputValidationError) {
      return withCode(error, 'BAD_USER_INPUT', { fields: original.issues.map(issueField) });
    }
    if (original instanceof PothosValidationError) return withCode(error, 'BAD_USER_INPUT');
    // A variable value that is missing or does not fit its type (graphql-js points at the
    // variable's definition): the caller's input, not a broken query.
    if (error.path === undefined && error.nodes?.[0]?.kind === Kind.VARIABLE_DEFINITION) return withCode(error, 'BAD_USER_INPUT');
    if (original === undefined || original === null) {
      return typeof error.extensions.code === 'string' ? error : withCode(error, 'GRAPHQL_VALIDATION_FAILED');
    }
  }
  const cause = error instanceof GraphQLError ? error.originalError : error;
  if (isDatabaseUnavailable(cause)) {
    return new GraphQLError('The service is busy or its database is out of reach: retry later.', {
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfter: RETRY_AFTER_SECONDS, http: { status: 503, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } } },
    });
  }
  return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}
