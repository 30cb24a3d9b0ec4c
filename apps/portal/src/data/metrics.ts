import { z } from 'zod';
import { type ApiSource, queryApi } from './client.ts';
import { TEXT, Text } from './text.ts';

const QUERY = `query Metrics { metrics { key name ${TEXT} unit ${TEXT} definition ${TEXT} higherIsBetter } }`;

export const Metric = z.object({ key: z.string(), name: Text, unit: Text, definition: Text, higherIsBetter: z.boolean() });
export type Metric = z.infer<typeof Metric>;

/** The metric catalogue: what each reported figure counts, and its unit. */
export async function loadMetrics(source: ApiSource): Promise<(Metric & { id: string })[]> {
  const { metrics } = await queryApi(source, QUERY, {}, z.object({ metrics: z.array(Metric) }), 'the metric catalogue');
  return metrics.map((m) => ({ id: m.key, ...m }));
}
