import { graphql } from '../graphql-tag.ts';

/** Task 3: a station's latest published quarterly report with its figures and priorities. */
export const LatestReport = graphql`
  query LatestReportQuery($station: String!) {
    latestReport(stationSlug: $station) {
      id
      year
      quarter
      revision
      publishedAt
      title { zh en }
      metrics { metric { key name { zh en } unit { zh en } higherIsBetter } value sameQuarterLastYear changePercent }
      priorities { position issue { zh en } raisedOn action { zh en } actionOn area { id name { zh } } }
    }
  }
`;
