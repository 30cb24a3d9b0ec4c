import { randomBytes } from 'node:crypto';
import type { Prisma } from '@openstation/db';
import { ClientError } from '../errors.ts';
import { CODE_GENERATION_ROUNDS, hashInvitationCode, newInvitationCode, type RandomSource } from '../survey/codes.ts';

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
