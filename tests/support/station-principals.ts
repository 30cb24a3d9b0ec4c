import type { PrismaClient, StaffRole } from '@openstation/db';
import { createApiClient, createSession } from '@openstation/api/auth/accounts';
import type { ApiScope } from '@openstation/api/auth/scopes';

/**
 * Request headers of a new staff member with `role` who acts for the given stations only
 * (`StaffStation` rows, `allStations: false`).
 */
export async function stationStaffHeaders(prisma: PrismaClient, role: StaffRole, stationIds: readonly number[]): Promise<Record<string, string>> {
  const user = await prisma.staffUser.create({
    data: {
      email: `${role.toLowerCase()}-${stationIds.join('-')}-${Math.random().toString(36).slice(2)}@test.example`,
      name: `Test ${role.toLowerCase()} of ${stationIds.join(', ')}`,
      role,
      passwordHash: 'unused',
      allStations: false,
      stations: { create: stationIds.map((stationId) => ({ stationId })) },
    },
  });
  return { authorization: `Bearer ${(await createSession(prisma, user.id)).token}` };
}

/** Request headers of a new API key of a partner agency (so bound to its station) with `scopes`. */
export async function partnerKeyHeaders(prisma: PrismaClient, partnerId: number, scopes: readonly ApiScope[]): Promise<Record<string, string>> {
  const { key } = await createApiClient(prisma, { name: `partner ${partnerId} ${scopes.join(',')}`, scopes, partnerId });
  return { 'x-api-key': key };
}
