import type { AreaKind, Prisma } from '@openstation/db';
import { NotFoundError } from '../errors.ts';
import { authorize } from './access.ts';
import type { Actor } from './actor.ts';
import { changed, isEmpty, type Localized, localized, notNull } from './patch.ts';
import { type UnitOfWork, write } from './unit-of-work.ts';

/** An area's fields; on update every one may be left out (unchanged), the counts cleared with null. */
export interface AreaFields {
  kind: AreaKind;
  name: Localized;
  households?: number | null;
  population?: number | null;
  gridCount?: number | null;
}

export type AreaPatch = { [K in keyof AreaFields]?: AreaFields[K] | null };

function columns(input: AreaPatch, path: string) {
  const kind = notNull(input.kind, `${path}.kind`);
  return {
    ...(kind === undefined ? {} : { kind }),
    ...localized('name', input.name, `${path}.name`, true),
    ...(input.households === undefined ? {} : { households: input.households }),
    ...(input.population === undefined ? {} : { population: input.population }),
    ...(input.gridCount === undefined ? {} : { gridCount: input.gridCount }),
  };
}

async function found(tx: Prisma.TransactionClient, id: number) {
  const area = await tx.area.findUnique({ where: { id } });
  if (!area) throw new NotFoundError('No area has this id.', { entityType: 'Area' });
  return area;
}

/** Creates an area of a station in `uow`; returns the new row. */
export async function createAreaIn(uow: UnitOfWork, stationId: number, input: AreaFields, path = 'input') {
  authorize(uow.actor, 'editor', stationId);
  const data = { stationId, ...columns(input, path) } as Prisma.AreaUncheckedCreateInput;
  const after = await uow.tx.area.create({ data });
  await uow.record({ action: 'area.create', entityType: 'Area', entityId: after.id, stationId, before: null, after });
  return after;
}

/** Changes the given fields of an area in `uow`; returns whether anything changed. */
export async function updateAreaIn(uow: UnitOfWork, id: number, patch: AreaPatch, path = 'input'): Promise<boolean> {
  const before = await found(uow.tx, id);
  authorize(uow.actor, 'editor', before.stationId);
  const data = changed(before, columns(patch, path));
  if (isEmpty(data)) return false;
  const after = await uow.tx.area.update({ where: { id }, data });
  await uow.record({ action: 'area.update', entityType: 'Area', entityId: id, stationId: before.stationId, before, after });
  return true;
}

export const createArea = (actor: Actor, stationId: number, input: AreaFields) => write(actor, async (uow) => (await createAreaIn(uow, stationId, input)).id);

export const updateArea = (actor: Actor, id: number, patch: AreaPatch) => write(actor, (uow) => updateAreaIn(uow, id, patch));

/**
 * Takes an area out of public lists (e.g. after a boundary change). Officers still
 * assigned to it no longer show for it: the warning AREA_HAS_OFFICERS names them, so
 * they can be moved to another area.
 */
export function retireArea(actor: Actor, id: number) {
  return write(actor, async (uow) => {
    const before = await found(uow.tx, id);
    authorize(actor, 'editor', before.stationId);
    if (before.retiredAt) return;
    const after = await uow.tx.area.update({ where: { id }, data: { retiredAt: new Date() } });
    await uow.record({ action: 'area.retire', entityType: 'Area', entityId: id, stationId: before.stationId, before, after });
    const serving = await uow.tx.officerAssignment.findMany({
      where: { areaId: id, officer: { retiredAt: null } },
      select: { officer: { select: { nameZh: true } } },
    });
    if (serving.length > 0) {
      uow.warn({
        code: 'AREA_HAS_OFFICERS',
        field: 'id',
        message: `${serving.length} officer(s) still serve this area and no longer show for it: ${serving.map((s) => s.officer.nameZh).join('、')}. Assign them to another area.`,
      });
    }
  });
}
