import { gql } from '@urql/core';
import type { StationRef, Text } from './queries.ts';

/** The staff roles (`StaffRole`). */
export const STAFF_ROLES = ['ADMIN', 'EDITOR', 'MEDIATOR'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A staff account as the admin pages show it. */
export interface StaffAccount {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  allStations: boolean;
  disabledAt: string | null;
  stations: StationRef[];
}

const STAFF_FIELDS = 'id name email role allStations disabledAt stations { id slug name { zh en } }';

export const STAFF_USERS = gql<{ staffUsers: StaffAccount[] }, Record<string, never>>(`
  query ConsoleStaffUsers { staffUsers { ${STAFF_FIELDS} } }
`);

export const STAFF_USER = gql<{ node: (StaffAccount & { __typename: string }) | null }, { id: string }>(`
  query ConsoleStaffUser($id: ID!) { node(id: $id) { __typename ... on StaffUser { ${STAFF_FIELDS} } } }
`);

/** `StaffUserInput`. */
export interface StaffUserInput {
  name: string;
  email: string;
  role: StaffRole;
  password?: string;
  stationIds?: string[];
  allStations?: boolean;
}

/** `StaffUserPatch`. */
export interface StaffUserPatch {
  name?: string;
  role?: StaffRole;
  stationIds?: string[];
  allStations?: boolean;
}

export const CREATE_STAFF_USER = gql<{ createStaffUser: { password: string | null; user: { id: string } } }, { input: StaffUserInput }>`
  mutation ConsoleCreateStaffUser($input: StaffUserInput!) {
    createStaffUser(input: $input) { password user { id } }
  }
`;

export const UPDATE_STAFF_USER = gql<{ updateStaffUser: { id: string } }, { id: string; input: StaffUserPatch }>`
  mutation ConsoleUpdateStaffUser($id: ID!, $input: StaffUserPatch!) {
    updateStaffUser(id: $id, input: $input) { id }
  }
`;

export const RESET_STAFF_PASSWORD = gql<{ resetStaffPassword: { password: string | null } }, { id: string }>`
  mutation ConsoleResetStaffPassword($id: ID!) { resetStaffPassword(id: $id) { password } }
`;

export const DISABLE_STAFF_USER = gql<{ disableStaffUser: { id: string } }, { id: string }>`
  mutation ConsoleDisableStaffUser($id: ID!) { disableStaffUser(id: $id) { id } }
`;

export const ENABLE_STAFF_USER = gql<{ enableStaffUser: { id: string } }, { id: string }>`
  mutation ConsoleEnableStaffUser($id: ID!) { enableStaffUser(id: $id) { id } }
`;

/** The scopes an API key may have (`ApiScope`). */
export const API_SCOPES = ['PUBLIC_READ', 'MEDIATION_READ', 'REFERRALS_WRITE', 'SURVEYS_RAW'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** A partner agency a key may act for. */
export interface PartnerRef {
  id: string;
  slug: string;
  name: Text;
}

/** An API key as the admin pages list it (never the key itself). */
export interface ApiKey {
  id: string;
  name: string;
  keyPrefix: string;
  scopes: ApiScope[];
  development: boolean;
  costBudget: number;
  createdAt: string;
  revokedAt: string | null;
  partner: PartnerRef | null;
}

/** A registered (trusted) operation. */
export interface TrustedOperation {
  sha256Hash: string;
  operationName: string;
  createdAt: string;
  revokedAt: string | null;
  apiClient: { id: string; name: string } | null;
}

export const API_KEYS = gql<{ apiClients: ApiKey[]; trustedOperations: TrustedOperation[] }, Record<string, never>>`
  query ConsoleApiKeys {
    apiClients { id name keyPrefix scopes development costBudget createdAt revokedAt partner { id slug name { zh en } } }
    trustedOperations { sha256Hash operationName createdAt revokedAt apiClient { id name } }
  }
`;

/** A station and its partner agencies, for choosing the agency a key acts for. */
export interface StationPartners {
  slug: string;
  name: Text;
  partners: PartnerRef[];
}

export const STATION_PARTNERS = gql<
  { stations: { edges: { node: StationPartners }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } },
  { after: string | null }
>`
  query ConsoleStationPartners($after: String) {
    stations(first: 100, after: $after) {
      edges { node { slug name { zh en } partners { id slug name { zh en } } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export const CREATE_API_KEY = gql<
  { createApiClient: { key: string; client: { id: string } } },
  { name: string; scopes: ApiScope[]; partnerId: string | null; development: boolean; costBudget: number | null }
>`
  mutation ConsoleCreateApiKey($name: String!, $scopes: [ApiScope!]!, $partnerId: ID, $development: Boolean, $costBudget: Int) {
    createApiClient(name: $name, scopes: $scopes, partnerId: $partnerId, development: $development, costBudget: $costBudget) { key client { id } }
  }
`;

export const REVOKE_API_KEY = gql<{ revokeApiClient: { id: string } }, { id: string }>`
  mutation ConsoleRevokeApiKey($id: ID!) { revokeApiClient(id: $id) { id } }
`;

export const REGISTER_TRUSTED_OPERATION = gql<{ registerTrustedOperation: { sha256Hash: string; operationName: string } }, { document: string; apiClientId: string | null }>`
  mutation ConsoleRegisterTrustedOperation($document: String!, $apiClientId: ID) {
    registerTrustedOperation(document: $document, apiClientId: $apiClientId) { sha256Hash operationName }
  }
`;

export const REVOKE_TRUSTED_OPERATION = gql<{ revokeTrustedOperation: { sha256Hash: string } }, { sha256Hash: string }>`
  mutation ConsoleRevokeTrustedOperation($sha256Hash: String!) { revokeTrustedOperation(sha256Hash: $sha256Hash) { sha256Hash } }
`;

/** One audit entry as the trail shows it; `before`/`after` are the records as JSON. */
export interface AuditRecord {
  id: string;
  action: string;
  entityType: string;
  entityId: number | null;
  stationId: number | null;
  at: string;
  before: string | null;
  after: string | null;
  via: string | null;
  staffUser: { name: string; email: string } | null;
  apiClient: { name: string } | null;
}

/** The audit trail's filters (`Query.auditEntries`). */
export interface AuditFilter {
  staffUserId?: string;
  stationId?: string;
  entityType?: string;
  from?: string;
  to?: string;
  after?: string;
}

export const AUDIT_ENTRIES = gql<
  { auditEntries: { edges: { node: AuditRecord }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } },
  AuditFilter
>`
  query ConsoleAuditEntries($staffUserId: ID, $stationId: ID, $entityType: String, $from: Date, $to: Date, $after: String) {
    auditEntries(first: 50, staffUserId: $staffUserId, stationId: $stationId, entityType: $entityType, from: $from, to: $to, after: $after) {
      edges { node { id action entityType entityId stationId at before after via staffUser { name email } apiClient { name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

/** The signed-in person changes their own password (their other sessions end). */
export const CHANGE_OWN_PASSWORD = gql<{ changeOwnPassword: boolean }, { currentPassword: string; newPassword: string }>`
  mutation ConsoleChangeOwnPassword($currentPassword: String!, $newPassword: String!) { changeOwnPassword(currentPassword: $currentPassword, newPassword: $newPassword) }
`;
