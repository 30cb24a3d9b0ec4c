import { graphql } from '../graphql-tag.ts';

/** Task 1 in full: a station's officers, partners and mediation rooms, each paged. */
export const StationDirectory = graphql`
  query StationDirectoryQuery($slug: String!) {
    station(slug: $slug) {
      id
      officers(first: 100) { edges { node { ...OfficerCard_officer workPhone } } pageInfo { hasNextPage endCursor } }
      partnersConnection(first: 100) { edges { node { id slug partnerKind name { zh en } } } }
      mediationRoomsConnection(first: 100) { edges { node { id name { zh en } receptionHours { zh en } } } }
    }
  }
`;
