import { graphql } from '../graphql-tag.ts';

/** Task 7: refetch any record by its global id. */
export const NodeRefetch = graphql`
  query NodeRefetchQuery($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Station { slug name { zh en } }
      ... on Area { kind name { zh en } }
      ... on Officer { role name { zh en } badgeNumber }
      ... on ServiceItem { slug title { zh en } }
    }
  }
`;
