import type { Prisma, PrismaClient } from '@openstation/db';
import type { ContentWarning } from './actor.ts';
import { quarterEnd } from './rules.ts';

/** The metric a report's mediation figure is checked on. */
const MEDIATION_RECEIVED = 'mediation_received';

/** A report as its warnings need it. */
export interface ReportForWarnings {
  id: number;
  stationId: number;
  year: number;
  quarter: number;
}

/**
 * The warnings a report's content gives (they never block a change): MEDIATION_FIGURE_DIFFERS
 * when its `mediation_received` figure is not the number of mediation cases recorded for the
 * station's rooms with `receivedOn` in the quarter (stations without a mediation room are not
 * checked). `metricKeys` is the order the metrics were given in, for the field path; by
 * default the catalogue order the report shows them in.
 */
export async function reportWarnings(db: Prisma.TransactionClient | PrismaClient, report: ReportForWarnings, metricKeys?: readonly string[]): Promise<ContentWarning[]> {
  const figure = await db.metricValue.findFirst({ where: { reportId: report.id, metric: { key: MEDIATION_RECEIVED } }, select: { value: true } });
  if (!figure) return [];
  const rooms = await db.mediationRoom.count({ where: { stationId: report.stationId } });
  if (rooms === 0) return [];
  const recorded = await db.mediationCase.count({
    where: {
      retiredAt: null,
      room: { stationId: report.stationId },
      receivedOn: { gte: new Date(Date.UTC(report.year, (report.quarter - 1) * 3, 1)), lte: quarterEnd(report.year, report.quarter) },
    },
  });
  const value = figure.value.toNumber();
  if (value === recorded) return [];
  const keys =
    metricKeys ??
    (await db.metricValue.findMany({ where: { reportId: report.id }, select: { metric: { select: { key: true } } }, orderBy: [{ metric: { position: 'asc' } }, { id: 'asc' }] })).map(
      (m) => m.metric.key,
    );
  return [
    {
      code: 'MEDIATION_FIGURE_DIFFERS',
      field: `content.metrics.${keys.indexOf(MEDIATION_RECEIVED)}.value`,
      message: `The report says ${value} disputes were taken up for mediation in ${report.year} Q${report.quarter}; the station's mediation rooms have ${recorded} cases received in that quarter on record. Check the figure or the cases.`,
    },
  ];
}
