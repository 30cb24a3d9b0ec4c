import { graphql } from '../graphql-tag.ts';

/** Task 1: a station by its slug, with its first page of areas. */
export const StationBySlug = graphql`
  query StationBySlugQuery($slug: String!, $first: Int!, $after: String) {
    station(slug: $slug) {
      id
      slug
      name { zh en }
      address { zh en }
      dutyPhone
      openingHours { zh en }
      contactIsDemo
      areas(first: $first, after: $after) {
        edges { cursor node { id kind name { zh en } households population } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`;
