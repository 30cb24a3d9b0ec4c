import { graphql } from '../graphql-tag.ts';

/** Task 6: a closed survey's published results, by indicator. */
export const SurveyResults = graphql`
  query SurveyResultsQuery($campaign: ID!) {
    surveyResults(campaignId: $campaign) {
      responses
      lowSample
      campaign { id period title { zh en } }
      indicators { indicator n mean share { share low high n count } }
    }
  }
`;
