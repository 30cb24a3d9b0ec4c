import type { CaseSource, CaseStatus, MediationCategory, Prisma } from '@openstation/db';
import { NotFoundError, RuleError } from '../errors.ts';
import { authorize } from './access.ts';
import type { Actor } from './actor.ts';
import { changed, given, isEmpty, type Localized, localized, notNull } from './patch.ts';
import { notBefore, notInFuture } from './rules.ts';
import { unique } from './unique.ts';
import { type UnitOfWork, write } from './unit-of-work.ts';

/** Rooms are kept by editors and mediators alike, i.e. by every staff role. */
const ROOM_KEEPERS = 'staff';

/** A mediation room's fields; on update every one may be left out (unchanged), optional ones cleared with null. */
export interface MediationRoomFields {
  slug: string;
  name: Localized;
  description: Localized;
  location: Localized;
  phone?: string | null;
  openingHours?: Localized | null;
  foundedYear?: number | null;
  leadMediatorId?: number | null;
}

/** Changes to a mediation room: a field left out is unchanged, `null` clears it (FIELD_REQUIRED where it cannot be empty). */
export type MediationRoomPatch = { [K in keyof MediationRoomFields]?: MediationRoomFields[K] | null };

function roomColumns(input: MediationRoomPatch, path: string) {
  return {
    ...given({ slug: notNull(input.slug, `${path}.slug`), phone: input.phone, foundedYear: input.foundedYear, leadMediatorId: input.leadMediatorId }),
    ...localized('name', input.name, `${path}.name`, true),
    ...localized('description', input.description, `${path}.description`, true),
    ...localized('location', input.location, `${path}.location`, true),
    ...localized('openingHours', input.openingHours, `${path}.openingHours`),
  };
}

/** NOT_FOUND, LEAD_MEDIATOR_OF_ANOTHER_STATION or OFFICER_RETIRED unless the officer can lead a room of the station. */
async function leadMediatorFits(uow: UnitOfWork, stationId: number, officerId: number | null | undefined, path: string) {
  if (officerId == null) return;
  const field = `${path}.leadMediatorId`;
  const officer = await uow.tx.officer.findUnique({ where: { id: officerId }, select: { stationId: true, retiredAt: true } });
  if (!officer) throw new NotFoundError('No officer has this id.', { entityType: 'Officer', field });
  if (officer.stationId !== stationId) {
    throw new RuleError('LEAD_MEDIATOR_OF_ANOTHER_STATION', field, 'The lead mediator must be an officer of the room\'s own station.');
  }
  if (officer.retiredAt) throw new RuleError('OFFICER_RETIRED', field, 'The officer has been retired.');
}

async function roomFound(tx: Prisma.TransactionClient, id: number) {
  const room = await tx.mediationRoom.findUnique({ where: { id } });
  if (!room) throw new NotFoundError('No mediation room has this id.', { entityType: 'MediationRoom' });
  return room;
}

/** Creates a mediation room of a station in `uow` (editors and mediators of the station); returns the new row. */
export async function createMediationRoomIn(uow: UnitOfWork, stationId: number, input: MediationRoomFields, path = 'input') {
  authorize(uow.actor, ROOM_KEEPERS, stationId);
  const data = roomColumns(input, path);
  await leadMediatorFits(uow, stationId, data.leadMediatorId, path);
  const create = { stationId, ...data } as Prisma.MediationRoomUncheckedCreateInput;
  const after = await unique(uow.tx.mediationRoom.create({ data: create }), { slug: `${path}.slug` });
  await uow.record({ action: 'mediationRoom.create', entityType: 'MediationRoom', entityId: after.id, stationId, before: null, after });
  return after;
}

/** Changes the given fields of a mediation room in `uow`; an empty or no-op patch writes nothing. Returns whether it changed. */
export async function updateMediationRoomIn(uow: UnitOfWork, id: number, patch: MediationRoomPatch, path = 'input'): Promise<boolean> {
  const before = await roomFound(uow.tx, id);
  authorize(uow.actor, ROOM_KEEPERS, before.stationId);
  const data = changed(before, roomColumns(patch, path));
  if (isEmpty(data)) return false;
  await leadMediatorFits(uow, before.stationId, data.leadMediatorId, path);
  const after = await unique(uow.tx.mediationRoom.update({ where: { id }, data }), { slug: `${path}.slug` });
  await uow.record({ action: 'mediationRoom.update', entityType: 'MediationRoom', entityId: id, stationId: before.stationId, before, after });
  return true;
}

/** {@link createMediationRoomIn} as one unit of work; returns the room's id. */
export const createMediationRoom = (actor: Actor, stationId: number, input: MediationRoomFields) =>
  write(actor, async (uow) => (await createMediationRoomIn(uow, stationId, input)).id);

/** {@link updateMediationRoomIn} as one unit of work; returns whether it changed. */
export const updateMediationRoom = (actor: Actor, id: number, patch: MediationRoomPatch) => write(actor, (uow) => updateMediationRoomIn(uow, id, patch));

/** Closes a mediation room: it leaves the public pages; its cases stay in the statistics. */
export function retireMediationRoom(actor: Actor, id: number) {
  return write(actor, async (uow) => {
    const before = await roomFound(uow.tx, id);
    authorize(actor, ROOM_KEEPERS, before.stationId);
    if (before.retiredAt) return;
    const after = await uow.tx.mediationRoom.update({ where: { id }, data: { retiredAt: new Date() } });
    await uow.record({ action: 'mediationRoom.retire', entityType: 'MediationRoom', entityId: id, stationId: before.stationId, before, after });
  });
}

/** A dispute's fields (never the parties' names); on update every one may be left out, `closedOn` cleared with null. */
export interface MediationCaseFields {
  roomId: number;
  reference: string;
  category: MediationCategory;
  source: CaseSource;
  status: CaseStatus;
  receivedOn: Date;
  closedOn?: Date | null;
}

/** Changes to a case: a field left out is unchanged, `null` clears it (FIELD_REQUIRED where it cannot be empty). */
export type MediationCasePatch = { [K in keyof MediationCaseFields]?: MediationCaseFields[K] | null };

/** The statuses of a concluded mediation: exactly these have a `closedOn`. */
const CONCLUDED: readonly CaseStatus[] = ['RESOLVED', 'UNRESOLVED'];

function caseColumns(input: MediationCasePatch, path: string) {
  notInFuture(input.receivedOn, `${path}.receivedOn`);
  notInFuture(input.closedOn, `${path}.closedOn`);
  return given({
    roomId: notNull(input.roomId, `${path}.roomId`),
    reference: notNull(input.reference, `${path}.reference`),
    category: notNull(input.category, `${path}.category`),
    source: notNull(input.source, `${path}.source`),
    status: notNull(input.status, `${path}.status`),
    receivedOn: notNull(input.receivedOn, `${path}.receivedOn`),
    closedOn: input.closedOn,
  });
}

type CaseDates = { status: CaseStatus; receivedOn: Date; closedOn: Date | null };

/**
 * The rules a case's status and dates follow together, checked on the case as it will be:
 * CLOSED_BEFORE_RECEIVED, CLOSED_ON_MISMATCH (a closing date exactly when concluded). The
 * field named is the first of the fields concerned that the input gives.
 */
function datesAgree(next: CaseDates, input: { [K in keyof CaseDates]?: unknown }, path: string) {
  const field = (...names: (keyof CaseDates)[]) => `${path}.${names.find((name) => input[name] !== undefined) ?? names[0]}`;
  notBefore(next.closedOn, next.receivedOn, 'CLOSED_BEFORE_RECEIVED', field('closedOn', 'receivedOn'), 'A case cannot be closed before it was received.');
  if (CONCLUDED.includes(next.status) !== (next.closedOn !== null)) {
    throw new RuleError(
      'CLOSED_ON_MISMATCH',
      field('closedOn', 'status'),
      'A case has a closing date exactly when its mediation has concluded (status RESOLVED or UNRESOLVED).',
      { status: next.status },
    );
  }
}

/** The room a case goes to: NOT_FOUND unless it exists, FORBIDDEN unless the caller mediates for its station, ROOM_RETIRED once closed. */
async function roomForCase(uow: UnitOfWork, roomId: number, path: string) {
  const field = `${path}.roomId`;
  const room = await uow.tx.mediationRoom.findUnique({ where: { id: roomId }, select: { stationId: true, retiredAt: true } });
  if (!room) throw new NotFoundError('No mediation room has this id.', { entityType: 'MediationRoom', field });
  authorize(uow.actor, 'mediator', room.stationId);
  if (room.retiredAt) throw new RuleError('ROOM_RETIRED', field, 'The mediation room has been retired: record the case in an open room.');
  return room;
}

/** A case and the station of its room (FORBIDDEN unless the caller mediates for it). */
async function caseFound(uow: UnitOfWork, id: number) {
  const found = await uow.tx.mediationCase.findUnique({ where: { id }, include: { room: { select: { stationId: true } } } });
  if (!found) throw new NotFoundError('No mediation case has this id.', { entityType: 'MediationCase' });
  const { room, ...before } = found;
  authorize(uow.actor, 'mediator', room.stationId);
  return { before, stationId: room.stationId };
}

const uniqueReference = (path: string) => ({ reference: `${path}.reference` });

/** Records a dispute in a room of a station the caller mediates for, in `uow`; returns the new row. */
export async function createMediationCaseIn(uow: UnitOfWork, input: MediationCaseFields, path = 'input') {
  const room = await roomForCase(uow, input.roomId, path);
  const data = caseColumns(input, path) as Prisma.MediationCaseUncheckedCreateInput;
  const dates = { status: input.status, receivedOn: input.receivedOn, closedOn: input.closedOn ?? null };
  datesAgree(dates, dates, path);
  const after = await unique(uow.tx.mediationCase.create({ data }), uniqueReference(path));
  await uow.record({ action: 'mediationCase.create', entityType: 'MediationCase', entityId: after.id, stationId: room.stationId, before: null, after });
  return after;
}

/** Changes the given fields of a case in `uow`; an empty or no-op patch writes nothing. Returns whether it changed. */
export async function updateMediationCaseIn(uow: UnitOfWork, id: number, patch: MediationCasePatch, path = 'input'): Promise<boolean> {
  const { before, stationId } = await caseFound(uow, id);
  const data = changed(before, caseColumns(patch, path));
  if (isEmpty(data)) return false;
  if (data.roomId !== undefined) await roomForCase(uow, data.roomId, path);
  if (data.status !== undefined || data.receivedOn !== undefined || data.closedOn !== undefined) datesAgree({ ...before, ...data }, data, path);
  const after = await unique(uow.tx.mediationCase.update({ where: { id }, data }), uniqueReference(path));
  await uow.record({ action: 'mediationCase.update', entityType: 'MediationCase', entityId: id, stationId, before, after });
  return true;
}

/** {@link createMediationCaseIn} as one unit of work; returns the case's id. */
export const createMediationCase = (actor: Actor, input: MediationCaseFields) => write(actor, async (uow) => (await createMediationCaseIn(uow, input)).id);

/** {@link updateMediationCaseIn} as one unit of work; returns whether it changed. */
export const updateMediationCase = (actor: Actor, id: number, patch: MediationCasePatch) => write(actor, (uow) => updateMediationCaseIn(uow, id, patch));

/** Withdraws a case recorded in error: it no longer counts in the statistics. */
export function retireMediationCase(actor: Actor, id: number) {
  return write(actor, async (uow) => {
    const { before, stationId } = await caseFound(uow, id);
    if (before.retiredAt) return;
    const after = await uow.tx.mediationCase.update({ where: { id }, data: { retiredAt: new Date() } });
    await uow.record({ action: 'mediationCase.retire', entityType: 'MediationCase', entityId: id, stationId, before, after });
  });
}
