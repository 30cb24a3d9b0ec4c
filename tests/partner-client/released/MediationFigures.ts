import { graphql } from '../graphql-tag.ts';

/** Task 4: mediation figures of a station by quarter. */
export const MediationFigures = graphql`
  query MediationFiguresQuery($station: String!, $from: Int) {
    mediationStats(stationSlug: $station, period: QUARTER, fromYear: $from) {
      definition { zh en }
      rows { year quarter received closed resolved successRate }
      total { received closed resolved successRate }
    }
  }
`;
