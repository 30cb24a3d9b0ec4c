import type { EventKind, Prisma } from '@openstation/db';
import { NotFoundError, RuleError } from '../errors.ts';
import { authorize } from './access.ts';
import type { Actor } from './actor.ts';
import { changed, given, isEmpty, type Localized, localized, notNull } from './patch.ts';
import { inDateRange } from './rules.ts';
import { unique } from './unique.ts';
import { type UnitOfWork, write } from './unit-of-work.ts';

/** A volunteer team's fields (群防群治); on update every one may be left out, optional ones cleared with null. */
export interface VolunteerTeamFields {
  name: Localized;
  description: Localized;
  memberCount?: number | null;
  foundedYear?: number | null;
}

/** Changes to a volunteer team: a field left out is unchanged, `null` clears it (FIELD_REQUIRED where it cannot be empty). */
export type VolunteerTeamPatch = { [K in keyof VolunteerTeamFields]?: VolunteerTeamFields[K] | null };

function teamColumns(input: VolunteerTeamPatch, path: string) {
  return {
    ...localized('name', input.name, `${path}.name`, true),
    ...localized('description', input.description, `${path}.description`, true),
    ...given({ memberCount: input.memberCount, foundedYear: input.foundedYear }),
  };
}

async function teamFound(tx: Prisma.TransactionClient, id: number) {
  const team = await tx.volunteerTeam.findUnique({ where: { id } });
  if (!team) throw new NotFoundError('No volunteer team has this id.', { entityType: 'VolunteerTeam' });
  return team;
}

const uniqueTeamName = (path: string) => ({ nameZh: `${path}.name` });

/** Creates a volunteer team of a station in `uow` (its editors); returns the new row. */
export async function createVolunteerTeamIn(uow: UnitOfWork, stationId: number, input: VolunteerTeamFields, path = 'input') {
  authorize(uow.actor, 'editor', stationId);
  const data = { stationId, ...teamColumns(input, path) } as Prisma.VolunteerTeamUncheckedCreateInput;
  const after = await unique(uow.tx.volunteerTeam.create({ data }), uniqueTeamName(path));
  await uow.record({ action: 'volunteerTeam.create', entityType: 'VolunteerTeam', entityId: after.id, stationId, before: null, after });
  return after;
}

/** Changes the given fields of a volunteer team in `uow`; an empty or no-op patch writes nothing. Returns whether it changed. */
export async function updateVolunteerTeamIn(uow: UnitOfWork, id: number, patch: VolunteerTeamPatch, path = 'input'): Promise<boolean> {
  const before = await teamFound(uow.tx, id);
  authorize(uow.actor, 'editor', before.stationId);
  const data = changed(before, teamColumns(patch, path));
  if (isEmpty(data)) return false;
  const after = await unique(uow.tx.volunteerTeam.update({ where: { id }, data }), uniqueTeamName(path));
  await uow.record({ action: 'volunteerTeam.update', entityType: 'VolunteerTeam', entityId: id, stationId: before.stationId, before, after });
  return true;
}

/** {@link createVolunteerTeamIn} as one unit of work; returns the team's id. */
export const createVolunteerTeam = (actor: Actor, stationId: number, input: VolunteerTeamFields) =>
  write(actor, async (uow) => (await createVolunteerTeamIn(uow, stationId, input)).id);

/** {@link updateVolunteerTeamIn} as one unit of work; returns whether it changed. */
export const updateVolunteerTeam = (actor: Actor, id: number, patch: VolunteerTeamPatch) => write(actor, (uow) => updateVolunteerTeamIn(uow, id, patch));

/** Disbands a volunteer team: it leaves the public pages. */
export function retireVolunteerTeam(actor: Actor, id: number) {
  return write(actor, async (uow) => {
    const before = await teamFound(uow.tx, id);
    authorize(actor, 'editor', before.stationId);
    if (before.retiredAt) return;
    const after = await uow.tx.volunteerTeam.update({ where: { id }, data: { retiredAt: new Date() } });
    await uow.record({ action: 'volunteerTeam.retire', entityType: 'VolunteerTeam', entityId: id, stationId: before.stationId, before, after });
  });
}

/** A public event's fields (警民恳谈会, 开放日 …); on update every one may be left out, optional ones cleared with null. */
export interface EventFields {
  areaId?: number | null;
  kind: EventKind;
  title: Localized;
  description: Localized;
  location: Localized;
  startsAt: Date;
  endsAt?: Date | null;
}

/** Changes to an event: a field left out is unchanged, `null` clears it (FIELD_REQUIRED where it cannot be empty). */
export type EventPatch = { [K in keyof EventFields]?: EventFields[K] | null };

function eventColumns(input: EventPatch, path: string) {
  if (input.startsAt) inDateRange(input.startsAt, `${path}.startsAt`);
  if (input.endsAt) inDateRange(input.endsAt, `${path}.endsAt`);
  return {
    ...given({ areaId: input.areaId, kind: notNull(input.kind, `${path}.kind`), startsAt: notNull(input.startsAt, `${path}.startsAt`), endsAt: input.endsAt }),
    ...localized('title', input.title, `${path}.title`, true),
    ...localized('description', input.description, `${path}.description`, true),
    ...localized('location', input.location, `${path}.location`, true),
  };
}

/** EVENT_ENDS_BEFORE_START, naming `endsAt` unless only `startsAt` is given. */
function endsAfterStart(next: { startsAt: Date; endsAt: Date | null }, input: { endsAt?: unknown }, path: string) {
  if (next.endsAt !== null && next.endsAt < next.startsAt) {
    const field = input.endsAt === undefined ? `${path}.startsAt` : `${path}.endsAt`;
    throw new RuleError('EVENT_ENDS_BEFORE_START', field, 'An event cannot end before it starts.');
  }
}

/** NOT_FOUND, AREA_OF_ANOTHER_STATION or AREA_RETIRED unless the area is an open area of the event's station. */
async function areaFits(uow: UnitOfWork, stationId: number, areaId: number | null | undefined, path: string) {
  if (areaId == null) return;
  const field = `${path}.areaId`;
  const area = await uow.tx.area.findUnique({ where: { id: areaId }, select: { stationId: true, retiredAt: true } });
  if (!area) throw new NotFoundError('No area has this id.', { entityType: 'Area', field });
  if (area.stationId !== stationId) throw new RuleError('AREA_OF_ANOTHER_STATION', field, 'The area belongs to another station than the event.');
  if (area.retiredAt) throw new RuleError('AREA_RETIRED', field, 'The area has been retired: events are not held for it.');
}

async function eventFound(tx: Prisma.TransactionClient, id: number) {
  const event = await tx.event.findUnique({ where: { id } });
  if (!event) throw new NotFoundError('No event has this id.', { entityType: 'Event' });
  return event;
}

/** Creates an event of a station in `uow` (its editors); returns the new row. */
export async function createEventIn(uow: UnitOfWork, stationId: number, input: EventFields, path = 'input') {
  authorize(uow.actor, 'editor', stationId);
  const data = { stationId, ...eventColumns(input, path) } as Prisma.EventUncheckedCreateInput;
  endsAfterStart({ startsAt: input.startsAt, endsAt: input.endsAt ?? null }, input, path);
  await areaFits(uow, stationId, input.areaId, path);
  const after = await uow.tx.event.create({ data });
  await uow.record({ action: 'event.create', entityType: 'Event', entityId: after.id, stationId, before: null, after });
  return after;
}

/** Changes the given fields of an event in `uow`; an empty or no-op patch writes nothing. Returns whether it changed. */
export async function updateEventIn(uow: UnitOfWork, id: number, patch: EventPatch, path = 'input'): Promise<boolean> {
  const before = await eventFound(uow.tx, id);
  authorize(uow.actor, 'editor', before.stationId);
  const data = changed(before, eventColumns(patch, path));
  if (isEmpty(data)) return false;
  if (data.startsAt !== undefined || data.endsAt !== undefined) endsAfterStart({ ...before, ...data }, data, path);
  await areaFits(uow, before.stationId, data.areaId, path);
  const after = await uow.tx.event.update({ where: { id }, data });
  await uow.record({ action: 'event.update', entityType: 'Event', entityId: id, stationId: before.stationId, before, after });
  return true;
}

/** {@link createEventIn} as one unit of work; returns the event's id. */
export const createEvent = (actor: Actor, stationId: number, input: EventFields) => write(actor, async (uow) => (await createEventIn(uow, stationId, input)).id);

/** {@link updateEventIn} as one unit of work; returns whether it changed. */
export const updateEvent = (actor: Actor, id: number, patch: EventPatch) => write(actor, (uow) => updateEventIn(uow, id, patch));

/** Cancels an event: it leaves public lists. */
export function retireEvent(actor: Actor, id: number) {
  return write(actor, async (uow) => {
    const before = await eventFound(uow.tx, id);
    authorize(actor, 'editor', before.stationId);
    if (before.retiredAt) return;
    const after = await uow.tx.event.update({ where: { id }, data: { retiredAt: new Date() } });
    await uow.record({ action: 'event.retire', entityType: 'Event', entityId: id, stationId: before.stationId, before, after });
  });
}
