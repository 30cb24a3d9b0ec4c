import { z } from 'zod';
import { createApiClient } from '../auth/accounts.ts';
import { isApiScope } from '../auth/scopes.ts';
import { audited } from '../domain/legacy-audit.ts';
import { builder } from '../builder.ts';
import { NotFoundError } from '../errors.ts';
import { idFor } from './inputs.ts';

export const ApiScopeEnum = builder.enumType('ApiScope', {
  description: 'What an API key may do beyond public reads.',
  values: {
    PUBLIC_READ: { value: 'public:read', description: 'Public data (what anonymous callers may read too).' },
    MEDIATION_READ: { value: 'mediation:read', description: 'Mediation cases (no party names).' },
    REFERRALS_WRITE: { value: 'referrals:write', description: 'The partner\'s side of referrals.' },
    SURVEYS_RAW: { value: 'surveys:raw', description: 'Raw survey responses.' },
  } as const,
});

const ApiClientRef = builder.prismaNode('ApiClient', {
  description: 'A partner system\'s API key (never the key itself). Admins only.',
  id: { field: 'id' },
  authScopes: { admin: true },
  fields: (t) => ({
    name: t.exposeString('name'),
    keyPrefix: t.exposeString('keyPrefix', { description: 'The public start of the key, to recognise it.' }),
    scopes: t.field({ type: [ApiScopeEnum], resolve: (c) => c.scopes.filter(isApiScope) }),
    costBudget: t.exposeInt('costBudget'),
    development: t.exposeBoolean('development'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    partner: t.relation('partner', { nullable: true }),
  }),
});

interface Created {
  key: string;
  client: typeof ApiClientRef.$inferType;
}

const CreatedApiClient = builder.objectRef<Created>('CreatedApiClient').implement({
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The full key `<prefix>_<secret>`: shown this once, store it safely.' }),
    client: t.field({ type: ApiClientRef, resolve: (c) => c.client }),
  }),
});

builder.queryFields((t) => ({
  apiClients: t.prismaField({
    type: ['ApiClient'],
    description: 'All API clients, newest first.',
    authScopes: { admin: true },
    resolve: (query, _root, _args, ctx) => ctx.prisma.apiClient.findMany({ ...query, orderBy: { id: 'desc' } }),
  }),
}));

builder.mutationFields((t) => ({
  createApiClient: t.field({
    type: CreatedApiClient,
    description: 'Registers a partner system and returns its key once.',
    authScopes: { admin: true },
    args: {
      name: t.arg.string({ required: true, validate: z.string().trim().min(1).max(200) }),
      scopes: t.arg({ type: [ApiScopeEnum], required: true }),
      costBudget: t.arg.int({ validate: z.number().int().min(1).max(10_000_000) }),
      development: t.arg.boolean({ defaultValue: false }),
      partnerId: t.arg.globalID({ description: 'The partner agency the key acts for (needed for `referrals:write`).' }),
    },
    resolve: (_root, args, ctx) =>
      audited(ctx, 'apiClient.create', async (tx) => {
        const { client, key } = await createApiClient(tx, {
          name: args.name.trim(),
          scopes: args.scopes,
          costBudget: args.costBudget ?? undefined,
          development: args.development ?? false,
          partnerId: args.partnerId ? idFor(args.partnerId, 'PartnerAgency', 'partnerId') : null,
        });
        const { secretHash: _hidden, ...after } = client;
        return { entityType: 'ApiClient', entityId: client.id, before: null, after, result: { key, client } };
      }),
  }),
  revokeApiClient: t.prismaField({
    type: 'ApiClient',
    description: 'Revokes a key at once; its requests answer UNAUTHENTICATED from then on.',
    authScopes: { admin: true },
    args: { id: t.arg.globalID({ required: true, for: ApiClientRef }) },
    resolve: async (query, _root, { id }, ctx) => {
      const clientId = Number(id.id);
      await audited(ctx, 'apiClient.revoke', async (tx) => {
        const before = await tx.apiClient.findUnique({ where: { id: clientId }, omit: { secretHash: true } });
        if (!before) throw new NotFoundError('No API client has this id.');
        const after = await tx.apiClient.update({
          where: { id: clientId },
          data: { revokedAt: before.revokedAt ?? new Date() },
          omit: { secretHash: true },
        });
        return { entityType: 'ApiClient', entityId: clientId, before, after, result: null };
      });
      return ctx.prisma.apiClient.findUniqueOrThrow({ ...query, where: { id: clientId } });
    },
  }),
}));
