import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AstroCookies } from 'astro';
import { sealData, unsealData } from 'iron-session';

/** The console's cookie: sealed (encrypted and signed), sent only to `/staff/`. */
export const SESSION_COOKIE = 'openstation_staff';
/** The form field every POST carries: the session's CSRF token (synchroniser pattern). */
export const CSRF_FIELD = 'csrf';
/** The longest a sealed cookie is accepted, whatever its contents (the API's sessions last 8 hours). */
const SEAL_TTL_S = 8 * 60 * 60;

/**
 * What the cookie holds: the API session token once signed in, the CSRF token of this
 * browser's forms, and when it was last used (for the idle timeout). Nothing else is kept
 * on the server, so every replica reads the same session.
 */
export interface SessionData {
  token: string | null;
  csrf: string;
  seen: number;
}

/** A new session with no one signed in: a fresh CSRF token. */
export function anonymousSession(now = Date.now()): SessionData {
  return { token: null, csrf: randomBytes(24).toString('base64url'), seen: now };
}

/** A new session for a new API token: the CSRF token is new as well (no fixation). */
export function signedInSession(token: string, now = Date.now()): SessionData {
  return { ...anonymousSession(now), token };
}

function isSessionData(value: unknown): value is SessionData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (v.token === null || typeof v.token === 'string') && typeof v.csrf === 'string' && typeof v.seen === 'number';
}

/** The session in the request's cookie, or null when there is none or it does not unseal. */
export async function readSession(cookies: AstroCookies, secret: string): Promise<SessionData | null> {
  const sealed = cookies.get(SESSION_COOKIE)?.value;
  if (!sealed) return null;
  const data: unknown = await unsealData(sealed, { password: secret, ttl: SEAL_TTL_S }).catch(() => null);
  return isSessionData(data) ? data : null;
}

/** Sets the cookie: `HttpOnly`, `SameSite=Strict`, `Path=/staff/`, `Secure` when the page came over HTTPS. */
export async function writeSession(cookies: AstroCookies, session: SessionData, secret: string, secure: boolean): Promise<void> {
  const sealed = await sealData(session, { password: secret, ttl: SEAL_TTL_S });
  cookies.set(SESSION_COOKIE, sealed, { httpOnly: true, sameSite: 'strict', secure, path: '/staff/' });
}

/** Whether a signed-in session has gone unused longer than `idleMs`. */
export function isIdle(session: SessionData, idleMs: number, now = Date.now()): boolean {
  return session.token !== null && now - session.seen > idleMs;
}

/** Whether `given` is the session's CSRF token (compared in constant time). */
export function csrfMatches(session: SessionData, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(session.csrf);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
