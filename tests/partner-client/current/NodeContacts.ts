import { graphql } from '../graphql-tag.ts';

/**
 * Task 7 again, across every kind of contact: before the contract fixed it, `dutyPhone`
 * (String! on Station, String on Officer) and `openingHours` could not share this selection.
 */
export const NodeContacts = graphql`
  query NodeContactsQuery($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      id
      ... on Station { dutyPhone openingHours { zh en } }
      ... on Officer { workPhone contactHours { zh en } }
      ... on MediationRoom { phone receptionHours { zh en } }
      ... on Event { eventKind }
      ... on Area { kind }
      ... on PartnerAgency { partnerKind }
    }
  }
`;
