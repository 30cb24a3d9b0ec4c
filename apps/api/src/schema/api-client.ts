import { z } from 'zod';
import { isApiScope } from '../auth/scopes.ts';
import { builder } from '../builder.ts';
import { pageSize } from './pagination.ts';
import { apiClientFilter, createApiClient, revokeApiClient } from '../domain/api-clients.ts';
import { idFor } from './inputs.ts';

export const ApiScopeEnum = builder.enumType('ApiScope', {
  description: 'What an API key may do beyond public reads.',
  values: {
    PUBLIC_READ: { value: 'public:read', description: 'Public data (what anonymous callers may read too).' },
    MEDIATION_READ: { value: 'mediation:read', description: 'Mediation cases of the partner\'s station (no party names); needs a partner.' },
    REFERRALS_WRITE: { value: 'referrals:write', description: 'The partner\'s side of referrals; needs a partner.' },
    SURVEYS_RAW: { value: 'surveys:raw', description: 'Raw survey responses of the partner\'s station; needs a partner.' },
  } as const,
});

const ApiClientRef = builder.prismaNode('ApiClient', {
  description: 'A partner system\'s API key (never the key itself). Admins only.',
  id: { field: 'id' },
  authScopes: { admin: true },
  fields: (t) => ({
    label: t.exposeString('name', { description: 'What the key is for, as its administrator named it.' }),
    name: t.exposeString('name', { deprecationReason: 'Use `label`: one name means one type across Node types.' }),
    keyPrefix: t.exposeString('keyPrefix', { description: 'The public start of the key, to recognise it.' }),
    scopes: t.field({ type: [ApiScopeEnum], resolve: (c) => c.scopes.filter(isApiScope) }),
    costBudget: t.exposeInt('costBudget'),
    development: t.exposeBoolean('development'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    partnerAgency: t.relation('partner', { nullable: true, description: 'The partner agency the key acts for: it reads and writes only that agency\'s station.' }),
    partner: t.relation('partner', { nullable: true, deprecationReason: 'Use `partnerAgency`: one name means one type across Node types.' }),
  }),
});

/** The one edge type of every connection of ApiClient records. */
export const ApiClientEdge = builder.edgeObject({ type: ApiClientRef, name: 'ApiClientEdge' });

interface Created {
  key: string;
  client: typeof ApiClientRef.$inferType;
}

const CreatedApiClient = builder.objectRef<Created>('CreatedApiClient').implement({
  description: 'A new API client and its key, which is shown only here.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The full key `<prefix>_<secret>`: shown this once, store it safely.' }),
    client: t.field({ type: ApiClientRef, resolve: (c) => c.client }),
  }),
});

builder.queryFields((t) => ({
  apiClientsConnection: t.prismaConnection(
    {
      type: 'ApiClient',
      cursor: 'id',
      ...pageSize,
      description: 'The API clients the caller may manage, newest first: all for bureau-wide admins, else those of their stations\' partners.',
      authScopes: { admin: true },
      resolve: (query, _root, _args, ctx) => ctx.prisma.apiClient.findMany({ ...query, where: apiClientFilter(ctx.principal), orderBy: { id: 'desc' } }),
    },
    {},
    ApiClientEdge,
  ),
  apiClients: t.prismaField({
    type: ['ApiClient'],
    deprecationReason: 'Use `apiClientsConnection`: lists are paged.',
    description: 'The API clients the caller may manage, newest first: all for bureau-wide admins, else those of their stations\' partners.',
    authScopes: { admin: true },
    resolve: (query, _root, _args, ctx) => ctx.prisma.apiClient.findMany({ ...query, where: apiClientFilter(ctx.principal), orderBy: { id: 'desc' } }),
  }),
}));

builder.mutationFields((t) => ({
  createApiClient: t.field({
    type: CreatedApiClient,
    description:
      'Registers a partner system and returns its key once (admins; audited without the secret). `mediation:read`, `referrals:write` and ' +
      '`surveys:raw` need `partnerId` (PARTNER_REQUIRED): the key acts for that agency\'s station only. Station-bound admins create keys only for partners of their stations.',
    authScopes: { admin: true },
    args: {
      name: t.arg.string({ required: true, validate: z.string().trim().min(1).max(200) }),
      scopes: t.arg({ type: [ApiScopeEnum], required: true }),
      costBudget: t.arg.int({ validate: z.number().int().min(1).max(10_000_000) }),
      development: t.arg.boolean({ defaultValue: false }),
      partnerId: t.arg.globalID({ description: 'The partner agency the key acts for (needed for station-bound scopes).' }),
    },
    resolve: (_root, args, ctx) =>
      createApiClient(ctx, {
        name: args.name,
        scopes: args.scopes,
        costBudget: args.costBudget,
        development: args.development,
        partnerId: args.partnerId ? idFor(args.partnerId, 'PartnerAgency', 'partnerId') : null,
      }),
  }),
  revokeApiClient: t.prismaField({
    type: 'ApiClient',
    description: 'Revokes a key at once; its requests answer UNAUTHENTICATED from then on.',
    authScopes: { admin: true },
    args: { id: t.arg.globalID({ required: true, for: ApiClientRef }) },
    resolve: async (query, _root, { id }, ctx) => {
      const clientId = await revokeApiClient(ctx, idFor(id, 'ApiClient'));
      return ctx.prisma.apiClient.findUniqueOrThrow({ ...query, where: { id: clientId } });
    },
  }),
}));
