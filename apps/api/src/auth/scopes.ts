/** Scopes an API client can be granted. `public:read` is what every caller, even anonymous, may read. */
export const API_SCOPES = ['public:read', 'mediation:read', 'referrals:write', 'surveys:raw'] as const;

export type ApiScope = (typeof API_SCOPES)[number];

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

/** Scopes that read or write one station's records: a key with one acts for its partner agency's station, so it needs a partner. */
export const STATION_BOUND_SCOPES: readonly ApiScope[] = ['mediation:read', 'referrals:write', 'surveys:raw'];
