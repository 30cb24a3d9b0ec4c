import { gql } from '@urql/core';
import type { StationRef, Text } from './queries.ts';

/** Where a dispute stands (`CaseStatus`). */
export const CASE_STATUSES = ['RECEIVED', 'IN_PROGRESS', 'REFERRED', 'RESOLVED', 'UNRESOLVED'] as const;
/** Statuses that conclude a case: it then has a closing date. */
export const CONCLUDED_STATUSES: readonly string[] = ['RESOLVED', 'UNRESOLVED'];
/** What a dispute was about (`MediationCategory`). */
export const CASE_CATEGORIES = ['NEIGHBOUR', 'FAMILY', 'TENANCY', 'LAND_AND_HOUSING', 'LABOUR', 'CONSUMER', 'TRAFFIC', 'OTHER'] as const;
/** How a dispute reached the room (`CaseSource`). */
export const CASE_SOURCES = ['WALK_IN', 'POLICE_CALL', 'PATROL', 'GRID_WORKER', 'PARTNER_REFERRAL'] as const;

/** A mediation room as the case pages name it. */
export interface RoomRef {
  id: string;
  slug: string;
  name: Text;
}

/** A case as the list and the edit form show it. */
export interface CaseRecord {
  id: string;
  reference: string;
  category: string;
  source: string;
  status: string;
  receivedOn: string;
  closedOn: string | null;
  room: RoomRef & { station: StationRef };
}

const CASE_FIELDS = 'id reference category source status receivedOn closedOn room { id slug name { zh en } station { id slug name { zh en } } }';

export const STATION_ROOMS = gql<{ station: { mediationRooms: RoomRef[] } | null }, { slug: string }>`
  query ConsoleStationRooms($slug: String!) {
    station(slug: $slug) { mediationRooms { id slug name { zh en } } }
  }
`;

export const ROOM_CASES = gql<
  { mediationCases: { edges: { node: CaseRecord }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } },
  { roomId: string; after: string | null; first: number }
>(`
  query ConsoleRoomCases($roomId: ID!, $after: String, $first: Int!) {
    mediationCases(roomId: $roomId, first: $first, after: $after) {
      edges { node { ${CASE_FIELDS} } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const CASE = gql<{ node: (CaseRecord & { __typename: string }) | null }, { id: string }>(`
  query ConsoleCase($id: ID!) {
    node(id: $id) { __typename ... on MediationCase { ${CASE_FIELDS} } }
  }
`);

/** One row of the station's figures. */
export interface StatRow {
  received: number;
  closed: number;
  resolved: number;
  successRate: number | null;
}

export const STATION_FIGURES = gql<
  { thisYear: { total: StatRow }; allYears: { total: StatRow } },
  { slug: string; year: number }
>`
  query ConsoleMediationFigures($slug: String!, $year: Int!) {
    thisYear: mediationStats(stationSlug: $slug, fromYear: $year, toYear: $year) { total { received closed resolved successRate } }
    allYears: mediationStats(stationSlug: $slug) { total { received closed resolved successRate } }
  }
`;

/** `MediationCaseInput`; as a patch (`MediationCasePatch`) every field may be left out. */
export interface CaseInput {
  roomId: string;
  reference: string;
  category: string;
  source: string;
  status: string;
  receivedOn: string;
  closedOn: string | null;
}

export const CREATE_CASE = gql<{ createMediationCase: { id: string } }, { input: CaseInput }>`
  mutation ConsoleCreateCase($input: MediationCaseInput!) { createMediationCase(input: $input) { id } }
`;

export const UPDATE_CASE = gql<{ updateMediationCase: { id: string } }, { id: string; input: Partial<CaseInput> }>`
  mutation ConsoleUpdateCase($id: ID!, $input: MediationCasePatch!) { updateMediationCase(id: $id, input: $input) { id } }
`;
