import type { Prisma } from '@openstation/db';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { authorize, isBureauWide, requireRole } from './access.ts';
import type { Actor } from './actor.ts';
import { changed, isEmpty, type Localized, localized, notNull } from './patch.ts';
import { write } from './unit-of-work.ts';

/** A station's facts; on update every one may be left out (unchanged), the figures cleared with null. */
export interface StationFields {
  slug: string;
  name: Localized;
  bureau: Localized;
  region: Localized;
  address: Localized;
  dutyPhone: string;
  openingHours: Localized;
  summary: Localized;
  areaKm2?: number | null;
  population?: number | null;
  households?: number | null;
  registeredUnits?: number | null;
  policeOfficers?: number | null;
  auxiliaryOfficers?: number | null;
  gridWorkers?: number | null;
}

export type StationPatch = { [K in keyof StationFields]?: StationFields[K] | null };

const FIGURES = ['areaKm2', 'population', 'households', 'registeredUnits', 'policeOfficers', 'auxiliaryOfficers', 'gridWorkers'] as const;
const TEXTS = ['name', 'bureau', 'region', 'address', 'openingHours', 'summary'] as const;

function columns(input: StationPatch, path: string) {
  const slug = notNull(input.slug, `${path}.slug`);
  const dutyPhone = notNull(input.dutyPhone, `${path}.dutyPhone`);
  return {
    ...(slug === undefined ? {} : { slug }),
    ...(dutyPhone === undefined ? {} : { dutyPhone }),
    ...Object.assign({}, ...TEXTS.map((key) => localized(key, input[key], `${path}.${key}`, true))),
    ...Object.fromEntries(FIGURES.filter((key) => input[key] !== undefined).map((key) => [key, input[key]])),
  } as Prisma.StationUncheckedUpdateInput;
}

function requireBureauAdmin(actor: Actor): void {
  requireRole(actor, 'admin');
  if (!isBureauWide(actor.principal)) throw new ForbiddenError('Only a bureau-wide admin registers or retires stations.');
}

/** Registers a station (bureau-wide admins). */
export function createStation(actor: Actor, input: StationFields) {
  requireBureauAdmin(actor);
  return write(actor, async (uow) => {
    const after = await uow.tx.station.create({ data: columns(input, 'input') as Prisma.StationUncheckedCreateInput });
    await uow.record({ action: 'station.create', entityType: 'Station', entityId: after.id, stationId: after.id, before: null, after });
    return after.id;
  });
}

/** Changes the given facts of a station (its editors and admins); returns whether anything changed. */
export function updateStation(actor: Actor, id: number, patch: StationPatch) {
  return write(actor, async (uow) => {
    const before = await uow.tx.station.findUnique({ where: { id } });
    if (!before) throw new NotFoundError('No station has this id.', { entityType: 'Station' });
    authorize(actor, 'editor', id);
    const data = changed(before, columns(patch, 'input'));
    if (isEmpty(data)) return false;
    const after = await uow.tx.station.update({ where: { id }, data });
    await uow.record({ action: 'station.update', entityType: 'Station', entityId: id, stationId: id, before, after });
    return true;
  });
}

/** Takes a station out of public lists; its history stays (bureau-wide admins). */
export function retireStation(actor: Actor, id: number) {
  requireBureauAdmin(actor);
  return write(actor, async (uow) => {
    const before = await uow.tx.station.findUnique({ where: { id } });
    if (!before) throw new NotFoundError('No station has this id.', { entityType: 'Station' });
    if (before.retiredAt) return;
    const after = await uow.tx.station.update({ where: { id }, data: { retiredAt: new Date() } });
    await uow.record({ action: 'station.retire', entityType: 'Station', entityId: id, stationId: id, before, after });
  });
}
