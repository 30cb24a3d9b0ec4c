import { Prisma } from '@openstation/db';
import type { Context } from './context.ts';
import { ConflictError, NotFoundError } from './errors.ts';
import { isPublicChange } from './public-change.ts';

/** What a mutation changed, for its audit entry, and what it returns. */
export interface Change<T> {
  entityType: string;
  entityId: number | null;
  before: unknown;
  after: unknown;
  result: T;
  /** The staff member to record when the caller is not yet signed in (login). */
  staffUserId?: number;
}

/** A record as an audit entry's `before` or `after` (also used by the CSV import). */
export function toJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  if (value === null || value === undefined) return Prisma.DbNull;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/** Turns the database's refusals into documented client errors. */
function clientErrorOf(error: unknown): unknown {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return error;
  if (error.code === 'P2002') return new ConflictError('A record with the same unique value already exists.');
  if (error.code === 'P2025') return new NotFoundError('The record to change does not exist.');
  if (error.code === 'P2003') return new NotFoundError('A record this input refers to does not exist.');
  return error;
}

/**
 * Runs a mutation's writes and its audit entry (who, action, entity, before, after) in one
 * transaction: if anything fails, neither the change nor the entry is kept. Once it has
 * committed, a change the portal shows is announced through `ctx.publicChanged`.
 */
export async function audited<T>(
  ctx: Context,
  action: string,
  work: (tx: Prisma.TransactionClient) => Promise<Change<T>>,
): Promise<T> {
  const { principal } = ctx;
  let done: Change<T>;
  try {
    done = await ctx.prisma.$transaction(async (tx) => {
      const change = await work(tx);
      await tx.auditEntry.create({
        data: {
          action,
          entityType: change.entityType,
          entityId: change.entityId,
          before: toJson(change.before),
          after: toJson(change.after),
          staffUserId: change.staffUserId ?? (principal.kind === 'staff' ? principal.userId : null),
          apiClientId: principal.kind === 'apiClient' ? principal.clientId : null,
        },
      });
      return change;
    });
  } catch (error) {
    throw clientErrorOf(error);
  }
  const committed = { action, entityType: done.entityType };
  if (isPublicChange(committed)) ctx.publicChanged(committed);
  return done.result;
}

/**
 * An audited change of one existing record: reads it (NOT_FOUND if absent), writes it, and
 * records before and after; returns the record's id.
 */
export function auditedUpdate<R>(
  ctx: Context,
  action: string,
  entityType: string,
  id: number,
  find: (tx: Prisma.TransactionClient) => Promise<R | null>,
  write: (tx: Prisma.TransactionClient, before: R) => Promise<unknown>,
): Promise<number> {
  return audited(ctx, action, async (tx) => {
    const before = await find(tx);
    if (before === null) throw new NotFoundError(`No ${entityType} has this id.`, { entityType });
    const after = await write(tx, before);
    return { entityType, entityId: id, before, after, result: id };
  });
}

/** An audited creation of one record; returns its id. */
export function auditedCreate<R extends { id: number }>(
  ctx: Context,
  action: string,
  entityType: string,
  create: (tx: Prisma.TransactionClient) => Promise<R>,
): Promise<number> {
  return audited(ctx, action, async (tx) => {
    const after = await create(tx);
    return { entityType, entityId: after.id, before: null, after, result: after.id };
  });
}
