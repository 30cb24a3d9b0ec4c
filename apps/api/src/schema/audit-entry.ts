import { builder } from '../builder.ts';
import { pageSize } from './pagination.ts';

builder.prismaNode('AuditEntry', {
  description: 'One change: who made it, what it was, and the record before and after. Admins only.',
  id: { field: 'id' },
  authScopes: { admin: true },
  fields: (t) => ({
    action: t.exposeString('action', { description: 'e.g. `station.update`, `workReport.publish`.' }),
    entityType: t.exposeString('entityType'),
    entityId: t.exposeInt('entityId', { nullable: true }),
    before: t.string({ nullable: true, description: 'The record before, as JSON.', resolve: (e) => (e.before == null ? null : JSON.stringify(e.before)) }),
    after: t.string({ nullable: true, description: 'The record after, as JSON.', resolve: (e) => (e.after == null ? null : JSON.stringify(e.after)) }),
    at: t.expose('at', { type: 'DateTime' }),
    staffUser: t.relation('staffUser', { nullable: true }),
    apiClient: t.relation('apiClient', { nullable: true }),
    via: t.exposeString('via', {
      nullable: true,
      description: '`operator`: made through the operator channel on the server\'s machine (the command-line tools), as `staffUser` if one is named, else as a bureau-wide admin. Null otherwise.',
    }),
  }),
});

builder.queryFields((t) => ({
  auditEntries: t.prismaConnection({
    type: 'AuditEntry',
    cursor: 'id',
    ...pageSize,
    description: 'The audit trail, newest first, optionally for one entity type (and id).',
    authScopes: { admin: true },
    args: { entityType: t.arg.string(), entityId: t.arg.int() },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.auditEntry.findMany({
        ...query,
        where: {
          ...(args.entityType != null ? { entityType: args.entityType } : {}),
          ...(args.entityId != null ? { entityId: args.entityId } : {}),
        },
        orderBy: { id: 'desc' },
      }),
  }),
}));
