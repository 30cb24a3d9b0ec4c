import { AreaKind, type Prisma } from '@openstation/db';
import { builder } from '../builder.ts';
import { LocalizedText, textOf } from './localized.ts';
import { OfficerAssignmentConnection } from './officer.ts';
import { pageSize } from './pagination.ts';
import { assertStationExists } from './station.ts';
import { inServiceOrChangedSince, RETIRED_AT_DESCRIPTION, UPDATED_AT_DESCRIPTION, UPDATED_SINCE_DESCRIPTION } from './sync.ts';

export const AreaKindEnum = builder.enumType(AreaKind, {
  name: 'AreaKind',
  description: 'What kind of place a police area (警务区) covers.',
});

export const Area = builder.prismaNode('Area', {
  description: '警务区 — a community, village, park, scenic area or school zone and the officers who serve it.',
  id: { field: 'id' },
  // Select mode: only the columns the requested fields read are loaded.
  select: { id: true, nameZh: true, nameEn: true, kind: true },
  fields: (t) => ({
    kind: t.expose('kind', { type: AreaKindEnum }),
    name: t.field({ type: LocalizedText, resolve: (a) => textOf(a.nameZh, a.nameEn) }),
    households: t.exposeInt('households', { nullable: true }),
    population: t.exposeInt('population', { nullable: true }),
    gridCount: t.exposeInt('gridCount', { nullable: true, description: 'Number of grids (网格) in the area.' }),
    isIllustrative: t.exposeBoolean('isIllustrative', {
      description: 'True for an area invented to illustrate demo data, not a real place.',
    }),
    station: t.relation('station'),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: UPDATED_AT_DESCRIPTION }),
    retiredAt: t.expose('retiredAt', { type: 'DateTime', nullable: true, description: RETIRED_AT_DESCRIPTION }),
    assignments: t.relation('assignments', {
      deprecationReason: 'Use `assignmentsConnection`: lists are paged.',
      query: {
        where: { officer: { retiredAt: null } },
        orderBy: [{ isPrimary: 'desc' }, { officer: { role: 'asc' } }, { id: 'asc' }],
      },
    }),
    assignmentsConnection: t.relatedConnection(
      'assignments',
      {
        cursor: 'id',
        ...pageSize,
        description: 'Who serves this area: community officer first, then auxiliaries and grid workers.',
        query: {
          where: { officer: { retiredAt: null } },
          orderBy: [{ isPrimary: 'desc' }, { officer: { role: 'asc' } }, { id: 'asc' }],
        },
      },
      OfficerAssignmentConnection,
    ),
  }),
});

/** The one edge type of every connection of areas. */
export const AreaEdge = builder.edgeObject({ type: Area, name: 'AreaEdge' });

/** Matches a place name in Chinese or English, whole or in part. */
export function areaNameFilter(name: string): Prisma.AreaWhereInput {
  return {
    OR: [
      { nameZh: { contains: name, mode: 'insensitive' } },
      { nameEn: { contains: name, mode: 'insensitive' } },
    ],
  };
}

builder.queryFields((t) => ({
  areas: t.prismaConnection({
    type: 'Area',
    cursor: 'id',
    ...pageSize,
    description: 'Police areas, optionally of one station, of one kind, or whose name contains `name`.',
    args: {
      stationSlug: t.arg.string(),
      kind: t.arg({ type: AreaKindEnum }),
      name: t.arg.string({ description: 'Part of the community or village name, in Chinese or English.' }),
      updatedSince: t.arg({ type: 'DateTime', description: UPDATED_SINCE_DESCRIPTION }),
    },
    resolve: async (query, _root, args, ctx) => {
      const where: Prisma.AreaWhereInput = {
        ...inServiceOrChangedSince(args.updatedSince),
        ...(args.stationSlug != null ? { station: { slug: args.stationSlug } } : {}),
        ...(args.kind != null ? { kind: args.kind } : {}),
        ...(args.name != null ? areaNameFilter(args.name) : {}),
      };
      const rows = await ctx.prisma.area.findMany({ ...query, where, orderBy: { id: 'asc' } });
      if (rows.length === 0) await assertStationExists(ctx, args.stationSlug);
      return rows;
    },
  }, {}, AreaEdge),
}));
