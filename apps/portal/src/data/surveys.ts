import { z } from 'zod';
import { type ApiSource, queryApi } from './client.ts';
import { TEXT, Text, TextList } from './text.ts';

const QUERY = `query Surveys {
  surveyCampaigns {
    id period title ${TEXT} opensOn closesOn accessMode phase station { slug }
    questions { id position indicator type text ${TEXT} options { zh en } required }
  }
}`;

export const SurveyQuestion = z.object({
  /** The question's global id: the form sends it back as the answer's `questionId`. */
  id: z.string(),
  position: z.number().int(),
  indicator: z.string(),
  type: z.enum(['SCALE5', 'YES_NO', 'SINGLE_CHOICE', 'FREE_TEXT']),
  text: Text,
  options: TextList.nullable(),
  required: z.boolean(),
});
export type SurveyQuestion = z.infer<typeof SurveyQuestion>;

const Node = z.object({
  id: z.string(),
  period: z.string(),
  title: Text,
  opensOn: z.string(),
  closesOn: z.string(),
  accessMode: z.enum(['OPEN', 'CODE']),
  phase: z.enum(['NOT_YET_OPEN', 'OPEN', 'CLOSED']),
  station: z.object({ slug: z.string() }),
  questions: z.array(SurveyQuestion),
});

/** A published survey campaign of a station; `campaignId` is its global id, as the form submits it. */
export const Survey = Node.omit({ id: true, station: true }).extend({ campaignId: z.string(), stationSlug: z.string() });
export type Survey = z.infer<typeof Survey>;

/** Every published survey campaign of every station, with its questions (in order), as they stood at build time. */
export async function loadSurveys(source: ApiSource): Promise<(Survey & { id: string })[]> {
  const data = await queryApi(source, QUERY, {}, z.object({ surveyCampaigns: z.array(Node) }), 'the resident surveys');
  return data.surveyCampaigns.map(({ id, station, questions, ...rest }) => ({
    id,
    campaignId: id,
    stationSlug: station.slug,
    questions: [...questions].sort((a, b) => a.position - b.position),
    ...rest,
  }));
}
