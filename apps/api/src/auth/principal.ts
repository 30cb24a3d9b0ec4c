import type { PrismaClient, StaffRole } from '@openstation/db';
import { GraphQLError } from 'graphql';
import { type ApiScope, isApiScope } from './scopes.ts';
import { parseApiKey, secretMatches, sha256 } from './tokens.ts';

/** The stations a caller may act for: every station (bureau-wide staff) or these ids. */
export type StationAccess = 'all' | readonly number[];

/** Who is calling: resolved once per request from its headers. */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'staff'; userId: number; role: StaffRole; sessionId: number; stations: StationAccess }
  | {
      kind: 'apiClient';
      clientId: number;
      scopes: readonly ApiScope[];
      costBudget: number;
      development: boolean;
      partnerId: number | null;
      /** The station of the key's partner agency: the only one it acts for (none without a partner). */
      stationId: number | null;
    };

/** What a staff account may act for, from its row. */
export function stationAccessOf(user: { allStations: boolean; stations: readonly { stationId: number }[] }): StationAccess {
  return user.allStations ? 'all' : user.stations.map((s) => s.stationId);
}

export const ANONYMOUS: Principal = { kind: 'anonymous' };

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/**
 * Reads `Authorization: Bearer <session token>` or `X-Api-Key: <key>`. No header: anonymous.
 * A header that does not name a live session or key fails the whole request with
 * UNAUTHENTICATED rather than silently downgrading the caller to anonymous.
 */
export async function principalFromRequest(prisma: PrismaClient, request: Request, now = new Date()): Promise<Principal> {
  const authorization = request.headers.get('authorization');
  const apiKey = request.headers.get('x-api-key');
  if (authorization && apiKey) throw unauthenticated('Send either a session token or an API key, not both.');
  if (authorization) {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1];
    if (!token) throw unauthenticated('The Authorization header must be `Bearer <session token>`.');
    const session = await prisma.staffSession.findUnique({
      where: { tokenHash: sha256(token) },
      select: {
        id: true,
        expiresAt: true,
        revokedAt: true,
        user: { select: { id: true, role: true, disabledAt: true, allStations: true, stations: { select: { stationId: true } } } },
      },
    });
    if (!session || session.revokedAt || session.expiresAt <= now || session.user.disabledAt) {
      throw unauthenticated('The session token is invalid or has expired: log in again.');
    }
    const { user } = session;
    return { kind: 'staff', userId: user.id, role: user.role, sessionId: session.id, stations: stationAccessOf(user) };
  }
  if (apiKey) {
    const parsed = parseApiKey(apiKey);
    const client = parsed
      ? await prisma.apiClient.findUnique({ where: { keyPrefix: parsed.prefix }, include: { partner: { select: { stationId: true } } } })
      : null;
    if (!parsed || !client || client.revokedAt || !secretMatches(parsed.secret, client.secretHash)) {
      throw unauthenticated('The API key is invalid or has been revoked.');
    }
    return {
      kind: 'apiClient',
      clientId: client.id,
      scopes: client.scopes.filter(isApiScope),
      costBudget: client.costBudget,
      development: client.development,
      partnerId: client.partnerId,
      stationId: client.partner?.stationId ?? null,
    };
  }
  return ANONYMOUS;
}
