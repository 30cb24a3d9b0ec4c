import type { PrismaClient } from '@openstation/db';
import DataLoader from 'dataloader';

/** Key of one metric's value in one station's quarter. */
export interface QuarterMetricKey {
  stationId: number;
  year: number;
  quarter: number;
  metricId: number;
}

/** Request-scoped batch loaders for values no relation include can reach. */
export interface Loaders {
  /** The published value of a metric for a station's quarter (null when none). */
  metricValue: DataLoader<QuarterMetricKey, number | null, string>;
}

export function createLoaders(prisma: PrismaClient): Loaders {
  return {
    metricValue: new DataLoader(
      async (keys) => {
        const quarters = [...new Map(keys.map((k) => [`${k.stationId}:${k.year}:${k.quarter}`, k])).values()];
        const rows = await prisma.metricValue.findMany({
          where: {
            report: {
              status: 'PUBLISHED',
              supersededAt: null,
              OR: quarters.map(({ stationId, year, quarter }) => ({ stationId, year, quarter })),
            },
          },
          select: {
            metricId: true,
            value: true,
            report: { select: { stationId: true, year: true, quarter: true, revision: true } },
          },
          orderBy: { report: { revision: 'asc' } },
        });
        const found = new Map<string, number>();
        for (const row of rows) {
          const { stationId, year, quarter } = row.report;
          found.set(`${stationId}:${year}:${quarter}:${row.metricId}`, row.value.toNumber());
        }
        return keys.map((k) => found.get(`${k.stationId}:${k.year}:${k.quarter}:${k.metricId}`) ?? null);
      },
      { cacheKeyFn: (k) => `${k.stationId}:${k.year}:${k.quarter}:${k.metricId}` },
    ),
  };
}
