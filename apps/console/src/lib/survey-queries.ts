import { gql } from '@urql/core';
import type { StationRef, Text } from './queries.ts';

/** A campaign as the survey pages show it. */
export interface CampaignRecord {
  id: string;
  period: string;
  title: Text;
  opensOn: string;
  closesOn: string;
  accessMode: 'OPEN' | 'CODE';
  status: 'DRAFT' | 'PUBLISHED';
  phase: 'NOT_YET_OPEN' | 'OPEN' | 'CLOSED';
  station: StationRef;
}

/** A question as the paper-entry grid and the results table number it. */
export interface QuestionRecord {
  id: string;
  position: number;
  indicator: string;
  type: 'SCALE5' | 'YES_NO' | 'SINGLE_CHOICE' | 'FREE_TEXT';
  required: boolean;
  text: Text;
  options: { zh: string[]; en: string[] | null } | null;
}

/** An area a code batch or a paper response may name. */
export interface AreaRef {
  id: string;
  name: Text;
  households: number | null;
}

const CAMPAIGN_FIELDS = 'id period opensOn closesOn accessMode status phase title { zh en } station { id slug name { zh en } }';

export const STATION_CAMPAIGNS = gql<{ surveyCampaigns: CampaignRecord[]; surveyCampaignDrafts: CampaignRecord[] }, { slug: string }>(`
  query ConsoleStationCampaigns($slug: String!) {
    surveyCampaigns(stationSlug: $slug) { ${CAMPAIGN_FIELDS} }
    surveyCampaignDrafts(stationSlug: $slug) { ${CAMPAIGN_FIELDS} }
  }
`);

export const CAMPAIGN = gql<
  { node: (CampaignRecord & { __typename: string; questions: QuestionRecord[] }) | null },
  { id: string }
>(`
  query ConsoleCampaign($id: ID!) {
    node(id: $id) {
      __typename
      ... on SurveyCampaign {
        ${CAMPAIGN_FIELDS}
        questions { id position indicator type required text { zh en } options { zh en } }
      }
    }
  }
`);

export const STATION_AREAS = gql<{ station: { areas: { edges: { node: AreaRef }[] } } | null }, { slug: string }>`
  query ConsoleStationAreas($slug: String!) {
    station(slug: $slug) { areas(first: 100) { edges { node { id households name { zh en } } } } }
  }
`;

/** `SurveyCampaignInput`. */
export interface CampaignInput {
  stationId: string;
  period: string;
  title: { zh: string; en: string | null };
  opensOn: string;
  closesOn: string;
  accessMode: 'OPEN' | 'CODE';
}

export const CREATE_CAMPAIGN = gql<{ createSurveyCampaign: { id: string } }, { input: CampaignInput }>`
  mutation ConsoleCreateCampaign($input: SurveyCampaignInput!) {
    createSurveyCampaign(input: $input) { id }
  }
`;

export const PUBLISH_CAMPAIGN = gql<{ publishSurveyCampaign: { id: string } }, { id: string }>`
  mutation ConsolePublishCampaign($id: ID!) { publishSurveyCampaign(id: $id) { id } }
`;

export const CLOSE_CAMPAIGN = gql<{ closeSurveyCampaign: { id: string } }, { id: string }>`
  mutation ConsoleCloseCampaign($id: ID!) { closeSurveyCampaign(id: $id) { id } }
`;

export const GENERATE_CODES = gql<{ generateInvitationCodes: { count: number; csv: string } }, { campaignId: string; areaId: string | null; count: number }>`
  mutation ConsoleGenerateCodes($campaignId: ID!, $areaId: ID, $count: Int!) {
    generateInvitationCodes(campaignId: $campaignId, areaId: $areaId, count: $count) { count csv }
  }
`;

/** `SurveyAnswerInput`. */
export interface AnswerInput {
  questionId: string;
  value?: number;
  dontKnow?: boolean;
  choice?: number;
  text?: string;
}

/** `EnteredSurveyResponseInput`. */
export interface EnteredResponseInput {
  channel: 'PAPER' | 'PHONE';
  submittedOn: string;
  areaId: string | null;
  answers: AnswerInput[];
}

export const ENTER_RESPONSES = gql<{ enterSurveyResponses: { count: number } }, { campaignId: string; responses: EnteredResponseInput[] }>`
  mutation ConsoleEnterResponses($campaignId: ID!, $responses: [EnteredSurveyResponseInput!]!) {
    enterSurveyResponses(campaignId: $campaignId, responses: $responses) { count }
  }
`;

/** A share with its 95% interval (`SurveyProportion`). */
export interface Proportion {
  count: number;
  n: number;
  share: number | null;
  low: number | null;
  high: number | null;
}

/** One indicator's result. */
export interface IndicatorResult {
  indicator: string;
  n: number;
  mean: number | null;
  share: Proportion;
  change: { delta: number; exceedsIntervals: boolean } | null;
}

/** `SurveyResults` as the results page reads it. */
export interface ResultsRecord {
  provisional: boolean;
  lowSample: boolean;
  responses: number;
  indicators: IndicatorResult[];
  questions: { question: { position: number; text: Text }; type: string; n: number; dontKnow: number; mean: number | null; share: Proportion | null; choiceCounts: number[] | null }[];
  areas: { area: { name: Text } | null; n: number | null; suppressed: boolean }[];
  previousCampaign: { period: string } | null;
}

const PROPORTION = 'count n share low high';

export const RESULTS = gql<{ surveyResults: ResultsRecord }, { id: string }>(`
  query ConsoleSurveyResults($id: ID!) {
    surveyResults(campaignId: $id) {
      provisional lowSample responses
      previousCampaign { period }
      indicators { indicator n mean share { ${PROPORTION} } change { delta exceedsIntervals } }
      questions { question { position text { zh en } } type n dontKnow mean choiceCounts share { ${PROPORTION} } }
      areas { area { name { zh en } } n suppressed }
    }
  }
`);
