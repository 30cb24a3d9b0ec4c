import { z } from 'zod';
import { type ApiSource, queryAll } from './client.ts';
import { TEXT, Text } from './text.ts';

const QUERY = `query Stations($first: Int!, $after: String) {
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
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

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
});
export type Station = z.infer<typeof Station>;

/** Every station with its public facts, honours, mediation rooms, volunteer teams and partners. */
export async function loadStations(source: ApiSource): Promise<(Station & { id: string })[]> {
  const stations = await queryAll(source, QUERY, {}, Station, 'the stations');
  return stations.map((s) => ({ id: s.slug, ...s }));
}
