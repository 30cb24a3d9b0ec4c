import { gql } from '@urql/core';
import type { StationRef, Text } from './queries.ts';

/** An officer with the areas they serve, as the assignment page shows them. */
export interface OfficerAreas {
  id: string;
  name: Text;
  role: string;
  photoUrl: string | null;
  station: StationRef;
  assignments: { isPrimary: boolean; since: string; area: { id: string; name: Text } }[];
}

export const OFFICER_AREAS = gql<{ node: (OfficerAreas & { __typename: string }) | null }, { id: string }>`
  query ConsoleOfficerAreas($id: ID!) {
    node(id: $id) {
      __typename
      ... on Officer {
        id role photoUrl name { zh en }
        station { id slug name { zh en } }
        assignments { isPrimary since area { id name { zh en } } }
      }
    }
  }
`;

/** The areas of a station an officer may be assigned to. */
export const STATION_AREA_NAMES = gql<{ areas: { edges: { node: { id: string; name: Text } }[] } }, { stationSlug: string }>`
  query ConsoleStationAreaNames($stationSlug: String!) {
    areas(stationSlug: $stationSlug, first: 100) { edges { node { id name { zh en } } } }
  }
`;

export const ASSIGN_OFFICER = gql<{ assignOfficer: { since: string } }, { input: { officerId: string; areaId: string; isPrimary: boolean; since: string } }>`
  mutation ConsoleAssignOfficer($input: OfficerAssignmentInput!) {
    assignOfficer(input: $input) { since }
  }
`;

export const MOVE_OFFICER = gql<{ moveOfficer: { since: string } }, { input: { officerId: string; fromAreaId: string; toAreaId: string; since: string } }>`
  mutation ConsoleMoveOfficer($input: MoveOfficerInput!) {
    moveOfficer(input: $input) { since }
  }
`;

export const UNASSIGN_OFFICER = gql<{ unassignOfficer: boolean }, { officerId: string; areaId: string }>`
  mutation ConsoleUnassignOfficer($officerId: ID!, $areaId: ID!) {
    unassignOfficer(officerId: $officerId, areaId: $areaId)
  }
`;

/** An officer's fields as `createOfficer` takes them. */
export interface OfficerInput {
  stationId: string;
  role: string;
  name: { zh: string; en: string | null };
  badgeNumber: string | null;
  dutyPhone: string | null;
  contactHours: { zh: string; en: string | null } | null;
  lastVerifiedOn: string | null;
}

export const CREATE_OFFICER = gql<{ createOfficer: { id: string } }, { input: OfficerInput }>`
  mutation ConsoleCreateOfficer($input: OfficerInput!) {
    createOfficer(input: $input) { id }
  }
`;

export const RETIRE_OFFICER = gql<{ retireOfficer: { id: string } }, { id: string }>`
  mutation ConsoleRetireOfficer($id: ID!) {
    retireOfficer(id: $id) { id }
  }
`;

export const SET_OFFICER_PHOTO = gql<{ setOfficerPhoto: { photoUrl: string | null } }, { officerId: string; photo: File }>`
  mutation ConsoleSetOfficerPhoto($officerId: ID!, $photo: File!) {
    setOfficerPhoto(officerId: $officerId, photo: $photo) { photoUrl }
  }
`;

export const REMOVE_OFFICER_PHOTO = gql<{ removeOfficerPhoto: { photoUrl: string | null } }, { officerId: string }>`
  mutation ConsoleRemoveOfficerPhoto($officerId: ID!) {
    removeOfficerPhoto(officerId: $officerId) { photoUrl }
  }
`;
