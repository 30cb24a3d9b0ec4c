import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { PrismaClient } from '@openstation/db';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import type { Callers } from '../auth/caller.ts';
import type { Principal } from '../auth/principal.ts';

const HASH = /^[0-9a-f]{64}$/;

/**
 * The operation a request names instead of sending its text: `extensions.persistedQuery`
 * `{ version: 1, sha256Hash }` (automatic persisted queries), or `documentId` —
 * `sha256:<hash>` or the bare hash — in the JSON body or the query string.
 */
export function requestedOperationId(params: GraphQLParams, request: Request): string | null {
  const persisted = params.extensions?.['persistedQuery'] as { version?: unknown; sha256Hash?: unknown } | undefined;
  if (persisted && typeof persisted === 'object' && persisted.version === 1 && typeof persisted.sha256Hash === 'string') {
    return persisted.sha256Hash;
  }
  const fromBody = (params as { documentId?: unknown }).documentId;
  const documentId = typeof fromBody === 'string' ? fromBody : new URL(request.url).searchParams.get('documentId');
  if (!documentId) return null;
  return documentId.startsWith('sha256:') ? documentId.slice('sha256:'.length) : documentId;
}

/** Whether the caller may send operation text rather than a registered operation's hash. */
export function mayRunArbitraryOperations(principal: Principal): boolean {
  return principal.kind !== 'apiClient' || principal.development;
}

export interface TrustedOperationsOptions {
  prisma: PrismaClient;
  callers: Callers;
  /** Refuse operation text from API keys not flagged `development`; otherwise anyone may send any. */
  required: boolean;
}

/**
 * Runs registered operations by their sha256 hash (for the clients each is registered for)
 * and, when `required`, refuses operation text from API keys that are not development keys
 * (PERSISTED_OPERATION_REQUIRED). Staff sessions and anonymous callers may always send text.
 */
export function trustedOperations({ prisma, callers, required }: TrustedOperationsOptions): Plugin {
  return usePersistedOperations({
    allowArbitraryOperations: async (request) => !required || mayRunArbitraryOperations(await callers.of(request)),
    extractPersistedOperationId: requestedOperationId,
    async getPersistedOperation(hash, request) {
      if (!HASH.test(hash)) return null;
      const principal = await callers.of(request);
      const operation = await prisma.trustedOperation.findUnique({
        where: { id: hash },
        select: { document: true, apiClientId: true, revokedAt: true },
      });
      if (!operation || operation.revokedAt) return null;
      const mine = operation.apiClientId === null || (principal.kind === 'apiClient' && principal.clientId === operation.apiClientId);
      return mine ? operation.document : null;
    },
    customErrors: {
      persistedQueryOnly: {
        message:
          'This API key may run registered operations only: send the operation\'s sha256 hash as ' +
          '`extensions.persistedQuery.sha256Hash` (or `documentId`) instead of its text. See docs/partners.md.',
        extensions: { code: 'PERSISTED_OPERATION_REQUIRED', http: { status: 403 } },
      },
      notFound: {
        message: 'No registered operation with this hash is available to this caller (unknown, revoked, or registered for another client).',
        extensions: { code: 'PERSISTED_OPERATION_NOT_FOUND', http: { status: 400 } },
      },
      keyNotFound: {
        message: 'Must provide a query string, or the sha256 hash of a registered operation.',
        extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
      },
    },
  });
}
