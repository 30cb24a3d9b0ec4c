import type { OfficerRole, Prisma } from '@openstation/db';
import { NotFoundError, RuleError } from '../errors.ts';
import { authorize } from './access.ts';
import type { Actor } from './actor.ts';
import { changed, isEmpty, type Localized, localized, notNull } from './patch.ts';
import { inDateRange, notInFuture } from './rules.ts';
import { type UnitOfWork, write } from './unit-of-work.ts';

/** An officer's fields; on update every one may be left out (unchanged), optional ones cleared with null. */
export interface OfficerFields {
  role: OfficerRole;
  name: Localized;
  badgeNumber?: string | null;
  photoUrl?: string | null;
  dutyPhone?: string | null;
  contactHours?: Localized | null;
  lastVerifiedOn?: Date | null;
}

export type OfficerPatch = { [K in keyof OfficerFields]?: OfficerFields[K] | null };

function columns(input: OfficerPatch, path: string) {
  notInFuture(input.lastVerifiedOn, `${path}.lastVerifiedOn`);
  const role = notNull(input.role, `${path}.role`);
  return {
    ...(role === undefined ? {} : { role }),
    ...localized('name', input.name, `${path}.name`, true),
    ...(input.badgeNumber === undefined ? {} : { badgeNumber: input.badgeNumber }),
    ...(input.photoUrl === undefined ? {} : { photoUrl: input.photoUrl }),
    ...(input.dutyPhone === undefined ? {} : { dutyPhone: input.dutyPhone }),
    ...localized('contactHours', input.contactHours, `${path}.contactHours`),
    ...(input.lastVerifiedOn === undefined ? {} : { lastVerifiedOn: input.lastVerifiedOn }),
  };
}

async function found(tx: Prisma.TransactionClient, id: number) {
  const officer = await tx.officer.findUnique({ where: { id } });
  if (!officer) throw new NotFoundError('No officer has this id.', { entityType: 'Officer' });
  return officer;
}

/** Creates an officer of a station in `uow`; returns the new row. */
export async function createOfficerIn(uow: UnitOfWork, stationId: number, input: OfficerFields, path = 'input') {
  authorize(uow.actor, 'editor', stationId);
  const data = { stationId, ...columns(input, path) } as Prisma.OfficerUncheckedCreateInput;
  const after = await uow.tx.officer.create({ data });
  await uow.record({ action: 'officer.create', entityType: 'Officer', entityId: after.id, stationId, before: null, after });
  return after;
}

/** Changes the given fields of an officer in `uow`; an empty or no-op patch writes nothing. Returns whether it changed. */
export async function updateOfficerIn(uow: UnitOfWork, id: number, patch: OfficerPatch, path = 'input'): Promise<boolean> {
  const before = await found(uow.tx, id);
  authorize(uow.actor, 'editor', before.stationId);
  const data = changed(before, columns(patch, path));
  if (isEmpty(data)) return false;
  const after = await uow.tx.officer.update({ where: { id }, data });
  await uow.record({ action: 'officer.update', entityType: 'Officer', entityId: id, stationId: before.stationId, before, after });
  return true;
}

export const createOfficer = (actor: Actor, stationId: number, input: OfficerFields) =>
  write(actor, async (uow) => (await createOfficerIn(uow, stationId, input)).id);

export const updateOfficer = (actor: Actor, id: number, patch: OfficerPatch) => write(actor, (uow) => updateOfficerIn(uow, id, patch));

/** Takes an officer out of service: no longer listed or shown for their areas. */
export function retireOfficer(actor: Actor, id: number) {
  return write(actor, async (uow) => {
    const before = await found(uow.tx, id);
    authorize(actor, 'editor', before.stationId);
    if (before.retiredAt) return;
    const after = await uow.tx.officer.update({ where: { id }, data: { retiredAt: new Date() } });
    await uow.record({ action: 'officer.retire', entityType: 'Officer', entityId: id, stationId: before.stationId, before, after });
  });
}

export interface AssignmentFields {
  officerId: number;
  areaId: number;
  isPrimary: boolean;
  since: Date;
}

/** The officer and area of an assignment, both of one station the caller acts for. */
async function pair(uow: UnitOfWork, officerId: number, areaId: number, path: string) {
  const [officer, area] = await Promise.all([
    uow.tx.officer.findUnique({ where: { id: officerId } }),
    uow.tx.area.findUnique({ where: { id: areaId } }),
  ]);
  if (!officer) throw new NotFoundError('No officer has this id.', { entityType: 'Officer', field: `${path}.officerId` });
  if (!area) throw new NotFoundError('No area has this id.', { entityType: 'Area', field: `${path}.areaId` });
  authorize(uow.actor, 'editor', officer.stationId);
  if (area.stationId !== officer.stationId) {
    throw new RuleError('AREA_OF_ANOTHER_STATION', `${path}.areaId`, 'The area belongs to another station than the officer.');
  }
  if (area.retiredAt) throw new RuleError('AREA_RETIRED', `${path}.areaId`, 'The area has been retired: officers are not assigned to it.');
  if (officer.retiredAt) throw new RuleError('OFFICER_RETIRED', `${path}.officerId`, 'The officer has been retired.');
  return { officer, area };
}

/** PRIMARY_OFFICER_TAKEN when another active officer is already the area's responsible (primary) officer. */
async function onePrimary(uow: UnitOfWork, areaId: number, officerId: number, path: string) {
  const other = await uow.tx.officerAssignment.findFirst({
    where: { areaId, isPrimary: true, officerId: { not: officerId }, officer: { retiredAt: null } },
    include: { officer: { select: { nameZh: true } } },
  });
  if (other) {
    throw new RuleError(
      'PRIMARY_OFFICER_TAKEN',
      `${path}.isPrimary`,
      `${other.officer.nameZh} is already this area's responsible officer: make them support first, or assign this officer as support.`,
      { officerId: other.officerId },
    );
  }
}

/**
 * Who serves an area is part of both the officer and the area as partners sync them
 * (`updatedSince` filters on `updatedAt`), so an assignment change marks both as changed.
 */
async function touchPair(uow: UnitOfWork, key: { officerId: number; areaId: number }) {
  const updatedAt = new Date();
  await uow.tx.officer.update({ where: { id: key.officerId }, data: { updatedAt } });
  await uow.tx.area.update({ where: { id: key.areaId }, data: { updatedAt } });
}

/** Makes an officer serve an area (CONFLICT if they already do); returns the assignment's id. */
export async function assignOfficerIn(uow: UnitOfWork, input: AssignmentFields, path = 'input') {
  const { officer } = await pair(uow, input.officerId, input.areaId, path);
  inDateRange(input.since, `${path}.since`);
  if (input.isPrimary) await onePrimary(uow, input.areaId, input.officerId, path);
  const after = await uow.tx.officerAssignment.create({ data: input });
  await touchPair(uow, input);
  await uow.record({ action: 'officerAssignment.create', entityType: 'OfficerAssignment', entityId: after.id, stationId: officer.stationId, before: null, after });
  return after.id;
}

export const assignOfficer = (actor: Actor, input: AssignmentFields) => write(actor, (uow) => assignOfficerIn(uow, input));

/** Changes whether an officer is an area's primary officer, or since when they serve it. */
export async function updateAssignmentIn(
  uow: UnitOfWork,
  key: { officerId: number; areaId: number },
  patch: { isPrimary?: boolean | null; since?: Date | null },
  path = 'input',
) {
  const { officer } = await pair(uow, key.officerId, key.areaId, path);
  const before = await uow.tx.officerAssignment.findUnique({ where: { officerId_areaId: key } });
  if (!before) throw new NotFoundError('The officer does not serve this area.', { entityType: 'OfficerAssignment' });
  const isPrimary = notNull(patch.isPrimary, `${path}.isPrimary`);
  const since = notNull(patch.since, `${path}.since`);
  if (since) inDateRange(since, `${path}.since`);
  if (isPrimary) await onePrimary(uow, key.areaId, key.officerId, path);
  const data = changed(before, { ...(isPrimary === undefined ? {} : { isPrimary }), ...(since === undefined ? {} : { since }) });
  if (isEmpty(data)) return before.id;
  const after = await uow.tx.officerAssignment.update({ where: { id: before.id }, data });
  await touchPair(uow, key);
  await uow.record({ action: 'officerAssignment.update', entityType: 'OfficerAssignment', entityId: before.id, stationId: officer.stationId, before, after });
  return before.id;
}

export const updateAssignment = (actor: Actor, key: { officerId: number; areaId: number }, patch: { isPrimary?: boolean | null; since?: Date | null }) =>
  write(actor, (uow) => updateAssignmentIn(uow, key, patch));

/** Ends an officer's service of an area (the audit trail keeps the assignment). */
export async function unassignOfficerIn(uow: UnitOfWork, key: { officerId: number; areaId: number }) {
  const before = await uow.tx.officerAssignment.findUnique({ where: { officerId_areaId: key }, include: { officer: { select: { stationId: true } } } });
  if (!before) throw new NotFoundError('The officer does not serve this area.', { entityType: 'OfficerAssignment' });
  authorize(uow.actor, 'editor', before.officer.stationId);
  await uow.tx.officerAssignment.delete({ where: { id: before.id } });
  await touchPair(uow, key);
  const { officer, ...record } = before;
  await uow.record({ action: 'officerAssignment.delete', entityType: 'OfficerAssignment', entityId: before.id, stationId: officer.stationId, before: record, after: null });
}

export const unassignOfficer = (actor: Actor, key: { officerId: number; areaId: number }) => write(actor, (uow) => unassignOfficerIn(uow, key));

/**
 * Moves an officer from one area to another in one change: the new assignment keeps
 * whether they were primary, from `since`.
 */
export function moveOfficer(actor: Actor, input: { officerId: number; fromAreaId: number; toAreaId: number; since: Date }) {
  return write(actor, async (uow) => {
    const current = await uow.tx.officerAssignment.findUnique({ where: { officerId_areaId: { officerId: input.officerId, areaId: input.fromAreaId } } });
    if (!current) throw new NotFoundError('The officer does not serve the area to move from.', { entityType: 'OfficerAssignment', field: 'input.fromAreaId' });
    await unassignOfficerIn(uow, { officerId: input.officerId, areaId: input.fromAreaId });
    return assignOfficerIn(uow, { officerId: input.officerId, areaId: input.toAreaId, isPrimary: current.isPrimary, since: input.since });
  });
}
