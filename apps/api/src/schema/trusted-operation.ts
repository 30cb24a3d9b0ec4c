import { z } from 'zod';
import { builder } from '../builder.ts';
import { pageSize } from './pagination.ts';
import { registerTrustedOperations, revokeTrustedOperation } from '../domain/trusted-operations.ts';
import { apiClientFilter } from '../domain/api-clients.ts';
import { isEmpty } from '../domain/patch.ts';
import { MAX_DOCUMENT_LENGTH } from '../trusted/operations.ts';
import { idFor } from './inputs.ts';

const hash = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 hash: 64 lower-case hexadecimal digits');

export const TrustedOperation = builder.prismaObject('TrustedOperation', {
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

/** The one edge type of every connection of TrustedOperation records. */
export const TrustedOperationEdge = builder.edgeObject({ type: TrustedOperation, name: 'TrustedOperationEdge' });

builder.queryFields((t) => ({
  trustedOperationsConnection: t.prismaConnection(
    {
      type: 'TrustedOperation',
      cursor: 'id',
      ...pageSize,
      description:
        'Registered operations, newest first: those in force, or all with `includeRevoked`. Station-bound admins see those of their stations\' partners\' keys.',
      authScopes: { admin: true },
      args: { includeRevoked: t.arg.boolean({ defaultValue: false }) },
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.trustedOperation.findMany({
          ...query,
          where: {
            ...(args.includeRevoked ? {} : { revokedAt: null }),
            ...(isEmpty(apiClientFilter(ctx.principal)) ? {} : { apiClient: apiClientFilter(ctx.principal) }),
          },
          orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        }),
    },
    {},
    TrustedOperationEdge,
  ),
  trustedOperations: t.prismaField({
    type: ['TrustedOperation'],
    deprecationReason: 'Use `trustedOperationsConnection`: lists are paged.',
    description:
      'Registered operations, newest first: those in force, or all with `includeRevoked`. Station-bound admins see those of their stations\' partners\' keys.',
    authScopes: { admin: true },
    args: { includeRevoked: t.arg.boolean({ defaultValue: false }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.trustedOperation.findMany({
        ...query,
        where: {
          ...(args.includeRevoked ? {} : { revokedAt: null }),
          ...(isEmpty(apiClientFilter(ctx.principal)) ? {} : { apiClient: apiClientFilter(ctx.principal) }),
        },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      }),
  }),
}));

const documentArg = z.string().min(1).max(MAX_DOCUMENT_LENGTH);
const clientOf = (id: { typename: string; id: string } | null | undefined) => (id ? idFor(id, 'ApiClient', 'apiClientId') : null);

builder.mutationFields((t) => ({
  registerTrustedOperation: t.prismaField({
    type: 'TrustedOperation',
    description:
      'Registers one named operation, checked against the schema (OPERATION_DOCUMENT_INVALID otherwise), for one API ' +
      'client or, without `apiClientId`, for every client (bureau-wide admins). Registering it again for the same clients changes nothing.',
    authScopes: { admin: true },
    args: {
      document: t.arg.string({ required: true, validate: documentArg }),
      apiClientId: t.arg.globalID({ description: 'The API client that may run it; omit for every client.' }),
    },
    resolve: async (query, _root, args, ctx, info) => {
      const [id] = await registerTrustedOperations(ctx, info.schema, [args.document], clientOf(args.apiClientId));
      return ctx.prisma.trustedOperation.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  registerTrustedOperations: t.prismaField({
    type: ['TrustedOperation'],
    description:
      'Registers several operations for the same clients, all or none (as `register-operation` does with several files); ' +
      'a document that does not check answers OPERATION_DOCUMENT_INVALID with `extensions.index`.',
    authScopes: { admin: true },
    args: {
      documents: t.arg.stringList({ required: true, validate: z.array(documentArg).min(1).max(100) }),
      apiClientId: t.arg.globalID({ description: 'The API client that may run them; omit for every client.' }),
    },
    resolve: async (query, _root, args, ctx, info) => {
      const ids = await registerTrustedOperations(ctx, info.schema, args.documents, clientOf(args.apiClientId));
      const rows = await ctx.prisma.trustedOperation.findMany({ ...query, where: { id: { in: ids } } });
      return ids.flatMap((id) => rows.filter((row) => row.id === id));
    },
  }),
  revokeTrustedOperation: t.prismaField({
    type: 'TrustedOperation',
    description: 'Withdraws a registered operation at once; requests naming it answer PERSISTED_OPERATION_NOT_FOUND.',
    authScopes: { admin: true },
    args: { sha256Hash: t.arg.string({ required: true, validate: hash }) },
    resolve: async (query, _root, { sha256Hash }, ctx) => {
      const id = await revokeTrustedOperation(ctx, sha256Hash);
      return ctx.prisma.trustedOperation.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
