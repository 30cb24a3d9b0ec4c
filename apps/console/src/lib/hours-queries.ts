import { gql } from '@urql/core';
import type { StationRef, Text } from './queries.ts';

/** A dated exception to a station's opening hours (holiday hours or a closure), as the console lists and edits it. */
export interface HoursExceptionRecord {
  id: string;
  startsOn: string;
  endsOn: string;
  closed: boolean;
  opens: string | null;
  closes: string | null;
  note: Text;
  isDemo: boolean;
  station: StationRef;
}

const FIELDS = 'id startsOn endsOn closed opens closes isDemo note { zh en } station { id slug name { zh en } }';

type ExceptionsPage = { station: { hoursExceptions: { edges: { node: HoursExceptionRecord }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } | null };

/** A station's exceptions not over yet (today in China), by first day. */
export const STATION_HOURS_EXCEPTIONS = gql<ExceptionsPage, { stationSlug: string; after: string | null }>(`
  query ConsoleStationHoursExceptions($stationSlug: String!, $after: String) {
    station(slug: $stationSlug) {
      hoursExceptions(first: 100, after: $after) {
        edges { node { ${FIELDS} } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

export const HOURS_EXCEPTION = gql<{ node: (HoursExceptionRecord & { __typename: string }) | null }, { id: string }>(`
  query ConsoleHoursException($id: ID!) {
    node(id: $id) { __typename ... on StationHoursException { ${FIELDS} } }
  }
`);

/** An exception's fields as `createStationHoursException` and `updateStationHoursException` take them. */
export interface HoursExceptionChanges {
  startsOn?: string;
  endsOn?: string;
  closed?: boolean;
  opens?: string | null;
  closes?: string | null;
  note?: { zh: string; en: string | null };
}

export const CREATE_HOURS_EXCEPTION = gql<{ createStationHoursException: { id: string } }, { input: HoursExceptionChanges & { stationId: string } }>`
  mutation ConsoleCreateHoursException($input: StationHoursExceptionInput!) {
    createStationHoursException(input: $input) { id }
  }
`;

export const UPDATE_HOURS_EXCEPTION = gql<{ updateStationHoursException: { id: string } }, { id: string; input: HoursExceptionChanges }>`
  mutation ConsoleUpdateHoursException($id: ID!, $input: StationHoursExceptionPatch!) {
    updateStationHoursException(id: $id, input: $input) { id }
  }
`;

export const DELETE_HOURS_EXCEPTION = gql<{ deleteStationHoursException: boolean }, { id: string }>`
  mutation ConsoleDeleteHoursException($id: ID!) {
    deleteStationHoursException(id: $id)
  }
`;
