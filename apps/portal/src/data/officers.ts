import { z } from 'zod';
import { type ApiSource, queryAll } from './client.ts';
import { localId } from '@openstation/site/global-id';
import { TEXT, Text } from './text.ts';

const QUERY = `query Officers($first: Int!, $after: String, $stationSlug: String) {
  officers(first: $first, after: $after, stationSlug: $stationSlug) {
    edges { node {
      id role name ${TEXT} badgeNumber photoUrl dutyPhone contactHours ${TEXT} lastVerifiedOn isDemo
      station { slug }
      assignments { isPrimary since area { id } }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** What the API and the collection both hold of an officer. */
const OfficerFields = z.object({
  id: z.string(),
  role: z.string(),
  name: Text,
  badgeNumber: z.string().nullable(),
  photoUrl: z.string().nullable(),
  dutyPhone: z.string().nullable(),
  contactHours: Text.nullable(),
  lastVerifiedOn: z.string().nullable(),
  isDemo: z.boolean(),
});

const Node = OfficerFields.extend({
  station: z.object({ slug: z.string() }),
  assignments: z.array(z.object({ isPrimary: z.boolean(), since: z.string(), area: z.object({ id: z.string() }) })),
});

export const Officer = OfficerFields.extend({
  stationSlug: z.string(),
  assignments: z.array(z.object({ areaId: z.string(), isPrimary: z.boolean(), since: z.string() })),
});
export type Officer = z.infer<typeof Officer>;

/** Every officer in service (of one station, given its slug), with the areas they serve (by area number). */
export async function loadOfficers(source: ApiSource, stationSlug: string | null = null): Promise<Officer[]> {
  const nodes = await queryAll(source, QUERY, { stationSlug }, Node, stationSlug === null ? 'the officers' : `the officers of ${stationSlug}`);
  return nodes.map(({ id, station, assignments, ...rest }) => ({
    id: localId(id),
    stationSlug: station.slug,
    ...rest,
    assignments: assignments.map((a) => ({ areaId: localId(a.area.id), isPrimary: a.isPrimary, since: a.since })),
  }));
}
