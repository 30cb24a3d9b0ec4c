import { z } from 'zod';
import { type ApiSource, queryAll } from './client.ts';
import { localId } from '@openstation/site/global-id';
import { TEXT, Text } from './text.ts';

const QUERY = `query Events($first: Int!, $after: String) {
  events(first: $first, after: $after, upcoming: true) {
    edges { node {
      id kind title ${TEXT} description ${TEXT} location ${TEXT} startsAt endsAt
      area { name ${TEXT} } station { slug }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const Node = z.object({
  id: z.string(),
  kind: z.string(),
  title: Text,
  description: Text,
  location: Text,
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  area: z.object({ name: Text }).nullable(),
  station: z.object({ slug: z.string() }),
});

export const Event = Node.omit({ station: true }).extend({ stationSlug: z.string() });
export type Event = z.infer<typeof Event>;

/** Events that have not ended yet, by start time. */
export async function loadEvents(source: ApiSource): Promise<Event[]> {
  const nodes = await queryAll(source, QUERY, {}, Node, 'the upcoming events');
  return nodes.map(({ id, station, ...rest }) => ({ id: localId(id), stationSlug: station.slug, ...rest }));
}
