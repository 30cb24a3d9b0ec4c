import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ClientError } from '../errors.ts';

/**
 * Survey form tokens: an OPEN survey takes one answer per form issued. A token is
 * `<campaign>.<issued, unix seconds>.<nonce>.<HMAC-SHA256 of the three>`, signed with the
 * server's key; it names no person and is not stored with the response. When a response is
 * accepted its nonce is spent in the same SQL statement (domain/survey-responses.ts), so a
 * replayed token is refused with FORM_TOKEN_USED. Hand-written rather than a JWT library: four
 * fields and one HMAC, with no algorithm choice to get wrong.
 */

/** How long a form stays valid after the page was loaded: a resident may leave it open overnight. */
export const FORM_TOKEN_LIFETIME_SECONDS = 2 * 24 * 60 * 60;

const SHAPE = /^(\d{1,10})\.(\d{1,12})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

function mac(key: string, payload: string): string {
  return createHmac('sha256', key).update(payload).digest('base64url');
}

/** A fresh token for a form of `campaignId`. */
export function issueFormToken(key: string, campaignId: number, now = new Date()): string {
  const payload = `${campaignId}.${Math.floor(now.getTime() / 1000)}.${randomBytes(16).toString('base64url')}`;
  return `${payload}.${mac(key, payload)}`;
}

/** What a valid token yields: the nonce to spend and the day after which it is refused anyway. */
export interface FormTokenClaim {
  nonce: string;
  /** `YYYY-MM-DD` (UTC) of the token's expiry. */
  expiresOn: string;
}

/**
 * The claim of `token` if it was signed with `key` for `campaignId` and has not expired, else
 * FORM_TOKEN_INVALID (a reloaded page gets a fresh one). Spending it is the caller's.
 */
export function readFormToken(key: string, token: string, campaignId: number, now = new Date()): FormTokenClaim {
  const invalid = () => new ClientError('FORM_TOKEN_INVALID', 'This form has expired or was not issued by this site: reload the page.', { field: 'input.formToken' });
  const match = SHAPE.exec(token.trim());
  if (!match) throw invalid();
  const [, campaign, issued, nonce, signature] = match as unknown as [string, string, string, string, string];
  const expected = Buffer.from(mac(key, `${campaign}.${issued}.${nonce}`));
  if (!timingSafeEqual(expected, Buffer.from(signature))) throw invalid();
  const issuedMs = Number(issued) * 1000;
  const expiresMs = issuedMs + FORM_TOKEN_LIFETIME_SECONDS * 1000;
  // A minute of clock skew between replicas is allowed; a token from further in the future is not.
  if (Number(campaign) !== campaignId || issuedMs > now.getTime() + 60_000 || expiresMs < now.getTime()) throw invalid();
  return { nonce, expiresOn: new Date(expiresMs).toISOString().slice(0, 10) };
}
