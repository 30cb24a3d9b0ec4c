import { z } from 'zod';
import { audited } from '../domain/legacy-audit.ts';
import { builder } from '../builder.ts';
import { NotFoundError } from '../errors.ts';
import { MAX_DOCUMENT_LENGTH, registerTrustedOperation } from '../trusted/operations.ts';
import { idFor } from './inputs.ts';

const hash = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 hash: 64 lower-case hexadecimal digits');

builder.prismaObject('TrustedOperation', {
  description:
    'A registered GraphQL operation. API keys not flagged `development` may run only these, by sending the hash ' +
    '(`extensions.persistedQuery.sha256Hash` or `documentId`) instead of the text. Admins only.',
  fields: (t) => ({
    sha256Hash: t.exposeString('id', { description: 'The sha256 (hex) of `document`: what clients send to run it.' }),
    document: t.exposeString('document'),
    operationName: t.exposeString('operationName'),
    apiClient: t.relation('apiClient', { nullable: true, description: 'The one client that may run it; null: every client.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.queryFields((t) => ({
  trustedOperations: t.prismaField({
    type: ['TrustedOperation'],
    description: 'Registered operations, newest first: those in force, or all with `includeRevoked`.',
    authScopes: { admin: true },
    args: { includeRevoked: t.arg.boolean({ defaultValue: false }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.trustedOperation.findMany({
        ...query,
        where: args.includeRevoked ? {} : { revokedAt: null },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      }),
  }),
}));

builder.mutationFields((t) => ({
  registerTrustedOperation: t.prismaField({
    type: 'TrustedOperation',
    description:
      'Registers one named operation, checked against the schema (OPERATION_DOCUMENT_INVALID otherwise), for one API ' +
      'client or, without `apiClientId`, for every client. Registering it again for the same clients changes nothing.',
    authScopes: { admin: true },
    args: {
      document: t.arg.string({ required: true, validate: z.string().min(1).max(MAX_DOCUMENT_LENGTH) }),
      apiClientId: t.arg.globalID({ description: 'The API client that may run it; omit for every client.' }),
    },
    resolve: async (query, _root, args, ctx, info) => {
      const apiClientId = args.apiClientId ? idFor(args.apiClientId, 'ApiClient', 'apiClientId') : null;
      const id = await audited(ctx, 'trustedOperation.register', async (tx) => {
        const { before, after } = await registerTrustedOperation(tx, info.schema, { document: args.document, apiClientId });
        return { entityType: 'TrustedOperation', entityId: null, before, after, result: after.id };
      });
      return ctx.prisma.trustedOperation.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  revokeTrustedOperation: t.prismaField({
    type: 'TrustedOperation',
    description: 'Withdraws a registered operation at once; requests naming it answer PERSISTED_OPERATION_NOT_FOUND.',
    authScopes: { admin: true },
    args: { sha256Hash: t.arg.string({ required: true, validate: hash }) },
    resolve: async (query, _root, { sha256Hash }, ctx) => {
      await audited(ctx, 'trustedOperation.revoke', async (tx) => {
        const before = await tx.trustedOperation.findUnique({ where: { id: sha256Hash } });
        if (!before) throw new NotFoundError('No registered operation has this hash.', { entityType: 'TrustedOperation' });
        const after = await tx.trustedOperation.update({ where: { id: sha256Hash }, data: { revokedAt: before.revokedAt ?? new Date() } });
        return { entityType: 'TrustedOperation', entityId: null, before, after, result: null };
      });
      return ctx.prisma.trustedOperation.findUniqueOrThrow({ ...query, where: { id: sha256Hash } });
    },
  }),
}));
