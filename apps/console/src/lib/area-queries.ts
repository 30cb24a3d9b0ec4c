import { gql } from '@urql/core';
import type { StationRef, Text } from './queries.ts';

/** An officer serving an area, as the area pages show them. */
export interface ServingOfficer {
  isPrimary: boolean;
  since: string;
  officer: { id: string; name: Text; role: string };
}

/** An area as its list and edit form show it. */
export interface AreaRecord {
  id: string;
  kind: string;
  name: Text;
  households: number | null;
  population: number | null;
  gridCount: number | null;
  isIllustrative: boolean;
  station: StationRef;
  assignments: ServingOfficer[];
}

const AREA_FIELDS = `
  id kind households population gridCount isIllustrative name { zh en }
  station { id slug name { zh en } }
  assignments { isPrimary since officer { id role name { zh en } } }
`;

type AreasPage = { areas: { edges: { node: AreaRecord }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

export const STATION_AREAS = gql<AreasPage, { stationSlug: string; after: string | null }>(`
  query ConsoleStationAreas($stationSlug: String!, $after: String) {
    areas(stationSlug: $stationSlug, first: 100, after: $after) {
      edges { node { ${AREA_FIELDS} } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const AREA = gql<{ node: (AreaRecord & { __typename: string }) | null }, { id: string }>(`
  query ConsoleArea($id: ID!) {
    node(id: $id) { __typename ... on Area { ${AREA_FIELDS} } }
  }
`);

/** An area's fields as `createArea` and `updateArea` take them. */
export interface AreaChanges {
  kind?: string;
  name?: { zh: string; en: string | null };
  households?: number | null;
  population?: number | null;
  gridCount?: number | null;
}

export const CREATE_AREA = gql<{ createArea: { id: string } }, { input: AreaChanges & { stationId: string } }>`
  mutation ConsoleCreateArea($input: AreaInput!) {
    createArea(input: $input) { id }
  }
`;

export const UPDATE_AREA = gql<{ updateArea: { id: string } }, { id: string; input: AreaChanges }>`
  mutation ConsoleUpdateArea($id: ID!, $input: AreaPatch!) {
    updateArea(id: $id, input: $input) { id }
  }
`;

export const RETIRE_AREA = gql<{ retireArea: { id: string } }, { id: string }>`
  mutation ConsoleRetireArea($id: ID!) {
    retireArea(id: $id) { id }
  }
`;
