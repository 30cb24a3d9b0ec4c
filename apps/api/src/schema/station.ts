import type { Context } from '../context.ts';
import { builder } from '../builder.ts';
import { NotFoundError } from '../errors.ts';
import { LocalizedText, optionalTextOf, textOf } from './localized.ts';
import { pageSize } from './pagination.ts';
import { AreaEdge } from './area.ts';
import { HonourEdge } from './honour.ts';
import { MediationRoomEdge } from './mediation.ts';
import { OfficerEdge } from './officer.ts';
import { PartnerAgencyEdge } from './partner-agency.ts';
import { VolunteerTeamEdge } from './volunteer-team.ts';
import { StationHoursExceptionEdge } from './station-hours.ts';
import { chinaDay } from '../domain/rules.ts';
import { inServiceOrChangedSince, RETIRED_AT_DESCRIPTION, syncOrder, UPDATED_AT_DESCRIPTION, UPDATED_SINCE_DESCRIPTION } from './sync.ts';

export const Station = builder.prismaNode('Station', {
  description: '派出所 — a community police station and the public facts of its jurisdiction.',
  id: { field: 'id' },
  // Select mode: a request loads only the columns its fields read (each field below names
  // those its resolver reads), not every column of every row.
  select: { id: true, nameZh: true, nameEn: true },
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable URL name, e.g. `zhuze`.' }),
    name: t.field({ type: LocalizedText, resolve: (s) => textOf(s.nameZh, s.nameEn) }),
    bureau: t.field({
      type: LocalizedText,
      description: 'The public security bureau the station belongs to.',
      select: { bureauZh: true, bureauEn: true },
      resolve: (s) => textOf(s.bureauZh, s.bureauEn),
    }),
    region: t.field({ type: LocalizedText, select: { regionZh: true, regionEn: true }, resolve: (s) => textOf(s.regionZh, s.regionEn) }),
    address: t.field({ type: LocalizedText, select: { addressZh: true, addressEn: true }, resolve: (s) => textOf(s.addressZh, s.addressEn) }),
    dutyPhone: t.exposeString('dutyPhone', { description: 'The station duty phone (值班电话).' }),
    contactIsDemo: t.exposeBoolean('contactIsDemo', {
      description: 'True when duty phone, address and hours are demo placeholders: do not call them.',
    }),
    openingHours: t.field({ type: LocalizedText, select: { openingHoursZh: true, openingHoursEn: true }, resolve: (s) => textOf(s.openingHoursZh, s.openingHoursEn) }),
    summary: t.field({ type: LocalizedText, select: { summaryZh: true, summaryEn: true }, resolve: (s) => textOf(s.summaryZh, s.summaryEn) }),
    areaKm2: t.float({
      nullable: true,
      description: 'Area of the jurisdiction in square kilometres.',
      select: { areaKm2: true },
      resolve: (s) => s.areaKm2?.toNumber() ?? null,
    }),
    population: t.exposeInt('population', { nullable: true, description: 'Residents of the jurisdiction (实有人口).' }),
    households: t.exposeInt('households', { nullable: true }),
    registeredUnits: t.exposeInt('registeredUnits', { nullable: true, description: 'Registered organisations and businesses.' }),
    policeOfficers: t.exposeInt('policeOfficers', { nullable: true, description: 'Number of police officers (民警).' }),
    auxiliaryOfficers: t.exposeInt('auxiliaryOfficers', { nullable: true, description: 'Number of auxiliary officers (辅警).' }),
    gridWorkers: t.exposeInt('gridWorkers', { nullable: true, description: 'Grid workers (网格员) in the jurisdiction.' }),
    factsSource: t.field({
      type: LocalizedText,
      nullable: true,
      description: 'The public report these facts were taken from.',
      select: { sourceTitleZh: true },
      resolve: (s) => optionalTextOf(s.sourceTitleZh, null),
    }),
    source: t.field({
      type: LocalizedText,
      nullable: true,
      deprecationReason: 'Use `factsSource`: one name means one type across Node types.',
      select: { sourceTitleZh: true },
      resolve: (s) => optionalTextOf(s.sourceTitleZh, null),
    }),
    sourcePublishedOn: t.expose('sourcePublishedOn', { type: 'Date', nullable: true }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: UPDATED_AT_DESCRIPTION }),
    retiredAt: t.expose('retiredAt', { type: 'DateTime', nullable: true, description: RETIRED_AT_DESCRIPTION }),
    honours: t.relation('honours', { deprecationReason: 'Use `honoursConnection`: lists are paged.', query: { orderBy: [{ year: 'asc' }, { id: 'asc' }] } }),
    mediationRooms: t.relation('mediationRooms', { deprecationReason: 'Use `mediationRoomsConnection`: lists are paged.', query: { where: { retiredAt: null }, orderBy: { id: 'asc' } } }),
    volunteerTeams: t.relation('volunteerTeams', { deprecationReason: 'Use `volunteerTeamsConnection`: lists are paged.', query: { where: { retiredAt: null }, orderBy: { id: 'asc' } } }),
    partners: t.relation('partners', { deprecationReason: 'Use `partnersConnection`: lists are paged.', query: { orderBy: { id: 'asc' } } }),
    honoursConnection: t.relatedConnection(
      'honours',
      { cursor: 'id', ...pageSize, description: 'Distinctions awarded to the station, oldest first.', query: { orderBy: [{ year: 'asc' }, { id: 'asc' }] } },
      {},
      HonourEdge,
    ),
    mediationRoomsConnection: t.relatedConnection(
      'mediationRooms',
      { cursor: 'id', ...pageSize, description: 'The station\'s mediation rooms (调解室) in service.', query: { where: { retiredAt: null }, orderBy: { id: 'asc' } } },
      {},
      MediationRoomEdge,
    ),
    volunteerTeamsConnection: t.relatedConnection(
      'volunteerTeams',
      { cursor: 'id', ...pageSize, description: 'Volunteer teams (群防群治) working with the station.', query: { where: { retiredAt: null }, orderBy: { id: 'asc' } } },
      {},
      VolunteerTeamEdge,
    ),
    hoursExceptions: t.relatedConnection(
      'hoursExceptions',
      {
        cursor: 'id',
        ...pageSize,
        description:
          'Dated exceptions to the opening hours (holiday hours, closures) that have not ended by `from` (today in China if left out), by first day.',
        args: { from: t.arg({ type: 'Date', description: 'Leave out exceptions that ended before this day; default today (China time).' }) },
        query: (args) => ({ where: { endsOn: { gte: args.from ?? chinaDay() } }, orderBy: [{ startsOn: 'asc' }, { id: 'asc' }] }),
      },
      {},
      StationHoursExceptionEdge,
    ),
    partnersConnection: t.relatedConnection(
      'partners',
      { cursor: 'id', ...pageSize, description: 'Partner agencies the station works with.', query: { orderBy: { id: 'asc' } } },
      {},
      PartnerAgencyEdge,
    ),
    officers: t.relatedConnection(
      'officers',
      {
        cursor: 'id',
        ...pageSize,
        description: 'The station\'s officers in service (as `officers(stationSlug:)`), or with `updatedSince` those changed since.',
        args: { updatedSince: t.arg({ type: 'DateTime', description: UPDATED_SINCE_DESCRIPTION }) },
        query: (args) => ({ where: inServiceOrChangedSince(args.updatedSince), orderBy: { id: 'asc' } }),
      },
      {},
      OfficerEdge,
    ),
    areas: t.relatedConnection('areas', {
      cursor: 'id',
      ...pageSize,
      description: 'The station\'s police areas in service, or with `updatedSince` those changed since.',
      args: { updatedSince: t.arg({ type: 'DateTime', description: UPDATED_SINCE_DESCRIPTION }) },
      query: (args) => ({ where: inServiceOrChangedSince(args.updatedSince), orderBy: { id: 'asc' } }),
    }, {}, AreaEdge),
  }),
});

/** The one edge type of every connection of Station records. */
export const StationEdge = builder.edgeObject({ type: Station, name: 'StationEdge' });

/** The station with this slug, or a NOT_FOUND error. */
export async function stationIdBySlug(ctx: Context, slug: string): Promise<number> {
  const station = await ctx.prisma.station.findUnique({ where: { slug }, select: { id: true } });
  if (!station) throw new NotFoundError(`No station has the slug "${slug}".`, { slug });
  return station.id;
}

/** Throws NOT_FOUND when a filter named a station that does not exist. */
export async function assertStationExists(ctx: Context, slug: string | null | undefined): Promise<void> {
  if (slug != null) await stationIdBySlug(ctx, slug);
}

builder.queryFields((t) => ({
  stations: t.prismaConnection({
    type: 'Station',
    cursor: 'id',
    ...pageSize,
    description: 'All stations in service, in the order they were registered; with `updatedSince`, those changed since.',
    args: { updatedSince: t.arg({ type: 'DateTime', description: UPDATED_SINCE_DESCRIPTION }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.station.findMany({ ...query, where: inServiceOrChangedSince(args.updatedSince), orderBy: { id: 'asc' } }),
  }, {}, StationEdge),
  station: t.prismaField({
    type: 'Station',
    nullable: true,
    description:
      'The station with this slug. An unknown slug answers the error NOT_FOUND (`extensions.slug`), never a silent null: ' +
      'the field is nullable only so that the error leaves the rest of the response intact.',
    args: { slug: t.arg.string({ required: true }) },
    resolve: async (query, _root, { slug }, ctx) => {
      // findFirst, not findUnique: Prisma batches findUnique calls, which first builds a key from
      // the whole nested selection (sorted, recursively) on every request; slug is unique anyway.
      const station = await ctx.prisma.station.findFirst({ ...query, where: { slug } });
      if (!station) throw new NotFoundError(`No station has the slug "${slug}".`, { slug });
      return station;
    },
  }),
}));
