import type { PrismaClient, StaffRole } from '@openstation/db';
import { GraphQLError } from 'graphql';
import { ACT_AS_HEADER, OPERATOR_HEADER } from '../operator/headers.ts';
import { isLoopback, type ServerContext } from '../operator/loopback.ts';
import { type ApiScope, isApiScope } from './scopes.ts';
import { parseApiKey, secretMatches, sha256 } from './tokens.ts';

/** The stations a caller may act for: every station (bureau-wide staff) or these ids. */
export type StationAccess = 'all' | readonly number[];

/** Who is calling: resolved once per request from its headers. */
export type Principal =
  | { kind: 'anonymous' }
  | {
      kind: 'staff';
      /** The staff account; null for the operator channel acting as itself (a bureau-wide admin with no account). */
      userId: number | null;
      role: StaffRole;
      /** The session; null for the operator channel, which has none. */
      sessionId: number | null;
      stations: StationAccess;
      /** `operator`: the request came through the operator channel (recorded in the audit trail). */
      via?: 'operator';
    }
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

/** How a request may reach the operator channel: the token in the server's state file. */
export interface OperatorAccess {
  token: string;
}

const STAFF_SELECT = { id: true, role: true, disabledAt: true, allStations: true, stations: { select: { stationId: true } } } as const;

interface SessionRow {
  id: number;
  expiresAt: Date;
  revokedAt: Date | null;
  userId: number;
  role: StaffRole;
  disabledAt: Date | null;
  allStations: boolean;
  stations: number[];
}

/**
 * A session with its account and the account's stations, in one statement: every staff
 * request starts with it. (Prisma's nested select would send one statement per relation.)
 */
async function sessionOf(prisma: PrismaClient, tokenHash: string) {
  const [row] = await prisma.$queryRaw<SessionRow[]>`
    SELECT s."id", s."expiresAt", s."revokedAt", u."id" AS "userId", u."role"::text AS "role", u."disabledAt", u."allStations",
           COALESCE(array_agg(ss."stationId") FILTER (WHERE ss."stationId" IS NOT NULL), '{}') AS "stations"
    FROM "StaffSession" s
    JOIN "StaffUser" u ON u."id" = s."userId"
    LEFT JOIN "StaffStation" ss ON ss."staffUserId" = u."id"
    WHERE s."tokenHash" = ${tokenHash}
    GROUP BY s."id", u."id"`;
  if (!row) return null;
  const user = { id: row.userId, role: row.role, disabledAt: row.disabledAt, allStations: row.allStations, stations: row.stations.map((stationId) => ({ stationId })) };
  return { id: row.id, expiresAt: row.expiresAt, revokedAt: row.revokedAt, user };
}

/**
 * `X-OpenStation-Operator: <token>` from this machine: a bureau-wide admin with no account,
 * or with `X-OpenStation-Act-As: <email>` that staff member (their role and stations).
 */
async function operatorPrincipal(prisma: PrismaClient, request: Request, given: string, operator: OperatorAccess | undefined, serverContext: ServerContext | undefined): Promise<Principal> {
  if (!operator || !isLoopback(request, serverContext) || !secretMatches(given, sha256(operator.token))) {
    throw unauthenticated('The operator token is wrong, or the request did not come from this machine: the operator channel answers only local requests with the token of the running server.');
  }
  const email = request.headers.get(ACT_AS_HEADER)?.trim().toLowerCase();
  if (!email) return { kind: 'staff', userId: null, role: 'ADMIN', sessionId: null, stations: 'all', via: 'operator' };
  const user = await prisma.staffUser.findUnique({ where: { email }, select: STAFF_SELECT });
  if (!user || user.disabledAt) throw unauthenticated(`No enabled staff account has the email "${email}" (given to act as).`);
  return { kind: 'staff', userId: user.id, role: user.role, sessionId: null, stations: stationAccessOf(user), via: 'operator' };
}

/**
 * Reads `Authorization: Bearer <session token>`, `X-Api-Key: <key>` or, from this machine,
 * the operator channel's `X-OpenStation-Operator: <token>`. No header: anonymous. A header
 * that does not name a live session, key or the running server's token fails the whole
 * request with UNAUTHENTICATED rather than silently downgrading the caller to anonymous.
 */
export async function principalFromRequest(
  prisma: PrismaClient,
  request: Request,
  now = new Date(),
  operator?: OperatorAccess,
  serverContext?: ServerContext,
): Promise<Principal> {
  const authorization = request.headers.get('authorization');
  const apiKey = request.headers.get('x-api-key');
  const operatorToken = request.headers.get(OPERATOR_HEADER);
  if ([authorization, apiKey, operatorToken].filter(Boolean).length > 1) {
    throw unauthenticated('Send one kind of credentials: a session token, an API key or the operator token.');
  }
  if (operatorToken) return operatorPrincipal(prisma, request, operatorToken, operator, serverContext);
  if (authorization) {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1];
    if (!token) throw unauthenticated('The Authorization header must be `Bearer <session token>`.');
    const session = await sessionOf(prisma, sha256(token));
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
