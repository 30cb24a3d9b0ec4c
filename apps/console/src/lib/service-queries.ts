import { gql } from '@urql/core';
import type { Page } from './paged.ts';
import type { StationRef, Text } from './queries.ts';

/** A list of texts in Chinese and, optionally, English. */
export interface TextList {
  zh: string[];
  en: string[] | null;
}

/** A service item as the list shows it. */
export interface ServiceSummary {
  id: string;
  slug: string;
  category: string;
  title: Text;
  version: number;
  effectiveFrom: string;
  timeLimit: Text;
  fee: Text;
}

/** One version in a service item's history. */
export interface ServiceVersion {
  version: number;
  effectiveFrom: string;
  changedAt: string | null;
  changedBy: string | null;
  changedFields: string[];
}

/** A service item as its edit form shows it. */
export interface ServiceRecord extends ServiceSummary {
  conditions: Text;
  materials: TextList;
  steps: TextList;
  timeLimitDays: number | null;
  feeBasis: Text | null;
  location: Text;
  hours: Text;
  onlineUrl: string | null;
  appointment: Text | null;
  station: StationRef;
  /** The newest 100 versions (an item changes a few times a year). */
  history: { edges: { node: ServiceVersion }[] };
}

const SUMMARY = 'id slug category version effectiveFrom title { zh en } timeLimit { zh en } fee { zh en }';

export const STATION_SERVICES = gql<{ serviceItems: Page<ServiceSummary> }, { stationSlug: string; after: string | null }>(`
  query ConsoleStationServices($stationSlug: String!, $after: String) {
    serviceItems(stationSlug: $stationSlug, first: 100, after: $after) {
      edges { node { ${SUMMARY} } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const SERVICE = gql<{ node: (ServiceRecord & { __typename: string }) | null }, { id: string }>(`
  query ConsoleService($id: ID!) {
    node(id: $id) {
      __typename
      ... on ServiceItem {
        ${SUMMARY} timeLimitDays onlineUrl
        conditions { zh en } materials { zh en } steps { zh en } feeBasis { zh en }
        location { zh en } hours { zh en } appointment { zh en }
        station { id slug name { zh en } }
        history(first: 100) { edges { node { version effectiveFrom changedAt changedBy changedFields } } }
      }
    }
  }
`);

type Line = { zh: string; en: string | null };

/** A service item's fields as `createServiceItem` and `updateServiceItem` take them. */
export interface ServiceChanges {
  slug?: string;
  category?: string;
  title?: Line;
  conditions?: Line;
  materials?: { zh: string[]; en: string[] };
  steps?: { zh: string[]; en: string[] };
  timeLimitDays?: number | null;
  timeLimit?: Line;
  fee?: Line;
  feeBasis?: Line | null;
  location?: Line;
  hours?: Line;
  onlineUrl?: string | null;
  appointment?: Line | null;
  effectiveFrom?: string;
}

export const CREATE_SERVICE = gql<{ createServiceItem: { id: string } }, { input: ServiceChanges & { stationId: string } }>`
  mutation ConsoleCreateService($input: ServiceItemInput!) {
    createServiceItem(input: $input) { id }
  }
`;

export const UPDATE_SERVICE = gql<{ updateServiceItem: { version: number } }, { id: string; input: ServiceChanges }>`
  mutation ConsoleUpdateService($id: ID!, $input: ServiceItemPatch!) {
    updateServiceItem(id: $id, input: $input) { version }
  }
`;

export const RETIRE_SERVICE = gql<{ retireServiceItem: { id: string } }, { id: string }>`
  mutation ConsoleRetireService($id: ID!) {
    retireServiceItem(id: $id) { id }
  }
`;
