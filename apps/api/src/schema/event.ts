import { EventKind, type Prisma } from '@openstation/db';
import { builder } from '../builder.ts';
import { LocalizedText, textOf } from './localized.ts';
import { pageSize } from './pagination.ts';
import { assertStationExists } from './station.ts';
import { inServiceOrChangedSince, RETIRED_AT_DESCRIPTION, syncOrder, UPDATED_AT_DESCRIPTION, UPDATED_SINCE_DESCRIPTION } from './sync.ts';

export const EventKindEnum = builder.enumType(EventKind, {
  name: 'EventKind',
  description: 'Residents\' meeting (警民恳谈会), open day (警营开放日), prevention talk …',
});

export const Event = builder.prismaNode('Event', {
  description: 'A public event of the station.',
  id: { field: 'id' },
  fields: (t) => ({
    eventKind: t.expose('kind', { type: EventKindEnum, description: 'What kind of event it is.' }),
    kind: t.expose('kind', { type: EventKindEnum, deprecationReason: 'Use `eventKind`: one name means one type across Node types.' }),
    title: t.field({ type: LocalizedText, resolve: (e) => textOf(e.titleZh, e.titleEn) }),
    description: t.field({ type: LocalizedText, resolve: (e) => textOf(e.descriptionZh, e.descriptionEn) }),
    location: t.field({ type: LocalizedText, resolve: (e) => textOf(e.locationZh, e.locationEn) }),
    startsAt: t.expose('startsAt', { type: 'DateTime' }),
    endsAt: t.expose('endsAt', { type: 'DateTime', nullable: true }),
    station: t.relation('station'),
    area: t.relation('area', { nullable: true }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: UPDATED_AT_DESCRIPTION }),
    retiredAt: t.expose('retiredAt', { type: 'DateTime', nullable: true, description: RETIRED_AT_DESCRIPTION }),
  }),
});

/** The one edge type of every connection of Event records. */
export const EventEdge = builder.edgeObject({ type: Event, name: 'EventEdge' });

builder.queryFields((t) => ({
  events: t.prismaConnection({
    type: 'Event',
    cursor: 'id',
    ...pageSize,
    description: 'Events by start time; `upcoming: true` keeps those that have not ended, `kind` those of one kind.',
    args: {
      stationSlug: t.arg.string(),
      kind: t.arg({ type: EventKindEnum, description: 'Only events of this kind, e.g. RESIDENTS_MEETING.' }),
      upcoming: t.arg.boolean({ defaultValue: false }),
      updatedSince: t.arg({ type: 'DateTime', description: UPDATED_SINCE_DESCRIPTION }),
    },
    resolve: async (query, _root, args, ctx) => {
      const now = new Date();
      const where: Prisma.EventWhereInput = {
        ...inServiceOrChangedSince(args.updatedSince),
        ...(args.stationSlug != null ? { station: { slug: args.stationSlug } } : {}),
        ...(args.kind != null ? { kind: args.kind } : {}),
        ...(args.upcoming ? { OR: [{ endsAt: { gte: now } }, { endsAt: null, startsAt: { gte: now } }] } : {}),
      };
      const rows = await ctx.prisma.event.findMany({ ...query, where, orderBy: syncOrder(args.updatedSince, [{ startsAt: 'asc' as const }, { id: 'asc' as const }]) });
      if (rows.length === 0) await assertStationExists(ctx, args.stationSlug);
      return rows;
    },
  }, {}, EventEdge),
}));
