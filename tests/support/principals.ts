import type { PrismaClient, StaffRole } from '@openstation/db';
import { createApiClient, createSession } from '@openstation/api/auth/accounts';
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

/** API clients: one with no scope, one per scope. */
export async function createApiClientPrincipals(prisma: PrismaClient): Promise<TestPrincipal[]> {
  const sets: (readonly ApiScope[])[] = [[], ...API_SCOPES.map((s) => [s])];
  const out: TestPrincipal[] = [];
  for (const scopes of sets) {
    const { key } = await createApiClient(prisma, { name: `test ${scopes.join(',') || 'no scope'}`, scopes });
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

/** A staff member bound to `stationIds` only (not bureau-wide), signed in. */
export async function createStationStaff(prisma: PrismaClient, role: StaffRole, stationIds: readonly number[], email: string): Promise<TestPrincipal> {
  const user = await prisma.staffUser.create({
    data: {
      email,
      name: email,
      role,
      passwordHash: await hashPassword(`password-${email}`),
      stations: { create: stationIds.map((stationId) => ({ stationId })) },
    },
  });
  const bearer = async () => ({ authorization: `Bearer ${(await createSession(prisma, user.id)).token}` });
  return { name: `${role}@${stationIds.join(',')}`, headers: await bearer(), freshHeaders: bearer, role, scopes: null };
}
