/** The three representative operations the benchmark drives. */
export const OFFICER_DIRECTORY = /* GraphQL */ `
  query OfficerDirectory($stationSlug: String!) {
    officers(first: 20, stationSlug: $stationSlug) {
      edges {
        node {
          id
          role
          name { text }
          badgeNumber
          dutyPhone
          contactHours { text }
          lastVerifiedOn
        }
      }
    }
  }
`;

export const STATION_PAGE = /* GraphQL */ `
  query StationPage($slug: String!) {
    station(slug: $slug) {
      name { text }
      dutyPhone
      address { text }
      honours { title { text } year }
      areas(first: 20) {
        edges { node { name { text } kind assignments { isPrimary officer { name { text } dutyPhone } } } }
      }
    }
  }
`;

export const LATEST_REPORT = /* GraphQL */ `
  query LatestReport($stationSlug: String!) {
    latestReport(stationSlug: $stationSlug) {
      period
      title { text }
      sections { heading { text } body { text } }
      metrics { metric { key name { text } unit { text } } value sameQuarterLastYear changePercent }
      priorities { issue { text } action { text } raisedOn actionOn }
    }
  }
`;
