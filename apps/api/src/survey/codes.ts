import { createHash, randomBytes } from 'node:crypto';
import type { Prisma } from '@openstation/db';
import { ClientError } from '../errors.ts';

/** Crockford's base-32 digits: no I, L, O or U, so nothing is mistaken for 1, 0 or V. */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Characters in a code (50 random bits), printed as two groups of five: `XXXXX-XXXXX`. */
export const CODE_LENGTH = 10;

/** A source of random bytes: `crypto.randomBytes`, or a deterministic one in tests. */
export type RandomSource = (size: number) => Uint8Array;

/** Rounds of fresh codes `insertInvitationCodes` tries before it gives up. */
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

export interface CodeBatchTarget {
  campaignId: number;
  areaId: number | null;
  count: number;
}

/**
 * Makes `count` new codes of a campaign and stores their hashes in `tx`. A code whose hash
 * already exists (any campaign's, or twice in the batch) is skipped by the unique index on
 * `codeHash` (`ON CONFLICT DO NOTHING`, which leaves the transaction usable) and only the
 * colliding ones are drawn again, for at most {@link CODE_GENERATION_ROUNDS} rounds; then
 * CODE_GENERATION_FAILED, and the caller's transaction stores none of them. Returns the
 * codes, formatted for printing.
 */
export async function insertInvitationCodes(
  tx: Prisma.TransactionClient,
  target: CodeBatchTarget,
  random: RandomSource = randomBytes,
  rounds = CODE_GENERATION_ROUNDS,
): Promise<string[]> {
  const made: string[] = [];
  for (let round = 0; round < rounds && made.length < target.count; round++) {
    const drawn = new Map<string, string>();
    for (let i = made.length; i < target.count; i++) {
      const code = newInvitationCode(random);
      drawn.set(hashInvitationCode(code.replace('-', '')), code);
    }
    const stored = await tx.invitationCode.createManyAndReturn({
      data: [...drawn.keys()].map((codeHash) => ({ campaignId: target.campaignId, areaId: target.areaId, codeHash })),
      skipDuplicates: true,
      select: { codeHash: true },
    });
    for (const { codeHash } of stored) {
      const code = drawn.get(codeHash);
      if (code !== undefined) made.push(code);
    }
  }
  if (made.length < target.count) {
    throw new ClientError(
      'CODE_GENERATION_FAILED',
      `Could not make ${target.count} distinct invitation codes in ${rounds} rounds; nothing was stored. Try again.`,
      { made: made.length, count: target.count },
    );
  }
  return made;
}
