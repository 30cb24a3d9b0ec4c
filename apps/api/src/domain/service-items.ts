import type { Prisma, ServiceCategory } from '@openstation/db';
import { NotFoundError } from '../errors.ts';
import { authorize } from './access.ts';
import type { Actor } from './actor.ts';
import { changed, isEmpty, type Localized, localized, notNull } from './patch.ts';
import { inDateRange } from './rules.ts';
import { type UnitOfWork, write } from './unit-of-work.ts';

/** A list of texts in Chinese and, optionally, the same number in English. */
export interface LocalizedList {
  zh: string[];
  en?: string[] | null;
}

/** A service item's fields; on update every one may be left out (unchanged), optional ones cleared with null. */
export interface ServiceItemFields {
  slug: string;
  category: ServiceCategory;
  title: Localized;
  conditions: Localized;
  materials: LocalizedList;
  steps: LocalizedList;
  timeLimitDays?: number | null;
  timeLimit: Localized;
  fee: Localized;
  feeBasis?: Localized | null;
  location: Localized;
  hours: Localized;
  onlineUrl?: string | null;
  appointment?: Localized | null;
  effectiveFrom: Date;
}

export type ServiceItemPatch = { [K in keyof ServiceItemFields]?: ServiceItemFields[K] | null };

const REQUIRED_TEXTS = ['title', 'conditions', 'timeLimit', 'fee', 'location', 'hours'] as const;
const OPTIONAL_TEXTS = ['feeBasis', 'appointment'] as const;

function list(base: 'materials' | 'steps', value: LocalizedList | null | undefined, field: string) {
  const given = notNull(value, field);
  if (given === undefined) return {};
  return { [`${base}Zh`]: given.zh.map((s) => s.trim()), ...(given.en === undefined ? {} : { [`${base}En`]: (given.en ?? []).map((s) => s.trim()) }) };
}

function columns(input: ServiceItemPatch, path: string): Prisma.ServiceItemUncheckedUpdateInput {
  const slug = notNull(input.slug, `${path}.slug`);
  const category = notNull(input.category, `${path}.category`);
  const effectiveFrom = notNull(input.effectiveFrom, `${path}.effectiveFrom`);
  if (effectiveFrom) inDateRange(effectiveFrom, `${path}.effectiveFrom`);
  return {
    ...(slug === undefined ? {} : { slug }),
    ...(category === undefined ? {} : { category }),
    ...(effectiveFrom === undefined ? {} : { effectiveFrom }),
    ...Object.assign({}, ...REQUIRED_TEXTS.map((key) => localized(key, input[key], `${path}.${key}`, true))),
    ...Object.assign({}, ...OPTIONAL_TEXTS.map((key) => localized(key, input[key], `${path}.${key}`))),
    ...list('materials', input.materials, `${path}.materials`),
    ...list('steps', input.steps, `${path}.steps`),
    ...(input.timeLimitDays === undefined ? {} : { timeLimitDays: input.timeLimitDays }),
    ...(input.onlineUrl === undefined ? {} : { onlineUrl: input.onlineUrl }),
  };
}

/** Creates a service item of a station in `uow`; returns the new row. */
export async function createServiceItemIn(uow: UnitOfWork, stationId: number, input: ServiceItemFields, path = 'input') {
  authorize(uow.actor, 'editor', stationId);
  const data = { stationId, materialsEn: [], stepsEn: [], ...columns(input, path) } as Prisma.ServiceItemUncheckedCreateInput;
  const after = await uow.tx.serviceItem.create({ data });
  await uow.record({ action: 'serviceItem.create', entityType: 'ServiceItem', entityId: after.id, stationId, before: null, after });
  return after;
}

/**
 * Publishes a new version of a service item with the given fields changed: the previous
 * version is kept as a revision (its history). Nothing is written when nothing changes.
 */
export async function updateServiceItemIn(uow: UnitOfWork, id: number, patch: ServiceItemPatch, path = 'input'): Promise<boolean> {
  const before = await uow.tx.serviceItem.findUnique({ where: { id } });
  if (!before) throw new NotFoundError('No service item has this id.', { entityType: 'ServiceItem' });
  authorize(uow.actor, 'editor', before.stationId);
  const data = changed(before, columns(patch, path) as Record<string, unknown>);
  if (isEmpty(data)) return false;
  const after = await replaceServiceItem(uow.tx, before, data);
  await uow.record({ action: 'serviceItem.update', entityType: 'ServiceItem', entityId: id, stationId: before.stationId, before, after });
  return true;
}

type ServiceItemRecord = Prisma.ServiceItemGetPayload<object>;

/** Keeps `before` as a revision and writes `data` as the next version. */
export async function replaceServiceItem(tx: Prisma.TransactionClient, before: ServiceItemRecord, data: Prisma.ServiceItemUncheckedUpdateInput) {
  const { id, version, effectiveFrom, ...snapshot } = before;
  await tx.serviceItemRevision.create({
    data: { serviceItemId: id, version, effectiveFrom, snapshot: JSON.parse(JSON.stringify(snapshot)) as Prisma.InputJsonObject },
  });
  return tx.serviceItem.update({ where: { id }, data: { ...data, version: version + 1 } });
}

export const createServiceItem = (actor: Actor, stationId: number, input: ServiceItemFields) =>
  write(actor, async (uow) => (await createServiceItemIn(uow, stationId, input)).id);

export const updateServiceItem = (actor: Actor, id: number, patch: ServiceItemPatch) => write(actor, (uow) => updateServiceItemIn(uow, id, patch));

/** Withdraws a service item from public lists. */
export function retireServiceItem(actor: Actor, id: number) {
  return write(actor, async (uow) => {
    const before = await uow.tx.serviceItem.findUnique({ where: { id } });
    if (!before) throw new NotFoundError('No service item has this id.', { entityType: 'ServiceItem' });
    authorize(actor, 'editor', before.stationId);
    if (before.retiredAt) return;
    const after = await uow.tx.serviceItem.update({ where: { id }, data: { retiredAt: new Date() } });
    await uow.record({ action: 'serviceItem.retire', entityType: 'ServiceItem', entityId: id, stationId: before.stationId, before, after });
  });
}
