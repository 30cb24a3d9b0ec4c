import { z } from 'zod';
import { type ApiSource, queryApi } from './client.ts';
import { TEXT, Text } from './text.ts';

const PROPORTION = '{ n count share low high }';

const QUERY = `query SurveyResults($id: ID!) {
  surveyResults(campaignId: $id) {
    responses lowSample previousCampaign { id }
    indicators { indicator n mean share ${PROPORTION} change { delta exceedsIntervals } }
    officerAwareness ${PROPORTION}
    areas { area { id name ${TEXT} } suppressed n indicators { indicator n mean share ${PROPORTION} } }
  }
}`;

const Proportion = z.object({
  n: z.number().int(),
  count: z.number().int(),
  share: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
});

export type Proportion = z.infer<typeof Proportion>;

const AreaIndicator = z.object({ indicator: z.string(), n: z.number().int(), mean: z.number().nullable(), share: Proportion });

export const SurveyResults = z.object({
  responses: z.number().int(),
  lowSample: z.boolean(),
  /** The campaign changes are measured from (its results are among the loaded ones). */
  previousCampaign: z.object({ id: z.string() }).nullable(),
  indicators: z.array(
    AreaIndicator.extend({
      change: z.object({ delta: z.number(), exceedsIntervals: z.boolean() }).nullable(),
    }),
  ),
  officerAwareness: Proportion.nullable(),
  /** Suppressed areas carry no figures: `n` and `indicators` are null. */
  areas: z.array(
    z.object({
      area: z.object({ id: z.string(), name: Text }).nullable(),
      suppressed: z.boolean(),
      n: z.number().int().nullable(),
      indicators: z.array(AreaIndicator).nullable(),
    }),
  ),
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
