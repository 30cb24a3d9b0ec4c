import { graphql } from '../graphql-tag.ts';

/** Task 10: who am I — the key's partner agency, station and scopes. */
export const Viewer = graphql`
  query ViewerQuery {
    viewer {
      kind
      label
      scopes
      development
      partnerAgency { id slug partnerKind name { zh en } }
      station { id slug name { zh en } }
    }
  }
`;
