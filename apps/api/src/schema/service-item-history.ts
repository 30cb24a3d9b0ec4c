import type { Prisma, PrismaClient } from '@openstation/db';
import { builder } from '../builder.ts';

/** One published version of a service item, as its history lists it. */
interface Version {
  version: number;
  effectiveFrom: Date;
  changedAt: Date | null;
  changedBy: string | null;
  changedFields: string[];
}

/** Columns that are not the item's content. */
const BOOKKEEPING = new Set(['id', 'stationId', 'version', 'retiredAt', 'updatedAt']);

/** The content fields (`fee`, not `feeZh`/`feeEn`) that differ between two audited states. */
function changedFields(before: Prisma.JsonValue, after: Prisma.JsonValue): string[] {
  if (typeof before !== 'object' || before === null || Array.isArray(before)) return [];
  if (typeof after !== 'object' || after === null || Array.isArray(after)) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const fields = [...keys].filter((k) => !BOOKKEEPING.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k])).map((k) => k.replace(/(Zh|En)$/, ''));
  return [...new Set(fields)];
}

const versionOf = (state: Prisma.JsonValue) =>
  typeof state === 'object' && state !== null && !Array.isArray(state) && typeof state.version === 'number' ? state.version : null;

/**
 * A service item's versions, newest first: each earlier one from its revision, the current one
 * from the item, with who published it and when from the audit entry that made it (none for
 * versions that came with the seed data).
 */
export async function serviceItemHistory(prisma: PrismaClient, item: { id: number; version: number; effectiveFrom: Date }): Promise<Version[]> {
  const [revisions, entries] = await Promise.all([
    prisma.serviceItemRevision.findMany({ where: { serviceItemId: item.id }, orderBy: { version: 'asc' }, select: { version: true, effectiveFrom: true } }),
    prisma.auditEntry.findMany({
      where: { entityType: 'ServiceItem', entityId: item.id, action: { not: 'serviceItem.retire' } },
      orderBy: { id: 'asc' },
      select: { at: true, before: true, after: true, staffUser: { select: { name: true } }, apiClient: { select: { name: true } } },
    }),
  ]);
  const versions = [...revisions, { version: item.version, effectiveFrom: item.effectiveFrom }];
  return versions
    .map(({ version, effectiveFrom }) => {
      const entry = entries.findLast((e) => e.after !== null && versionOf(e.after) === version);
      return {
        version,
        effectiveFrom,
        changedAt: entry?.at ?? null,
        changedBy: entry ? (entry.staffUser?.name ?? entry.apiClient?.name ?? null) : null,
        changedFields: entry && entry.before !== null ? changedFields(entry.before, entry.after) : [],
      };
    })
    .reverse();
}

export const ServiceItemVersion = builder.objectRef<Version>('ServiceItemVersion').implement({
  description: 'A published version of a service item: a change publishes a new one and keeps the previous one.',
  fields: (t) => ({
    version: t.exposeInt('version'),
    effectiveFrom: t.expose('effectiveFrom', { type: 'Date' }),
    changedAt: t.expose('changedAt', { type: 'DateTime', nullable: true, description: 'When this version was published; null for one that came with the seed data.' }),
    changedBy: t.exposeString('changedBy', { nullable: true, description: 'The staff member (or API client) who published it.' }),
    changedFields: t.exposeStringList('changedFields', { description: 'What changed from the version before, e.g. `fee`, `materials`.' }),
  }),
});

/** The one edge type of ServiceItemVersion connections. */
export const ServiceItemVersionEdge = builder.edgeObject({ type: ServiceItemVersion, name: 'ServiceItemVersionEdge' });
