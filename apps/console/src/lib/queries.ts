import { gql } from '@urql/core';

/** A text in Chinese and, optionally, English, as the API gives it. */
export interface Text {
  zh: string;
  en: string | null;
}

/** A station as the console lists it. */
export interface StationRef {
  id: string;
  slug: string;
  name: Text;
}

/** The signed-in staff member. */
export interface Me {
  name: string;
  email: string;
  role: 'ADMIN' | 'EDITOR' | 'MEDIATOR';
  allStations: boolean;
  stations: StationRef[];
}

export const ME = gql<{ me: Me }, Record<string, never>>`
  query ConsoleMe {
    me { name email role allStations stations { id slug name { zh en } } }
  }
`;

export const ALL_STATIONS = gql<{ stations: { edges: { node: StationRef }[] } }, Record<string, never>>`
  query ConsoleStations {
    stations(first: 100) { edges { node { id slug name { zh en } } } }
  }
`;

export const LOGIN = gql<{ login: { token: string } }, { email: string; password: string }>`
  mutation ConsoleLogin($email: String!, $password: String!) {
    login(email: $email, password: $password) { token }
  }
`;

export const LOGOUT = gql<{ logout: boolean }, Record<string, never>>`
  mutation ConsoleLogout { logout }
`;

/** An officer as the list and the edit form show it. */
export interface OfficerRecord {
  id: string;
  name: Text;
  role: string;
  badgeNumber: string | null;
  dutyPhone: string | null;
  contactHours: Text | null;
  lastVerifiedOn: string | null;
  isDemo: boolean;
  station: StationRef;
  assignments: { area: { name: Text } }[];
}

const OFFICER_FIELDS = `
  id role badgeNumber dutyPhone lastVerifiedOn isDemo
  name { zh en } contactHours { zh en }
  station { id slug name { zh en } }
  assignments { area { name { zh en } } }
`;

export const STATION_OFFICERS = gql<
  { officers: { edges: { node: OfficerRecord }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } },
  { stationSlug: string; after: string | null }
>(`
  query ConsoleStationOfficers($stationSlug: String!, $after: String) {
    officers(stationSlug: $stationSlug, first: 100, after: $after) {
      edges { node { ${OFFICER_FIELDS} } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const OFFICER = gql<{ node: (OfficerRecord & { __typename: string }) | null }, { id: string }>(`
  query ConsoleOfficer($id: ID!) {
    node(id: $id) { __typename ... on Officer { ${OFFICER_FIELDS} } }
  }
`);

/** The fields of an officer the edit form may change (`OfficerPatch`). */
export interface OfficerPatch {
  name?: { zh: string; en: string | null };
  role?: string;
  badgeNumber?: string | null;
  dutyPhone?: string | null;
  contactHours?: { zh: string; en: string | null } | null;
  lastVerifiedOn?: string | null;
}

export const UPDATE_OFFICER = gql<{ updateOfficer: { id: string } }, { id: string; input: OfficerPatch }>`
  mutation ConsoleUpdateOfficer($id: ID!, $input: OfficerPatch!) {
    updateOfficer(id: $id, input: $input) { id }
  }
`;

/** What the home page's compliance clock reads of one station. */
export interface StationClockData {
  workReports: { edges: { node: { year: number; quarter: number } }[] };
  surveyCampaigns: { period: string; closesOn: string }[];
}

export const STATION_CLOCK = gql<StationClockData, { slug: string }>`
  query ConsoleStationClock($slug: String!) {
    workReports(stationSlug: $slug, first: 1) { edges { node { year quarter } } }
    surveyCampaigns(stationSlug: $slug) { period closesOn }
  }
`;

export const STATION_DRAFTS = gql<
  { workReportDrafts: { edges: { node: { id: string } }[] }; surveyCampaignDrafts: { id: string }[] },
  { slug: string }
>`
  query ConsoleStationDrafts($slug: String!) {
    workReportDrafts(stationSlug: $slug, first: 100) { edges { node { id } } }
    surveyCampaignDrafts(stationSlug: $slug) { id }
  }
`;

/** The in-process portal build's state. */
export interface BuildStatus {
  running: boolean;
  pending: boolean;
  lastFinishedAt: string | null;
  lastSucceededAt: string | null;
  lastError: string | null;
}

export const PORTAL_STATUS = gql<{ portalBuildStatus: { build: BuildStatus | null } }, Record<string, never>>`
  query ConsolePortalStatus {
    portalBuildStatus { build { running pending lastFinishedAt lastSucceededAt lastError } }
  }
`;
