import { builder } from '../builder.ts';
import { actsFor, isBureauWide, stationFilter } from '../domain/access.ts';
import { idFor } from './inputs.ts';
import { pageSize } from './pagination.ts';

export const AuditEntry = builder.prismaNode('AuditEntry', {
  description:
    'One change: who made it, what it was, and the record before and after. Admins, for the stations they act for ' +
    '(changes that belong to no station, such as sign-ins, for bureau-wide admins only).',
  id: { field: 'id' },
  authScopes: (entry, { principal }) =>
    principal.kind === 'staff' &&
    principal.role === 'ADMIN' &&
    (isBureauWide(principal) || (entry.stationId !== null && actsFor(principal, entry.stationId))),
  fields: (t) => ({
    action: t.exposeString('action', { description: 'e.g. `station.update`, `workReport.publish`.' }),
    entityType: t.exposeString('entityType'),
    entityId: t.exposeInt('entityId', { nullable: true }),
    before: t.string({ nullable: true, description: 'The record before, as JSON.', resolve: (e) => (e.before == null ? null : JSON.stringify(e.before)) }),
    after: t.string({ nullable: true, description: 'The record after, as JSON.', resolve: (e) => (e.after == null ? null : JSON.stringify(e.after)) }),
    at: t.expose('at', { type: 'DateTime' }),
    stationId: t.exposeInt('stationId', { nullable: true, description: 'The database id of the station the changed record belongs to, if one.' }),
    staffUser: t.relation('staffUser', { nullable: true }),
    apiClient: t.relation('apiClient', { nullable: true }),
    via: t.exposeString('via', {
      nullable: true,
      description: '`operator`: made through the operator channel on the server\'s machine (the command-line tools), as `staffUser` if one is named, else as a bureau-wide admin. Null otherwise.',
    }),
  }),
});

/** The one edge type of every connection of AuditEntry records. */
export const AuditEntryEdge = builder.edgeObject({ type: AuditEntry, name: 'AuditEntryEdge' });

builder.queryFields((t) => ({
  auditEntries: t.prismaConnection({
    type: 'AuditEntry',
    cursor: 'id',
    ...pageSize,
    description:
      'The audit trail, newest first, of the stations the admin acts for; optionally of one entity type (and id), one station, ' +
      'one staff member, and changes from `from` to `to` (China dates, inclusive).',
    authScopes: { admin: true },
    args: {
      entityType: t.arg.string(),
      entityId: t.arg.int(),
      stationId: t.arg.globalID({ description: 'Only changes of this station\'s records.' }),
      staffUserId: t.arg.globalID({ description: 'Only changes this staff member made.' }),
      from: t.arg({ type: 'Date' }),
      to: t.arg({ type: 'Date' }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.auditEntry.findMany({
        ...query,
        where: {
          AND: [
            { stationId: stationFilter(ctx.principal) },
            args.stationId ? { stationId: idFor(args.stationId, 'Station', 'stationId') } : {},
            args.staffUserId ? { staffUserId: idFor(args.staffUserId, 'StaffUser', 'staffUserId') } : {},
            args.entityType != null ? { entityType: args.entityType } : {},
            args.entityId != null ? { entityId: args.entityId } : {},
            // China midnight of `from`, up to China midnight after `to`.
            args.from ? { at: { gte: new Date(args.from.getTime() - 8 * 3_600_000) } } : {},
            args.to ? { at: { lt: new Date(args.to.getTime() + 16 * 3_600_000) } } : {},
          ],
        },
        orderBy: { id: 'desc' },
      }),
  }, {}, AuditEntryEdge),
}));
