import { graphql } from '../graphql-tag.ts';

/** Task 2: who serves a village, by part of its name in Chinese or English. */
export const OfficerForVillage = graphql`
  query OfficerForVillageQuery($village: String!, $station: String) {
    officers(areaName: $village, stationSlug: $station, first: 10) {
      edges { node { ...OfficerCard_officer } }
    }
  }
`;
