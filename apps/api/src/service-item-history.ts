import type { Prisma } from '@openstation/db';

type ServiceItemRecord = Prisma.ServiceItemGetPayload<object>;

/**
 * Publishes a new version of a service item: keeps `before` as a revision and writes `data`
 * with the next version number. Used by `updateServiceItem` and the CSV import alike.
 */
export async function replaceServiceItem(
  tx: Prisma.TransactionClient,
  before: ServiceItemRecord,
  data: Prisma.ServiceItemUncheckedUpdateInput,
): Promise<ServiceItemRecord> {
  const { id, version, effectiveFrom, ...snapshot } = before;
  await tx.serviceItemRevision.create({
    data: { serviceItemId: id, version, effectiveFrom, snapshot: JSON.parse(JSON.stringify(snapshot)) },
  });
  return tx.serviceItem.update({ where: { id }, data: { ...data, version: version + 1 } });
}
