import type { Prisma } from '@openstation/db';
import { NotFoundError, RuleError } from '../errors.ts';
import { authorize } from './access.ts';
import type { Actor } from './actor.ts';
import { changed, given, isEmpty, type Localized, localized, notNull } from './patch.ts';
import { chinaDay, inDateRange } from './rules.ts';
import { type UnitOfWork, write } from './unit-of-work.ts';

/**
 * Dated exceptions to a station's regular opening hours (holiday hours, closures): what the
 * portal shows beside the hours and schema.org's `specialOpeningHoursSpecification`.
 */

/** An hours exception's fields; on update every one may be left out (unchanged), the times cleared with null. */
export interface HoursExceptionFields {
  startsOn: Date;
  endsOn: Date;
  closed?: boolean | null;
  opens?: string | null;
  closes?: string | null;
  note: Localized;
}

/** Changes to an hours exception: a field left out is unchanged, `null` clears it (FIELD_REQUIRED where it cannot be empty). */
export type HoursExceptionPatch = { [K in keyof HoursExceptionFields]?: HoursExceptionFields[K] | null };

/** The longest exception, in days: longer changes are a change of the regular hours (`updateStation`). */
export const MAX_EXCEPTION_DAYS = 92;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DAY_MS = 86_400_000;
const day = (date: Date) => date.toISOString().slice(0, 10);

function timeOf(value: string | null | undefined, field: string): string | null | undefined {
  if (value == null) return value;
  if (!TIME.test(value)) throw new RuleError('HOURS_TIME_INVALID', field, `\`${field}\` is a time of day as HH:MM (24-hour, e.g. 09:00); "${value.slice(0, 20)}" is not.`);
  return value;
}

function columns(input: HoursExceptionPatch, path: string) {
  if (input.startsOn) inDateRange(input.startsOn, `${path}.startsOn`);
  if (input.endsOn) inDateRange(input.endsOn, `${path}.endsOn`);
  return {
    ...given({
      startsOn: notNull(input.startsOn, `${path}.startsOn`),
      endsOn: notNull(input.endsOn, `${path}.endsOn`),
      closed: notNull(input.closed, `${path}.closed`),
      opens: timeOf(input.opens, `${path}.opens`),
      closes: timeOf(input.closes, `${path}.closes`),
    }),
    ...localized('note', input.note, `${path}.note`, true),
  };
}

interface Shape {
  startsOn: Date;
  endsOn: Date;
  closed: boolean;
  opens: string | null;
  closes: string | null;
}

/**
 * The rules on the exception as it will be (so a patch of one field can be refused because of
 * another): dates in order, not over, not too long; closed without times, open with both and
 * opening before closing. `input` says which fields were given, to name the one to correct.
 */
function fits(next: Shape, input: HoursExceptionPatch, path: string, today: Date): void {
  const dateField = input.endsOn === undefined ? `${path}.startsOn` : `${path}.endsOn`;
  if (day(next.endsOn) < day(next.startsOn)) {
    throw new RuleError('HOURS_ENDS_BEFORE_START', dateField, 'An hours exception cannot end (`endsOn`) before it starts (`startsOn`).');
  }
  if (input.startsOn !== undefined || input.endsOn !== undefined) {
    if (day(next.endsOn) < day(today)) {
      throw new RuleError('HOURS_IN_PAST', dateField, `The exception would be over before today (${day(today)}): residents are told about days to come.`);
    }
    const days = Math.round((next.endsOn.getTime() - next.startsOn.getTime()) / DAY_MS) + 1;
    if (days > MAX_EXCEPTION_DAYS) {
      throw new RuleError(
        'HOURS_TOO_LONG',
        dateField,
        `An hours exception lasts at most ${MAX_EXCEPTION_DAYS} days (this one ${days}); change the station's regular opening hours instead.`,
        { max: MAX_EXCEPTION_DAYS },
      );
    }
  }
  if (next.closed) {
    const field = next.opens !== null ? 'opens' : next.closes !== null ? 'closes' : null;
    if (field) throw new RuleError('HOURS_CLOSED_WITH_TIMES', `${path}.${field}`, 'A closed day has no opening times: clear `opens` and `closes` (null), or set `closed` to false.');
    return;
  }
  for (const field of ['opens', 'closes'] as const) {
    if (next[field] === null) throw new RuleError('FIELD_REQUIRED', `${path}.${field}`, `Give \`${field}\` (HH:MM), or set \`closed\` to true.`);
  }
  if ((next.closes ?? '') <= (next.opens ?? '')) {
    const field = input.closes === undefined && input.opens !== undefined ? 'opens' : 'closes';
    throw new RuleError('HOURS_CLOSES_BEFORE_OPENS', `${path}.${field}`, `The window must open before it closes (${next.opens}–${next.closes}).`);
  }
}

/** HOURS_OVERLAP when another exception of the station covers one of the days. */
async function noOverlap(uow: UnitOfWork, stationId: number, next: Shape, id: number | null, input: HoursExceptionPatch, path: string) {
  const other = await uow.tx.stationHoursException.findFirst({
    where: { stationId, id: id === null ? undefined : { not: id }, startsOn: { lte: next.endsOn }, endsOn: { gte: next.startsOn } },
    orderBy: { startsOn: 'asc' },
  });
  if (other) {
    const field = input.startsOn === undefined && input.endsOn !== undefined ? `${path}.endsOn` : `${path}.startsOn`;
    throw new RuleError(
      'HOURS_OVERLAP',
      field,
      `Another exception of the station covers ${day(other.startsOn)}–${day(other.endsOn)}: change that one instead.`,
      { exceptionId: other.id },
    );
  }
}

async function found(tx: Prisma.TransactionClient, id: number) {
  const row = await tx.stationHoursException.findUnique({ where: { id } });
  if (!row) throw new NotFoundError('No hours exception has this id.', { entityType: 'StationHoursException' });
  return row;
}

/** Creates an hours exception of a station in `uow` (its editors); returns the new row. */
export async function createHoursExceptionIn(uow: UnitOfWork, stationId: number, input: HoursExceptionFields, path = 'input', today = chinaDay()) {
  authorize(uow.actor, 'editor', stationId);
  // `closed` left out or null on a new exception: open.
  const data = { stationId, ...columns({ ...input, closed: input.closed ?? false }, path) } as Prisma.StationHoursExceptionUncheckedCreateInput;
  const next = { startsOn: input.startsOn, endsOn: input.endsOn, closed: input.closed ?? false, opens: input.opens ?? null, closes: input.closes ?? null };
  fits(next, input, path, today);
  await noOverlap(uow, stationId, next, null, input, path);
  const after = await uow.tx.stationHoursException.create({ data });
  await uow.record({ action: 'stationHoursException.create', entityType: 'StationHoursException', entityId: after.id, stationId, before: null, after });
  return after;
}

/** Changes the given fields of an hours exception in `uow`; an empty or no-op patch writes nothing. Returns whether it changed. */
export async function updateHoursExceptionIn(uow: UnitOfWork, id: number, patch: HoursExceptionPatch, path = 'input', today = chinaDay()): Promise<boolean> {
  const before = await found(uow.tx, id);
  authorize(uow.actor, 'editor', before.stationId);
  const data = changed(before, columns(patch, path));
  if (isEmpty(data)) return false;
  const next = { ...before, ...data } as Shape;
  fits(next, data, path, today);
  if (data.startsOn !== undefined || data.endsOn !== undefined) await noOverlap(uow, before.stationId, next, id, data, path);
  const after = await uow.tx.stationHoursException.update({ where: { id }, data });
  await uow.record({ action: 'stationHoursException.update', entityType: 'StationHoursException', entityId: id, stationId: before.stationId, before, after });
  return true;
}

/** Deletes an hours exception (e.g. announced by mistake); the audit entry keeps what it held. */
export async function deleteHoursExceptionIn(uow: UnitOfWork, id: number): Promise<void> {
  const before = await found(uow.tx, id);
  authorize(uow.actor, 'editor', before.stationId);
  await uow.tx.stationHoursException.delete({ where: { id } });
  await uow.record({ action: 'stationHoursException.delete', entityType: 'StationHoursException', entityId: id, stationId: before.stationId, before, after: null });
}

/** {@link createHoursExceptionIn} as one unit of work; returns the exception's id. */
export const createHoursException = (actor: Actor, stationId: number, input: HoursExceptionFields) =>
  write(actor, async (uow) => (await createHoursExceptionIn(uow, stationId, input)).id);

/** {@link updateHoursExceptionIn} as one unit of work; returns whether it changed. */
export const updateHoursException = (actor: Actor, id: number, patch: HoursExceptionPatch) => write(actor, (uow) => updateHoursExceptionIn(uow, id, patch));

/** {@link deleteHoursExceptionIn} as one unit of work. */
export const deleteHoursException = (actor: Actor, id: number) => write(actor, (uow) => deleteHoursExceptionIn(uow, id));
