import { z } from 'zod';
import { type ApiSource, queryApi } from './client.ts';
import { TEXT, Text } from './text.ts';

const PROPORTION = '{ n count share low high }';

const QUERY = `query SurveyResults($id: ID!) {
  surveyResults(campaignId: $id) {
    responses lowSample
    indicators { indicator n mean share ${PROPORTION} change { delta exceedsIntervals } }
    officerAwareness ${PROPORTION}
    areas { area { name ${TEXT} } suppressed n }
  }
}`;

const Proportion = z.object({
  n: z.number().int(),
  count: z.number().int(),
  share: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
});

export const SurveyResults = z.object({
  responses: z.number().int(),
  lowSample: z.boolean(),
  indicators: z.array(
    z.object({
      indicator: z.string(),
      n: z.number().int(),
      mean: z.number().nullable(),
      share: Proportion,
      change: z.object({ delta: z.number(), exceedsIntervals: z.boolean() }).nullable(),
    }),
  ),
  officerAwareness: Proportion.nullable(),
  areas: z.array(z.object({ area: z.object({ name: Text }).nullable(), suppressed: z.boolean(), n: z.number().int().nullable() })),
});
export type SurveyResults = z.infer<typeof SurveyResults>;

/** The published results of closed campaigns (global ids), keyed by campaign id, a few queries at a time. */
export async function loadSurveyResults(source: ApiSource, campaignIds: readonly string[]): Promise<(SurveyResults & { id: string })[]> {
  const out: (SurveyResults & { id: string })[] = [];
  for (let i = 0; i < campaignIds.length; i += 4) {
    const batch = campaignIds.slice(i, i + 4);
    const answers = await Promise.all(
      batch.map((id) => queryApi(source, QUERY, { id }, z.object({ surveyResults: SurveyResults }), `the results of survey ${id}`)),
    );
    answers.forEach((a, j) => out.push({ id: batch[j] as string, ...a.surveyResults }));
  }
  return out;
}
