import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** sha256 (hex) of a high-entropy secret; enough for random keys and tokens, never for passwords. */
export function sha256(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** True when `secret` hashes to `expectedHash`, compared in constant time. */
export function secretMatches(secret: string, expectedHash: string): boolean {
  const actual = Buffer.from(sha256(secret), 'hex');
  const expected = Buffer.from(expectedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A new API key `os_<12 hex prefix>_<43 char secret>`; store `prefix` and `sha256(secret)`. */
export function newApiKey(): { key: string; prefix: string; secret: string } {
  const prefix = `os_${randomBytes(6).toString('hex')}`;
  const secret = randomBytes(32).toString('base64url');
  return { key: `${prefix}_${secret}`, prefix, secret };
}

/** Splits a key into prefix and secret, or null when it does not have the key's shape. */
export function parseApiKey(key: string): { prefix: string; secret: string } | null {
  const match = /^(os_[0-9a-f]{12})_([A-Za-z0-9_-]{43})$/.exec(key.trim());
  return match?.[1] && match[2] ? { prefix: match[1], secret: match[2] } : null;
}

/** A new opaque staff session token (256 random bits). */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}
