import { z } from 'zod';
import { type ApiSource, queryAll } from './client.ts';
import { TEXT, Text } from './text.ts';

const QUERY = `query Stations($first: Int!, $after: String, $from: Date) {
  stations(first: $first, after: $after) {
    edges { node {
      slug contactIsDemo name ${TEXT} bureau ${TEXT} region ${TEXT} address ${TEXT} dutyPhone
      openingHours ${TEXT} summary ${TEXT} areaKm2 population households registeredUnits
      policeOfficers auxiliaryOfficers gridWorkers source ${TEXT} sourcePublishedOn
      honours { title ${TEXT} year awardedBy awardedOn }
      mediationRooms { slug name ${TEXT} description ${TEXT} location ${TEXT} phone openingHours ${TEXT} foundedYear
        leadMediator { name ${TEXT} } }
      volunteerTeams { name ${TEXT} description ${TEXT} memberCount foundedYear }
      partners { slug kind name ${TEXT} }
      hoursExceptions(first: 100, from: $from) { edges { node { startsOn endsOn closed opens closes note ${TEXT} } } }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** A dated exception to the opening hours (holiday hours or a closure), from `Station.hoursExceptions`. */
export const HoursException = z.object({
  startsOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  endsOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  closed: z.boolean(),
  opens: z.string().regex(/^\d{2}:\d{2}$/).nullable(),
  closes: z.string().regex(/^\d{2}:\d{2}$/).nullable(),
  note: Text,
});
export type HoursException = z.infer<typeof HoursException>;

export const Station = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  contactIsDemo: z.boolean(),
  name: Text,
  bureau: Text,
  region: Text,
  address: Text,
  dutyPhone: z.string(),
  openingHours: Text,
  summary: Text,
  areaKm2: z.number().nullable(),
  population: z.number().int().nullable(),
  households: z.number().int().nullable(),
  registeredUnits: z.number().int().nullable(),
  policeOfficers: z.number().int().nullable(),
  auxiliaryOfficers: z.number().int().nullable(),
  gridWorkers: z.number().int().nullable(),
  source: Text.nullable(),
  sourcePublishedOn: z.string().nullable(),
  honours: z.array(z.object({ title: Text, year: z.number().int(), awardedBy: z.string().nullable(), awardedOn: z.string().nullable() })),
  mediationRooms: z.array(
    z.object({
      slug: z.string(),
      name: Text,
      description: Text,
      location: Text,
      phone: z.string().nullable(),
      openingHours: Text.nullable(),
      foundedYear: z.number().int().nullable(),
      leadMediator: z.object({ name: Text }).nullable(),
    }),
  ),
  volunteerTeams: z.array(
    z.object({ name: Text, description: Text, memberCount: z.number().int().nullable(), foundedYear: z.number().int().nullable() }),
  ),
  partners: z.array(z.object({ slug: z.string(), kind: z.string(), name: Text })),
  /** Holiday hours and closures not over on the build day, by first day. */
  hoursExceptions: z.array(HoursException),
});
export type Station = z.infer<typeof Station>;

/** A station as the API answers it: the hours exceptions are a connection (at most 100 are announced ahead). */
const StationAnswer = Station.extend({ hoursExceptions: z.object({ edges: z.array(z.object({ node: HoursException })) }) });

/**
 * Every station with its public facts, honours, mediation rooms, volunteer teams, partners and
 * hours exceptions not over by `from` (`YYYY-MM-DD`; null: today in China, as the API decides).
 */
export async function loadStations(source: ApiSource, from: string | null = null): Promise<(Station & { id: string })[]> {
  const stations = await queryAll(source, QUERY, { from }, StationAnswer, 'the stations');
  return stations.map((s) => ({ id: s.slug, ...s, hoursExceptions: s.hoursExceptions.edges.map((e) => e.node) }));
}
