import type { ApiScope } from '../auth/scopes.ts';
import { builder } from '../builder.ts';
import { ApiScopeEnum } from './api-client.ts';

const ViewerKindEnum = builder.enumType('ViewerKind', {
  description: 'How the caller is identified: no credentials, an API key, or a staff session.',
  values: ['ANONYMOUS', 'API_CLIENT', 'STAFF'] as const,
});

interface ViewerShape {
  kind: 'ANONYMOUS' | 'API_CLIENT' | 'STAFF';
  label: string | null;
  keyPrefix: string | null;
  development: boolean;
  scopes: readonly ApiScope[];
  partnerId: number | null;
  stationId: number | null;
}

const Viewer = builder.objectRef<ViewerShape>('Viewer').implement({
  description: 'Who the caller is, as the server sees it: ask it to check a key (its partner agency, station and scopes).',
  fields: (t) => ({
    kind: t.field({ type: ViewerKindEnum, resolve: (v) => v.kind }),
    label: t.string({
      nullable: true,
      description: 'The API key\'s name as its administrator gave it, or the staff member\'s name; null when anonymous.',
      resolve: (v) => v.label,
    }),
    keyPrefix: t.string({ nullable: true, description: 'The public start of the API key; null for others.', resolve: (v) => v.keyPrefix }),
    development: t.boolean({
      description: 'True for a development key, which may send operation text; production keys send registered hashes only.',
      resolve: (v) => v.development,
    }),
    scopes: t.field({ type: [ApiScopeEnum], description: 'The API key\'s scopes; empty for others.', resolve: (v) => v.scopes }),
    partnerAgency: t.prismaField({
      type: 'PartnerAgency',
      nullable: true,
      description: 'The partner agency the key acts for (referrals are made on its behalf); null without one.',
      resolve: (query, v, _args, ctx) => (v.partnerId === null ? null : ctx.prisma.partnerAgency.findUnique({ ...query, where: { id: v.partnerId } })),
    }),
    station: t.prismaField({
      type: 'Station',
      nullable: true,
      description: 'The one station the key acts for (its partner agency\'s); null for keys without a partner, staff and anonymous callers.',
      resolve: (query, v, _args, ctx) => (v.stationId === null ? null : ctx.prisma.station.findUnique({ ...query, where: { id: v.stationId } })),
    }),
  }),
});

builder.queryFields((t) => ({
  viewer: t.field({
    type: Viewer,
    description: 'Who is calling: anonymous, an API key (with its partner agency, station and scopes) or a staff member.',
    resolve: async (_root, _args, { principal, prisma }): Promise<ViewerShape> => {
      const none = { label: null, keyPrefix: null, development: false, scopes: [], partnerId: null, stationId: null };
      if (principal.kind === 'anonymous') return { kind: 'ANONYMOUS', ...none };
      if (principal.kind === 'staff') {
        const user = principal.userId === null ? null : await prisma.staffUser.findUnique({ where: { id: principal.userId }, select: { name: true } });
        return { kind: 'STAFF', ...none, label: user?.name ?? null };
      }
      const client = await prisma.apiClient.findUniqueOrThrow({ where: { id: principal.clientId }, select: { name: true, keyPrefix: true } });
      return {
        kind: 'API_CLIENT',
        label: client.name,
        keyPrefix: client.keyPrefix,
        development: principal.development,
        scopes: principal.scopes,
        partnerId: principal.partnerId,
        stationId: principal.stationId,
      };
    },
  }),
}));
