import { graphql } from '../graphql-tag.ts';

/** Task 2 and 7: one officer as a card, shared by the village search and the refetch. */
export const OfficerCard = graphql`
  fragment OfficerCard_officer on Officer {
    id
    role
    name { zh en }
    badgeNumber
    photoUrl
    contactHours { zh en }
    lastVerifiedOn
    isDemo
  }
`;
