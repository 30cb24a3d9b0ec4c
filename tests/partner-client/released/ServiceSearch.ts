import { graphql } from '../graphql-tag.ts';

/** Task 5: service guide items whose text contains a word, with time limit and fee. */
export const ServiceSearch = graphql`
  query ServiceSearchQuery($search: String!, $station: String, $after: String) {
    serviceItems(search: $search, stationSlug: $station, first: 20, after: $after) {
      edges {
        node {
          id
          slug
          category
          title { zh en }
          timeLimitDays
          timeLimit { zh en }
          fee { zh en }
          feeBasis { zh en }
          materials { zh en }
          effectiveFrom
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;
