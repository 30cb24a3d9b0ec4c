import { z } from 'zod';
import { type ApiSource, queryApi } from './client.ts';
import { PortalDataError } from './errors.ts';
import { TEXT, Text } from './text.ts';

const Row = z.object({
  year: z.number().int().nullable(),
  quarter: z.number().int().nullable(),
  category: z.string().nullable(),
  received: z.number().int(),
  closed: z.number().int(),
  resolved: z.number().int(),
  successRate: z.number().nullable(),
});
export type MediationRow = z.infer<typeof Row>;

export const Mediation = z.object({
  id: z.string(),
  definition: Text,
  byQuarter: z.array(Row),
  byCategory: z.array(Row),
  total: Row,
});
export type Mediation = z.infer<typeof Mediation>;

const ROW = '{ year quarter category received closed resolved successRate }';
/** Stations per query: each costs about 30 fields of the API's breadth limit (400 per operation). */
const BATCH = 10;

function batchQuery(count: number): string {
  const fields = Array.from(
    { length: count },
    (_, i) =>
      `q${i}: mediationStats(stationSlug: $s${i}, period: QUARTER) { definition ${TEXT} rows ${ROW} total ${ROW} }
       c${i}: mediationStats(stationSlug: $s${i}, period: YEAR, byCategory: true) { rows ${ROW} }`,
  );
  const vars = Array.from({ length: count }, (_, i) => `$s${i}: String!`).join(', ');
  return `query Mediation(${vars}) {\n${fields.join('\n')}\n}`;
}

/** Mediation figures of each station: by quarter, and by year and category, with the success-rate definition. */
export async function loadMediation(source: ApiSource, stationSlugs: string[]): Promise<Mediation[]> {
  const out: Mediation[] = [];
  for (let start = 0; start < stationSlugs.length; start += BATCH) {
    const slugs = stationSlugs.slice(start, start + BATCH);
    const variables = Object.fromEntries(slugs.map((s, i) => [`s${i}`, s]));
    const data = await queryApi(
      source,
      batchQuery(slugs.length),
      variables,
      z.record(z.string(), z.object({ definition: Text.optional(), rows: z.array(Row), total: Row.optional() })),
      'the mediation figures',
    );
    slugs.forEach((slug, i) => {
      const quarterly = data[`q${i}`];
      if (!quarterly?.definition || !quarterly.total) {
        throw new PortalDataError(`Could not load the mediation figures of "${slug}": the API's answer is incomplete.`);
      }
      const byCategory = data[`c${i}`]?.rows ?? [];
      out.push({ id: slug, definition: quarterly.definition, byQuarter: quarterly.rows, byCategory, total: quarterly.total });
    });
  }
  return out;
}
