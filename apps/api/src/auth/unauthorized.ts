import { ClientError } from '../errors.ts';
import type { Principal } from './principal.ts';

/** UNAUTHENTICATED for anonymous callers, FORBIDDEN for signed-in callers without the role or scope. */
export function unauthorizedError(principal: Principal): ClientError {
  return principal.kind === 'anonymous'
    ? new ClientError('UNAUTHENTICATED', 'Sign in or send an API key to use this field.')
    : new ClientError('FORBIDDEN', 'Your role or key scopes do not allow this field.');
}
