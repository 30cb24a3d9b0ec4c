import type { PrismaClient, StaffRole } from '@openstation/db';
import { createSession, createStaffUser } from '@openstation/api/auth/accounts';

/**
 * A staff account bound to some stations (or bureau-wide with 'all'), with a session: its
 * id and the headers that sign a request in as it. The password is `password-<email>`.
 */
export async function createBoundStaff(prisma: PrismaClient, email: string, role: StaffRole, stations: 'all' | number[]) {
  const user = await createStaffUser(prisma, { email, name: email.split('@')[0] ?? email, role, password: `password-${email}`, stations });
  const { token } = await createSession(prisma, user.id);
  return { id: user.id, email: user.email, headers: { authorization: `Bearer ${token}` } };
}
