import type { PrismaClient, StaffRole } from '@openstation/db';
import { hashPassword } from './passwords.ts';
import type { StationAccess } from './principal.ts';
import type { ApiScope } from './scopes.ts';
import { newApiKey, newSessionToken, sha256 } from './tokens.ts';

/** How long a staff session lasts. */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

/** The smallest password length accepted for staff. */
export const MIN_PASSWORD_LENGTH = 12;

/** Database access the account functions need: the client or a transaction. */
type Db = Pick<PrismaClient, 'staffUser' | 'staffSession' | 'apiClient'>;

export interface NewStaffUser {
  email: string;
  name: string;
  role: StaffRole;
  password: string;
  /** The stations the account acts for, or 'all' (bureau-wide). */
  stations: StationAccess;
}

export async function createStaffUser(db: Db, user: NewStaffUser) {
  if (user.password.length < MIN_PASSWORD_LENGTH) {
    throw new Error(`The password must have at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  return db.staffUser.create({
    data: {
      email: user.email.trim().toLowerCase(),
      name: user.name,
      role: user.role,
      passwordHash: await hashPassword(user.password),
      allStations: user.stations === 'all',
      ...(user.stations === 'all' ? {} : { stations: { create: user.stations.map((stationId) => ({ stationId })) } }),
    },
    select: { id: true, email: true, name: true, role: true },
  });
}

/** Opens a session; the token is returned once and only its hash is stored. */
export async function createSession(db: Db, userId: number, now = new Date()) {
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.staffSession.create({ data: { userId, tokenHash: sha256(token), expiresAt } });
  return { token, expiresAt };
}

export interface NewApiClient {
  name: string;
  scopes: readonly ApiScope[];
  costBudget?: number;
  development?: boolean;
  partnerId?: number | null;
}

/** Registers an API client; `key` is shown to the caller once and never stored. */
export async function createApiClient(db: Db, client: NewApiClient) {
  const { key, prefix, secret } = newApiKey();
  const row = await db.apiClient.create({
    data: {
      name: client.name,
      keyPrefix: prefix,
      secretHash: sha256(secret),
      scopes: [...new Set(client.scopes)],
      ...(client.costBudget != null ? { costBudget: client.costBudget } : {}),
      development: client.development ?? false,
      partnerId: client.partnerId ?? null,
    },
  });
  return { client: row, key };
}
