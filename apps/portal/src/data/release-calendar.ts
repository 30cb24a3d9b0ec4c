import { z } from 'zod';
import { type ApiSource, queryAll } from './client.ts';

const QUERY = `query ReleaseCalendar($first: Int!, $after: String, $on: Date) {
  stations(first: $first, after: $after) {
    edges { node {
      slug
      releaseCalendar(on: $on) {
        nextReport { year quarter period dueOn overdue }
        nextSurvey { period dueOn overdue opensOn closesOn }
      }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const Release = z.object({
  stationSlug: z.string(),
  nextReport: z.object({ year: z.number().int(), quarter: z.number().int().min(1).max(4), period: z.string(), dueOn: z.string(), overdue: z.boolean() }),
  nextSurvey: z.object({ period: z.string(), dueOn: z.string(), overdue: z.boolean(), opensOn: z.string().nullable(), closesOn: z.string().nullable() }),
});
export type Release = z.infer<typeof Release>;

const Node = z.object({ slug: z.string(), releaseCalendar: Release.omit({ stationSlug: true }) });

/** Each station's next quarterly report and resident survey and when they are due, as of `on` (YYYY-MM-DD). */
export async function loadReleaseCalendar(source: ApiSource, on: string): Promise<(Release & { id: string })[]> {
  const stations = await queryAll(source, QUERY, { on }, Node, 'the release calendar');
  return stations.map((s) => ({ id: s.slug, stationSlug: s.slug, ...s.releaseCalendar }));
}
