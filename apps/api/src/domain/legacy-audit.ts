// TRANSITIONAL: the old `audited*` helpers over the unit of work, while the mutation files
// move to domain modules. Deleted when the last caller has moved (same session).
import type { Prisma } from '@openstation/db';
import { NotFoundError } from '../errors.ts';
import type { Actor } from './actor.ts';
import { write } from './unit-of-work.ts';

export interface Change<T> {
  entityType: string;
  entityId: number | null;
  before: unknown;
  after: unknown;
  result: T;
  staffUserId?: number;
  stationId?: number | null;
}

export function audited<T>(actor: Actor, action: string, work: (tx: Prisma.TransactionClient) => Promise<Change<T>>): Promise<T> {
  return write(actor, async (uow) => {
    const change = await work(uow.tx);
    await uow.record({ action, entityType: change.entityType, entityId: change.entityId, stationId: change.stationId ?? null, before: change.before, after: change.after, ...(change.staffUserId ? { staffUserId: change.staffUserId } : {}) });
    return change.result;
  });
}

export function auditedUpdate<R>(actor: Actor, action: string, entityType: string, id: number, find: (tx: Prisma.TransactionClient) => Promise<R | null>, update: (tx: Prisma.TransactionClient, before: R) => Promise<unknown>): Promise<number> {
  return audited(actor, action, async (tx) => {
    const before = await find(tx);
    if (before === null) throw new NotFoundError(`No ${entityType} has this id.`, { entityType });
    const after = await update(tx, before);
    return { entityType, entityId: id, before, after, result: id };
  });
}

export function auditedCreate<R extends { id: number }>(actor: Actor, action: string, entityType: string, create: (tx: Prisma.TransactionClient) => Promise<R>): Promise<number> {
  return audited(actor, action, async (tx) => {
    const after = await create(tx);
    return { entityType, entityId: after.id, before: null, after, result: after.id };
  });
}
