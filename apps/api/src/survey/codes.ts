import { createHash, randomBytes } from 'node:crypto';

/** Crockford's base-32 digits: no I, L, O or U, so nothing is mistaken for 1, 0 or V. */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Characters in a code (50 random bits), printed as two groups of five: `XXXXX-XXXXX`. */
export const CODE_LENGTH = 10;

/** A source of random bytes: `crypto.randomBytes`, or a deterministic one in tests. */
export type RandomSource = (size: number) => Uint8Array;

/** Rounds of fresh codes `insertInvitationCodes` (domain/invitation-codes.ts) tries before it gives up. */
export const CODE_GENERATION_ROUNDS = 5;

/** A new invitation code, formatted for printing. 256 is a multiple of 32, so every digit is uniform. */
export function newInvitationCode(random: RandomSource = randomBytes): string {
  const digits = [...random(CODE_LENGTH)].slice(0, CODE_LENGTH).map((byte) => CODE_ALPHABET[byte % 32]).join('');
  return `${digits.slice(0, 5)}-${digits.slice(5)}`;
}

/**
 * A code as typed (any case, spaces or hyphens, O for 0, I or L for 1) in its canonical form,
 * or null when it cannot be a code.
 */
export function normaliseInvitationCode(typed: string): string | null {
  const code = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (code.length !== CODE_LENGTH) return null;
  return [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : null;
}

/** What is stored of a code: the sha256 (hex) of its canonical form. */
export function hashInvitationCode(canonical: string): string {
  return createHash('sha256').update(canonical).digest('hex');
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Codes as CSV for printing: a header and one line per code. */
export function invitationCodesCsv(codes: readonly string[], campaign: string, area: string): string {
  return ['code,campaign,area', ...codes.map((code) => [code, campaign, area].map(csvCell).join(','))].join('\n') + '\n';
}
