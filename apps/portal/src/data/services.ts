import { z } from 'zod';
import { type ApiSource, queryAll } from './client.ts';
import { TEXT, Text, TextList } from './text.ts';

const QUERY = `query Services($first: Int!, $after: String, $stationSlug: String) {
  serviceItems(first: $first, after: $after, stationSlug: $stationSlug) {
    edges { node {
      slug category version effectiveFrom title ${TEXT} conditions ${TEXT}
      materials { zh en } steps { zh en } timeLimit ${TEXT} timeLimitDays fee ${TEXT} feeBasis ${TEXT}
      location ${TEXT} hours ${TEXT} onlineUrl appointment ${TEXT}
      station { slug }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const Node = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  category: z.string(),
  version: z.number().int(),
  effectiveFrom: z.string(),
  title: Text,
  conditions: Text,
  materials: TextList,
  steps: TextList,
  timeLimit: Text,
  timeLimitDays: z.number().int().nullable(),
  fee: Text,
  feeBasis: Text.nullable(),
  location: Text,
  hours: Text,
  onlineUrl: z.string().nullable(),
  appointment: Text.nullable(),
  station: z.object({ slug: z.string() }),
});

export const Service = Node.omit({ station: true }).extend({ id: z.string(), stationSlug: z.string() });
export type Service = z.infer<typeof Service>;

/** Every service item in force, or one station's. */
export async function loadServices(source: ApiSource, stationSlug: string | null = null): Promise<Service[]> {
  const nodes = await queryAll(source, QUERY, { stationSlug }, Node, stationSlug === null ? 'the service guide' : `the service guide of ${stationSlug}`);
  return nodes.map(({ station, ...rest }) => ({ id: `${station.slug}/${rest.slug}`, stationSlug: station.slug, ...rest }));
}
