import type { Prisma } from '@openstation/db';
import type { LoginGate } from '../auth/login-throttle.ts';
import { DECOY_PASSWORD_HASH, verifyPassword } from '../auth/passwords.ts';
import { newSessionToken, sha256 } from '../auth/tokens.ts';
import { ClientError } from '../errors.ts';
import type { Actor } from './actor.ts';
import { write } from './unit-of-work.ts';

/** How long a staff session lasts. */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

type SessionDb = Pick<Prisma.TransactionClient, 'staffSession'>;

/**
 * Opens a session for a staff user; the token is returned once and only its hash is stored.
 * Not audited by itself: {@link login} records it (test fixtures call it directly).
 */
export async function openSession(db: SessionDb, userId: number, now = new Date()) {
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.staffSession.create({ data: { userId, tokenHash: sha256(token), expiresAt } });
  return { token, expiresAt };
}

/** Ends a user's sessions, all of them or all but `keep`; returns how many ended. */
export async function endSessions(tx: SessionDb, userId: number, keep: number | null = null): Promise<number> {
  const ended = await tx.staffSession.deleteMany({ where: { userId, ...(keep === null ? {} : { id: { not: keep } }) } });
  return ended.count;
}

/**
 * Opens a staff session (audited as `staff.login`). A wrong email, a wrong password and a
 * disabled account give the same UNAUTHENTICATED answer, after the same slow hash. `gate`
 * throttles guessing (LOGIN_THROTTLED before the password is even checked); when an existing
 * account's failures start its delay or reach the lock, that is audited as
 * `staff.login.throttled` (the only write of a refused login).
 */
export async function login(actor: Actor, email: string, password: string, gate: LoginGate) {
  await gate.check(email);
  const user = await actor.prisma.staffUser.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, passwordHash: true, disabledAt: true },
  });
  const matches = await verifyPassword(password, user?.passwordHash ?? DECOY_PASSWORD_HASH);
  if (!user || !matches || user.disabledAt) {
    const notice = await gate.failed(email);
    if (notice && user) {
      await write(actor, (uow) => uow.record({ action: 'staff.login.throttled', entityType: 'StaffUser', entityId: user.id, stationId: null, before: null, after: notice, staffUserId: user.id }));
    }
    throw new ClientError('UNAUTHENTICATED', 'Wrong email or password.');
  }
  await gate.succeeded(email);
  return write(actor, async (uow) => {
    const session = await openSession(uow.tx, user.id);
    await uow.record({ action: 'staff.login', entityType: 'StaffUser', entityId: user.id, stationId: null, before: null, after: { expiresAt: session.expiresAt }, staffUserId: user.id });
    return session;
  });
}

/** Ends the caller's session (audited as `staff.logout`); false when the caller has none. */
export function logout(actor: Actor): Promise<boolean> {
  const { principal } = actor;
  if (principal.kind !== 'staff' || principal.sessionId === null) return Promise.resolve(false);
  const { sessionId, userId } = principal;
  return write(actor, async (uow) => {
    await uow.tx.staffSession.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
    await uow.record({ action: 'staff.logout', entityType: 'StaffUser', entityId: userId, stationId: null, before: null, after: null });
    return true;
  });
}
