import { z } from 'zod';
import { type ApiSource, queryAll } from './client.ts';
import { localId } from '@openstation/site/global-id';
import { TEXT, Text } from './text.ts';

const QUERY = `query Areas($first: Int!, $after: String, $stationSlug: String) {
  areas(first: $first, after: $after, stationSlug: $stationSlug) {
    edges { node { id kind name ${TEXT} households population gridCount station { slug } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const Node = z.object({
  id: z.string(),
  kind: z.string(),
  name: Text,
  households: z.number().int().nullable(),
  population: z.number().int().nullable(),
  gridCount: z.number().int().nullable(),
  station: z.object({ slug: z.string() }),
});

export const Area = z.object({
  id: z.string(),
  stationSlug: z.string(),
  kind: z.string(),
  name: Text,
  households: z.number().int().nullable(),
  population: z.number().int().nullable(),
  gridCount: z.number().int().nullable(),
});
export type Area = z.infer<typeof Area>;

/** Every police area (community, village …) of every station, or of one; `id` is the area's number. */
export async function loadAreas(source: ApiSource, stationSlug: string | null = null): Promise<Area[]> {
  const nodes = await queryAll(source, QUERY, { stationSlug }, Node, stationSlug === null ? 'the police areas' : `the police areas of ${stationSlug}`);
  return nodes.map(({ id, station, ...rest }) => ({ id: localId(id), stationSlug: station.slug, ...rest }));
}
