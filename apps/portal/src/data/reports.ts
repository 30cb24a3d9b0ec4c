import { z } from 'zod';
import { type ApiSource, queryAll } from './client.ts';
import { TEXT, Text } from './text.ts';

const QUERY = `query Reports($first: Int!, $after: String, $stationSlug: String) {
  workReports(first: $first, after: $after, stationSlug: $stationSlug) {
    edges { node {
      year quarter period revision publishedAt title ${TEXT} summary ${TEXT} correctionNote ${TEXT}
      station { slug }
      sections { position heading ${TEXT} body ${TEXT} }
      metrics { value sameQuarterLastYear changePercent note ${TEXT} metric { key } }
      priorities { position issue ${TEXT} raisedOn action ${TEXT} actionOn area { id name ${TEXT} } indicator surveyCampaign { id } }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const Node = z.object({
  year: z.number().int(),
  quarter: z.number().int().min(1).max(4),
  period: z.string(),
  revision: z.number().int(),
  publishedAt: z.string().nullable(),
  title: Text,
  summary: Text,
  correctionNote: Text.nullable(),
  station: z.object({ slug: z.string() }),
  sections: z.array(z.object({ position: z.number().int(), heading: Text, body: Text })),
  metrics: z.array(
    z.object({
      value: z.number(),
      sameQuarterLastYear: z.number().nullable(),
      changePercent: z.number().nullable(),
      note: Text.nullable(),
      metric: z.object({ key: z.string() }),
    }),
  ),
  priorities: z.array(
    z.object({
      position: z.number().int(),
      issue: Text,
      raisedOn: z.string(),
      action: Text.nullable(),
      actionOn: z.string().nullable(),
      area: z.object({ id: z.string(), name: Text }).nullable(),
      /** What residents said that it answers: a survey's result for this indicator ("you said, we did"). */
      indicator: z.string().nullable(),
      surveyCampaign: z.object({ id: z.string() }).nullable(),
    }),
  ),
});

export const Report = Node.omit({ station: true }).extend({ id: z.string(), stationSlug: z.string(), slug: z.string() });
export type Report = z.infer<typeof Report>;

/** Every published quarterly report (the API serves published ones only), or one station's; `slug` is `2026-q3`. */
export async function loadReports(source: ApiSource, stationSlug: string | null = null): Promise<Report[]> {
  const nodes = await queryAll(source, QUERY, { stationSlug }, Node, stationSlug === null ? 'the quarterly reports' : `the quarterly reports of ${stationSlug}`);
  return nodes.map(({ station, ...rest }) => {
    const slug = `${rest.year}-q${rest.quarter}`;
    return { id: `${station.slug}/${slug}`, stationSlug: station.slug, slug, ...rest };
  });
}
