import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { countRows, type SeedCounts } from './write.ts';

/** What a seed call did, and the rows in each table after it. */
export interface SeedSummary extends SeedCounts {
  /** False when the call found the data already there and wrote nothing. */
  inserted: boolean;
  durationMs: number;
}

/** Advisory-lock key that serialises concurrent seed runs against one database. */
const SEED_LOCK_KEY = 7_202_611;

/**
 * Runs `write` in one transaction holding the seed lock (Prisma's default 5 s transaction
 * timeout is far too short for bulk seeding); `write` says whether it inserted anything.
 */
export async function runSeed(prisma: PrismaClient, write: (tx: Prisma.TransactionClient) => Promise<boolean>): Promise<SeedSummary> {
  const started = performance.now();
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
      const inserted = await write(tx);
      const counts = await countRows(tx);
      return { inserted, ...counts, durationMs: Math.round(performance.now() - started) };
    },
    { maxWait: 60_000, timeout: 900_000 },
  );
}
