import { graphql } from '../graphql-tag.ts';

/** Task 12: a station's coming residents' meetings. */
export const EventsByKind = graphql`
  query EventsByKindQuery($station: String!, $kind: EventKind!) {
    events(stationSlug: $station, kind: $kind, upcoming: true, first: 20) {
      edges { node { id eventKind title { zh en } startsAt endsAt location { zh en } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;
