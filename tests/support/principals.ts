import type { PrismaClient, StaffRole } from '@openstation/db';
import { randomUUID } from 'node:crypto';
import { createApiClient, createSession, createStaffUser } from '@openstation/api/auth/accounts';
import { hashPassword } from '@openstation/api/auth/passwords';
import { API_SCOPES, type ApiScope } from '@openstation/api/auth/scopes';

/** A caller of the API and the headers that make a request theirs. */
export interface TestPrincipal {
  name: string;
  headers: Record<string, string>;
  /** Headers with a new session for staff (so a `logout` does not sign later requests out). */
  freshHeaders(): Promise<Record<string, string>>;
  role: StaffRole | null;
  scopes: readonly ApiScope[] | null;
}

const STAFF_ROLES: readonly StaffRole[] = ['ADMIN', 'EDITOR', 'MEDIATOR'];

/** Staff users with a session each (password `password-<role>`), and their headers. */
export async function createStaffPrincipals(prisma: PrismaClient): Promise<TestPrincipal[]> {
  const out: TestPrincipal[] = [];
  for (const role of STAFF_ROLES) {
    const lower = role.toLowerCase();
    const user = await prisma.staffUser.create({
      data: { email: `${lower}@test.example`, name: `Test ${lower}`, role, passwordHash: await hashPassword(`password-${lower}`), allStations: true },
    });
    const bearer = async () => ({ authorization: `Bearer ${(await createSession(prisma, user.id)).token}` });
    out.push({ name: role, headers: await bearer(), freshHeaders: bearer, role, scopes: null });
  }
  return out;
}

/** Scopes that act for one station: a key needs a partner agency to hold them. */
const STATION_BOUND_SCOPES: readonly ApiScope[] = ['mediation:read', 'referrals:write', 'surveys:raw'];

/**
 * API clients: one with no scope, one per scope. Keys with a station-bound scope belong to
 * the first partner agency (so they act for its station).
 */
export async function createApiClientPrincipals(prisma: PrismaClient): Promise<TestPrincipal[]> {
  const sets: (readonly ApiScope[])[] = [[], ...API_SCOPES.map((s) => [s])];
  const partner = await prisma.partnerAgency.findFirst({ orderBy: { id: 'asc' }, select: { id: true } });
  const out: TestPrincipal[] = [];
  for (const scopes of sets) {
    const partnerId = scopes.some((s) => STATION_BOUND_SCOPES.includes(s)) ? (partner?.id ?? null) : null;
    const { key } = await createApiClient(prisma, { name: `test ${scopes.join(',') || 'no scope'}`, scopes, partnerId });
    const headers = { 'x-api-key': key };
    out.push({ name: `key[${scopes.join(',')}]`, headers, freshHeaders: async () => headers, role: null, scopes });
  }
  return out;
}

export const ANONYMOUS_PRINCIPAL: TestPrincipal = {
  name: 'anonymous',
  headers: {},
  freshHeaders: async () => ({}),
  role: null,
  scopes: null,
};

/** Every kind of caller: anonymous, each staff role, API clients with no scope and with each scope. */
export async function createAllPrincipals(prisma: PrismaClient): Promise<TestPrincipal[]> {
  return [ANONYMOUS_PRINCIPAL, ...(await createStaffPrincipals(prisma)), ...(await createApiClientPrincipals(prisma))];
}

/**
 * A staff account acting for `stations` only (or bureau-wide with 'all'), signed in: its id,
 * email and request headers. The password is `password-<email>`.
 */
export async function createBoundStaff(prisma: PrismaClient, role: StaffRole, stations: 'all' | readonly number[], email = `${role.toLowerCase()}-${String(stations)}-${randomUUID().slice(0, 8)}@test.example`) {
  const user = await createStaffUser(prisma, { email, name: email.split('@')[0] ?? email, role, password: `password-${email}`, stations: stations === 'all' ? 'all' : [...stations] });
  const { token } = await createSession(prisma, user.id);
  return { id: user.id, email: user.email, headers: { authorization: `Bearer ${token}` } };
}

/** Request headers of a new API key of a partner agency (so bound to its station) with `scopes`. */
export async function partnerKeyHeaders(prisma: PrismaClient, partnerId: number, scopes: readonly ApiScope[]): Promise<Record<string, string>> {
  const { key } = await createApiClient(prisma, { name: `partner ${partnerId} ${scopes.join(',')}`, scopes, partnerId });
  return { 'x-api-key': key };
}
