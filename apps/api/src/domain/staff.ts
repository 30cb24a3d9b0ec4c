import { randomBytes } from 'node:crypto';
import type { Prisma, StaffRole } from '@openstation/db';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import type { Principal, StationAccess } from '../auth/principal.ts';
import { ClientError, ConflictError, ForbiddenError, InputError, NotFoundError, RuleError, StateError } from '../errors.ts';
import { isBureauWide, requireRole } from './access.ts';
import type { Actor } from './actor.ts';
import { changed, isEmpty, notNull } from './patch.ts';
import { endSessions } from './staff-sessions.ts';
import { type UnitOfWork, write } from './unit-of-work.ts';

/** The smallest password length accepted for staff. */
export const MIN_PASSWORD_LENGTH = 12;

/** A new staff account; without `password` one is generated and returned once. */
export interface StaffUserInput {
  email: string;
  name: string;
  role: StaffRole;
  stationIds?: readonly number[] | null;
  allStations?: boolean | null;
  password?: string | null;
}

/** Changes to an account: a field left out is unchanged; `stationIds` replaces the stations. */
export interface StaffUserPatch {
  name?: string | null;
  role?: StaffRole | null;
  stationIds?: readonly number[] | null;
  allStations?: boolean | null;
}

/** What the audit trail records of an account: never its password hash. */
const SNAPSHOT = { id: true, email: true, name: true, role: true, disabledAt: true, allStations: true, stations: { select: { stationId: true }, orderBy: { stationId: 'asc' } } } as const;
type Snapshot = Prisma.StaffUserGetPayload<{ select: typeof SNAPSHOT }>;

const snapshot = ({ stations, ...user }: Snapshot) => ({ ...user, stationIds: stations.map((s) => s.stationId) });
const accessOf = (user: Snapshot): StationAccess => (user.allStations ? 'all' : user.stations.map((s) => s.stationId));
/** The one station an account belongs to, for the audit trail's station filter (null for none or several). */
const stationOf = (access: StationAccess) => (access !== 'all' && access.length === 1 ? (access[0] ?? null) : null);

/** A new random password: 16 characters, 96 bits. */
export const generatePassword = () => randomBytes(12).toString('base64url');

/** PASSWORD_TOO_SHORT under {@link MIN_PASSWORD_LENGTH} characters. */
function checkPassword(password: string, field: string): void {
  if ([...password.normalize('NFKC')].length < MIN_PASSWORD_LENGTH) {
    throw new RuleError('PASSWORD_TOO_SHORT', field, `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`, { min: MIN_PASSWORD_LENGTH });
  }
}

/**
 * Writes a staff account row, unaudited (test fixtures and {@link createStaffUserIn}, which
 * records it). The password must already have been checked.
 */
export async function insertStaffUser(db: Pick<Prisma.TransactionClient, 'staffUser'>, user: { email: string; name: string; role: StaffRole; password: string; stations: StationAccess }) {
  return db.staffUser.create({
    data: {
      email: user.email.trim().toLowerCase(),
      name: user.name.trim(),
      role: user.role,
      passwordHash: await hashPassword(user.password),
      allStations: user.stations === 'all',
      ...(user.stations === 'all' ? {} : { stations: { create: user.stations.map((stationId) => ({ stationId })) } }),
    },
    select: SNAPSHOT,
  });
}

/** Whether the caller may manage an account: bureau-wide admins any, others those whose stations are all theirs. */
export function mayManage(principal: Principal, target: StationAccess): boolean {
  if (principal.kind !== 'staff' || principal.role !== 'ADMIN') return false;
  if (principal.stations === 'all') return true;
  const mine = principal.stations;
  return target !== 'all' && target.every((id) => mine.includes(id));
}

/** The accounts the caller may manage, as a Prisma filter. */
export function manageableStaffFilter(principal: Principal): Prisma.StaffUserWhereInput {
  if (isBureauWide(principal)) return {};
  const mine = principal.kind === 'staff' && principal.stations !== 'all' ? [...principal.stations] : [];
  return { allStations: false, stations: { every: { stationId: { in: mine } } } };
}

function requireManage(actor: Actor, target: StationAccess): void {
  if (!mayManage(actor.principal, target)) {
    throw new ForbiddenError('This account acts for stations you do not act for: ask a bureau-wide admin.');
  }
}

/** FORBIDDEN when a station-bound admin grants the whole bureau or a station they do not act for. */
function requireGrant(actor: Actor, access: StationAccess, path: string): void {
  const { principal } = actor;
  if (principal.kind !== 'staff' || principal.stations === 'all') return;
  const mine = principal.stations;
  if (access === 'all') throw new ForbiddenError('Only a bureau-wide admin may make an account bureau-wide.', { field: `${path}.allStations` });
  if (!access.every((id) => mine.includes(id))) {
    throw new ForbiddenError('You may give an account only stations you act for.', { field: `${path}.stationIds` });
  }
}

/** The stations an input asks for: 'all', or at least one station (STAFF_STATIONS_REQUIRED). */
function requestedAccess(allStations: boolean | null | undefined, stationIds: readonly number[] | null | undefined, path: string): StationAccess {
  const ids = [...new Set(stationIds ?? [])];
  if (allStations === true) {
    if (ids.length > 0) throw new InputError('Give either `allStations: true` or `stationIds`, not both.', { field: `${path}.stationIds` });
    return 'all';
  }
  if (ids.length === 0) {
    throw new RuleError('STAFF_STATIONS_REQUIRED', `${path}.stationIds`, 'A staff account acts for at least one station, or for the whole bureau (`allStations: true`).');
  }
  return ids;
}

async function stationsExist(uow: UnitOfWork, access: StationAccess, path: string): Promise<void> {
  if (access === 'all') return;
  const found = await uow.tx.station.count({ where: { id: { in: [...access] } } });
  if (found !== access.length) throw new NotFoundError('No station has one of these ids.', { entityType: 'Station', field: `${path}.stationIds` });
}

async function found(uow: UnitOfWork, id: number): Promise<Snapshot> {
  requireRole(uow.actor, 'admin');
  const user = await uow.tx.staffUser.findUnique({ where: { id }, select: SNAPSHOT });
  if (!user) throw new NotFoundError('No staff user has this id.', { entityType: 'StaffUser' });
  requireManage(uow.actor, accessOf(user));
  return user;
}

const isSelf = (actor: Actor, id: number) => actor.principal.kind === 'staff' && actor.principal.userId === id;

/** Creates a staff account (admins; audited without the password); returns it and the generated password, if one was. */
export async function createStaffUserIn(uow: UnitOfWork, input: StaffUserInput, path = 'input') {
  requireRole(uow.actor, 'admin');
  const access = requestedAccess(input.allStations, input.stationIds, path);
  requireGrant(uow.actor, access, path);
  await stationsExist(uow, access, path);
  const email = input.email.trim().toLowerCase();
  if (await uow.tx.staffUser.findUnique({ where: { email }, select: { id: true } })) {
    throw new ConflictError('Another staff account already has this email.', { field: `${path}.email` });
  }
  const generated = input.password == null ? generatePassword() : null;
  const password = input.password ?? generated ?? '';
  checkPassword(password, `${path}.password`);
  const user = await insertStaffUser(uow.tx, { email, name: input.name, role: input.role, password, stations: access });
  await uow.record({ action: 'staff.create', entityType: 'StaffUser', entityId: user.id, stationId: stationOf(access), before: null, after: snapshot(user) });
  return { userId: user.id, password: generated };
}

export const createStaffUser = (actor: Actor, input: StaffUserInput) => write(actor, (uow) => createStaffUserIn(uow, input));

/** The stations a patch leaves the account with, or undefined when it does not touch them. */
function patchedAccess(before: Snapshot, patch: StaffUserPatch, path: string): StationAccess | undefined {
  if (patch.allStations === undefined && patch.stationIds === undefined) return undefined;
  const allStations = patch.allStations ?? (patch.stationIds === undefined ? before.allStations : false);
  const stationIds = patch.stationIds === undefined && !allStations ? before.stations.map((s) => s.stationId) : patch.stationIds;
  return requestedAccess(allStations, allStations ? null : stationIds, path);
}

const sameAccess = (a: StationAccess, b: StationAccess) =>
  a === 'all' || b === 'all' ? a === b : a.length === b.length && a.every((id) => b.includes(id));

/** Changes an account's name, role or stations (admins; patch semantics; an unchanged patch records nothing). */
export function updateStaffUser(actor: Actor, id: number, patch: StaffUserPatch, path = 'input') {
  return write(actor, async (uow) => {
    const before = await found(uow, id);
    const name = notNull(patch.name, `${path}.name`)?.trim();
    const role = notNull(patch.role, `${path}.role`);
    const access = patchedAccess(before, patch, path);
    const stationsChange = access !== undefined && !sameAccess(access, accessOf(before));
    const data = changed(before, { ...(name === undefined ? {} : { name }), ...(role === undefined ? {} : { role }) });
    if ((data.role !== undefined || stationsChange) && isSelf(actor, id)) {
      throw new ClientError('CANNOT_CHANGE_OWN_ACCESS', 'You cannot change your own role or stations: ask another admin.', { field: data.role !== undefined ? `${path}.role` : `${path}.stationIds` });
    }
    if (isEmpty(data) && !stationsChange) return id;
    if (access !== undefined && stationsChange) {
      requireGrant(actor, access, path);
      await stationsExist(uow, access, path);
    }
    const stations = access !== undefined && stationsChange
      ? { allStations: access === 'all', stations: { deleteMany: {}, ...(access === 'all' ? {} : { create: access.map((stationId) => ({ stationId })) }) } }
      : {};
    const after = await uow.tx.staffUser.update({ where: { id }, data: { ...data, ...stations }, select: SNAPSHOT });
    await uow.record({ action: 'staff.update', entityType: 'StaffUser', entityId: id, stationId: stationOf(accessOf(after)), before: snapshot(before), after: snapshot(after) });
    return id;
  });
}

/**
 * Disables an account: its sessions end at once and it can no longer log in.
 * CANNOT_DISABLE_SELF for one's own account, INVALID_STATE if already disabled.
 */
export function disableStaffUser(actor: Actor, id: number) {
  return write(actor, async (uow) => {
    if (isSelf(actor, id)) throw new ClientError('CANNOT_DISABLE_SELF', 'You cannot disable your own account: ask another admin.');
    const before = await found(uow, id);
    if (before.disabledAt) throw new StateError('This account is already disabled.');
    const after = await uow.tx.staffUser.update({ where: { id }, data: { disabledAt: new Date() }, select: SNAPSHOT });
    const sessionsEnded = await endSessions(uow.tx, id);
    await uow.record({ action: 'staff.disable', entityType: 'StaffUser', entityId: id, stationId: stationOf(accessOf(before)), before: snapshot(before), after: { ...snapshot(after), sessionsEnded } });
    return id;
  });
}

/** Enables a disabled account again; INVALID_STATE if it is not disabled. */
export function enableStaffUser(actor: Actor, id: number) {
  return write(actor, async (uow) => {
    const before = await found(uow, id);
    if (!before.disabledAt) throw new StateError('This account is not disabled.');
    const after = await uow.tx.staffUser.update({ where: { id }, data: { disabledAt: null }, select: SNAPSHOT });
    await uow.record({ action: 'staff.enable', entityType: 'StaffUser', entityId: id, stationId: stationOf(accessOf(before)), before: snapshot(before), after: snapshot(after) });
    return id;
  });
}

/**
 * Gives an account a new generated password, returned once, and ends its sessions (admins;
 * audited without the password). CANNOT_CHANGE_OWN_ACCESS for one's own: use changeOwnPassword.
 */
export function resetStaffPassword(actor: Actor, id: number) {
  return write(actor, async (uow) => {
    if (isSelf(actor, id)) throw new ClientError('CANNOT_CHANGE_OWN_ACCESS', 'Change your own password with changeOwnPassword (it asks for the current one).');
    const before = await found(uow, id);
    const password = generatePassword();
    await uow.tx.staffUser.update({ where: { id }, data: { passwordHash: await hashPassword(password) } });
    const sessionsEnded = await endSessions(uow.tx, id);
    await uow.record({ action: 'staff.resetPassword', entityType: 'StaffUser', entityId: id, stationId: stationOf(accessOf(before)), before: snapshot(before), after: { ...snapshot(before), passwordReset: true, sessionsEnded } });
    return { userId: id, password };
  });
}

/**
 * Changes the caller's own password (any staff member with an account): WRONG_PASSWORD when
 * `currentPassword` is not theirs, PASSWORD_TOO_SHORT for a short new one. Their other sessions end.
 */
export function changeOwnPassword(actor: Actor, currentPassword: string, newPassword: string) {
  const { principal } = actor;
  if (principal.kind !== 'staff' || principal.userId === null) {
    return Promise.reject(new ForbiddenError('Only a staff account has a password to change.'));
  }
  const { userId, sessionId } = principal;
  return write(actor, async (uow) => {
    const user = await uow.tx.staffUser.findUniqueOrThrow({ where: { id: userId }, select: { ...SNAPSHOT, passwordHash: true } });
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      throw new RuleError('WRONG_PASSWORD', 'currentPassword', 'The current password is not right; nothing was changed.');
    }
    checkPassword(newPassword, 'newPassword');
    await uow.tx.staffUser.update({ where: { id: userId }, data: { passwordHash: await hashPassword(newPassword) } });
    const sessionsEnded = await endSessions(uow.tx, userId, sessionId);
    const { passwordHash: _secret, ...rest } = user;
    await uow.record({ action: 'staff.changePassword', entityType: 'StaffUser', entityId: userId, stationId: stationOf(accessOf(rest)), before: null, after: { passwordChanged: true, sessionsEnded } });
    return true;
  });
}
