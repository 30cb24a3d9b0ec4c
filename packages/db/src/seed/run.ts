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
 * Fresh statistics are gathered afterwards.
 */
export async function runSeed(prisma: PrismaClient, write: (tx: Prisma.TransactionClient) => Promise<boolean>): Promise<SeedSummary> {
  const started = performance.now();
  const summary = await prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
      const inserted = await write(tx);
      const counts = await countRows(tx);
      return { inserted, ...counts, durationMs: Math.round(performance.now() - started) };
    },
    { maxWait: 60_000, timeout: 900_000 },
  );
  // A bulk load leaves the planner without statistics until autovacuum comes round (up to a
  // minute or more): until then it guesses, e.g. a hash join over all 20,000 officers for one
  // station's 32 assignments (42 ms instead of 0.1 ms). PostgreSQL's advice: ANALYZE after a bulk load.
  if (summary.inserted) await prisma.$executeRawUnsafe('ANALYZE');
  return summary;
}
