import { Prisma } from '@openstation/db';
import { ConflictError, NotFoundError } from '../errors.ts';
import type { Actor, ContentWarning } from './actor.ts';
import { isPublicChange, type PublicChange } from './public-change.ts';

/** One change as the audit trail records it: who is added from the actor. */
export interface AuditRecord {
  /** `<entity>.<verb>`, e.g. `officer.update`. */
  action: string;
  entityType: string;
  entityId: number | null;
  /** The station the record belongs to, if one (the audit trail is filtered by it). */
  stationId: number | null;
  before: unknown;
  after: unknown;
  /** The staff member to name when the caller is not signed in yet (login). */
  staffUserId?: number;
}

/** The writes of one request (or one CSV import): a transaction, its audit entries, its announcements. */
export interface UnitOfWork {
  readonly tx: Prisma.TransactionClient;
  readonly actor: Actor;
  /** Writes the change's audit entry now; a public change is announced once the transaction commits. */
  record(entry: AuditRecord): Promise<void>;
  /** A warning returned beside the result if the change commits. */
  warn(warning: ContentWarning): void;
}

/** A record as an audit entry's `before` or `after`. */
export function toJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  if (value === null || value === undefined) return Prisma.DbNull;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/** The columns a unique-constraint violation names, as Prisma reports them with or without a driver adapter. */
export function uniqueFields(error: Prisma.PrismaClientKnownRequestError): string[] {
  const meta = (error.meta ?? {}) as {
    target?: unknown;
    driverAdapterError?: { cause?: { table?: unknown; constraint?: { fields?: unknown; index?: unknown } } };
  };
  const cause = meta.driverAdapterError?.cause;
  const fields = cause?.constraint?.fields ?? meta.target;
  if (Array.isArray(fields)) return fields.map((f) => String(f).replace(/^"|"$/g, ''));
  if (typeof fields === 'string') return [fields];
  // adapter-pg names only the index: Prisma's default `<Table>_<column>_<column>_key`.
  const index = cause?.constraint?.index;
  const table = typeof cause?.table === 'string' ? cause.table : null;
  if (typeof index !== 'string' || table === null || !index.startsWith(`${table}_`) || !index.endsWith('_key')) return [];
  return index.slice(table.length + 1, -'_key'.length).split('_');
}

/** Turns the database's refusals into documented client errors naming the field. */
function clientErrorOf(error: unknown): unknown {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return error;
  if (error.code === 'P2002') {
    const fields = uniqueFields(error).filter((f) => !f.endsWith('Id'));
    const field = fields[0] ?? null;
    const what = field ? `\`${field}\`` : 'a unique value';
    return new ConflictError(`Another record already has this ${what}: choose another.`, { field, fields });
  }
  if (error.code === 'P2025') return new NotFoundError('The record to change does not exist.');
  if (error.code === 'P2003') return new NotFoundError('A record this input refers to does not exist.');
  return error;
}

/** How long one unit of work may take; a CSV import of thousands of rows needs more. */
export interface WriteOptions {
  timeout?: number;
}

/**
 * Runs `work` as one unit: its writes and their audit entries (who, action, entity,
 * station, before, after) in one transaction — if anything fails, nothing is kept. Once it
 * has committed, each change the portal shows is announced (once per action and entity
 * type) and the warnings are handed to the actor. The only place that opens a transaction.
 */
export async function write<T>(actor: Actor, work: (uow: UnitOfWork) => Promise<T>, options: WriteOptions = {}): Promise<T> {
  const { principal } = actor;
  const changes = new Map<string, PublicChange>();
  const warnings: ContentWarning[] = [];
  let result: T;
  try {
    result = await actor.prisma.$transaction(
      async (tx) => {
        const uow: UnitOfWork = {
          tx,
          actor,
          async record(entry) {
            await tx.auditEntry.create({
              data: {
                action: entry.action,
                entityType: entry.entityType,
                entityId: entry.entityId,
                stationId: entry.stationId,
                before: toJson(entry.before),
                after: toJson(entry.after),
                staffUserId: entry.staffUserId ?? (principal.kind === 'staff' ? principal.userId : null),
                apiClientId: principal.kind === 'apiClient' ? principal.clientId : null,
                via: principal.kind === 'staff' ? (principal.via ?? null) : null,
              },
            });
            const change = { action: entry.action, entityType: entry.entityType, stationId: entry.stationId };
            if (isPublicChange(change)) changes.set(`${change.action}\u0000${change.entityType}\u0000${change.stationId}`, change);
          },
          warn(warning) {
            warnings.push(warning);
          },
        };
        return work(uow);
      },
      { maxWait: 10_000, timeout: options.timeout ?? 30_000 },
    );
  } catch (error) {
    throw clientErrorOf(error);
  }
  actor.warnings.push(...warnings);
  await Promise.all([...changes.values()].map((change) => actor.publicChanged(change)));
  return result;
}
