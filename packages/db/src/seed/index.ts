import type { PrismaClient } from '../generated/prisma/client.ts';
import { buildStation } from './build.ts';
import { runSeed, type SeedSummary } from './run.ts';
import { DEMO_STATIONS } from './stations/index.ts';
import { linkDemoPriorities } from './survey-links.ts';
import { writeSurveys } from './surveys.ts';
import { ensureMetrics, writeStations } from './write.ts';

export { DEMO_TODAY } from './calendar.ts';
export { METRICS, type MetricKey } from './metrics.ts';
export { REAL_NAMES_IN_SOURCES } from './people.ts';
export type { SeedSummary } from './run.ts';
export { DEMO_STATIONS } from './stations/index.ts';
export { seedSynthetic, type SyntheticOptions } from './synthetic.ts';
export type { SeedCounts } from './write.ts';

/**
 * Inserts the demo data of the five stations described in the source articles, in one
 * transaction, when the database has no station yet; otherwise writes nothing. Every
 * person, badge number and phone number in it is fictitious (`isDemo: true`).
 */
export function seedDemoData(prisma: PrismaClient): Promise<SeedSummary> {
  return runSeed(prisma, async (tx) => {
    if ((await tx.station.count()) > 0) return false;
    await writeStations(tx, DEMO_STATIONS.map(buildStation), await ensureMetrics(tx));
    await writeSurveys(tx);
    await linkDemoPriorities(tx);
    return true;
  });
}
