import type { GraphQLSchema } from 'graphql';
import { ConflictError, NotFoundError, StateError } from '../errors.ts';
import { checkOperationDocument, OperationDocumentError, operationHash } from '../trusted/operations.ts';
import type { Actor } from './actor.ts';
import { requireKeyAdmin } from './api-clients.ts';
import { requireRole } from './access.ts';
import { type UnitOfWork, write } from './unit-of-work.ts';

/** The client an operation is for, with its partner's station (null: every client, or a key without a partner). */
async function clientOf(uow: UnitOfWork, apiClientId: number | null) {
  if (apiClientId === null) return { stationId: null, revokedAt: null };
  const client = await uow.tx.apiClient.findUnique({ where: { id: apiClientId }, select: { revokedAt: true, partner: { select: { stationId: true } } } });
  if (!client) throw new NotFoundError('No API client has this id.', { entityType: 'ApiClient', field: 'apiClientId' });
  return { stationId: client.partner?.stationId ?? null, revokedAt: client.revokedAt };
}

/**
 * Registers one checked document (OPERATION_DOCUMENT_INVALID otherwise) for one client or,
 * with `apiClientId: null`, every client (bureau-wide admins). Registering it again for the
 * same clients changes nothing and records nothing; a revoked one is restored; one
 * registered for other clients answers CONFLICT. Returns its hash.
 */
export async function registerTrustedOperationIn(uow: UnitOfWork, schema: GraphQLSchema, document: string, apiClientId: number | null): Promise<string> {
  requireRole(uow.actor, 'admin');
  const operationName = checkOperationDocument(schema, document);
  const { stationId, revokedAt } = await clientOf(uow, apiClientId);
  requireKeyAdmin(uow.actor, stationId);
  if (revokedAt) throw new StateError('This API client has been revoked.', { field: 'apiClientId' });
  const id = operationHash(document);
  const before = await uow.tx.trustedOperation.findUnique({ where: { id } });
  if (before && before.revokedAt === null) {
    if (before.apiClientId === apiClientId) return id;
    throw new ConflictError(
      before.apiClientId === null
        ? 'This document is already registered for every client.'
        : 'This document is already registered for another client: revoke it first, or register it for every client.',
      { sha256Hash: id },
    );
  }
  const after = before
    ? await uow.tx.trustedOperation.update({ where: { id }, data: { revokedAt: null, apiClientId, operationName } })
    : await uow.tx.trustedOperation.create({ data: { id, document, operationName, apiClientId } });
  await uow.record({ action: 'trustedOperation.register', entityType: 'TrustedOperation', entityId: null, stationId, before, after });
  return id;
}

/**
 * Registers several documents for the same clients, all or none; a document that does not
 * check names its place in `extensions.index`. Returns their hashes in order.
 */
export function registerTrustedOperations(actor: Actor, schema: GraphQLSchema, documents: readonly string[], apiClientId: number | null) {
  return write(actor, async (uow) => {
    const hashes: string[] = [];
    for (const [index, document] of documents.entries()) {
      try {
        hashes.push(await registerTrustedOperationIn(uow, schema, document, apiClientId));
      } catch (error) {
        if (error instanceof OperationDocumentError) {
          throw new OperationDocumentError(`Document ${index + 1}: ${error.message}`, error.details.problems as [], { index, field: `documents.${index}` });
        }
        throw error;
      }
    }
    return hashes;
  });
}

/** Withdraws a registered operation at once; withdrawing it again changes nothing. */
export function revokeTrustedOperation(actor: Actor, sha256Hash: string) {
  return write(actor, async (uow) => {
    requireRole(actor, 'admin');
    const before = await uow.tx.trustedOperation.findUnique({ where: { id: sha256Hash } });
    if (!before) throw new NotFoundError('No registered operation has this hash.', { entityType: 'TrustedOperation' });
    const { stationId } = await clientOf(uow, before.apiClientId);
    requireKeyAdmin(actor, stationId);
    if (before.revokedAt) return sha256Hash;
    const after = await uow.tx.trustedOperation.update({ where: { id: sha256Hash }, data: { revokedAt: new Date() } });
    await uow.record({ action: 'trustedOperation.revoke', entityType: 'TrustedOperation', entityId: null, stationId, before, after });
    return sha256Hash;
  });
}
