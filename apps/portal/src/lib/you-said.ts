import type { Report } from '../data/reports.ts';

/** How many of the least satisfied indicators "you said, we did" always shows, answered or not. */
export const YOU_SAID_LOWEST = 3;

type Priority = Report['priorities'][number];

/** One indicator residents were least satisfied with, and the report priorities that cite it. */
export interface YouSaidItem {
  indicator: string;
  share: number;
  answers: Array<{ priority: Priority; report: Report }>;
}

/**
 * "You said, we did" for one survey: its {@link YOU_SAID_LOWEST} least satisfied indicators, and
 * any other indicator a report priority cites, least satisfied first; each with the priorities
 * of the station's published reports that cite this survey's result for it, oldest first.
 */
export function youSaidWeDid(
  campaignId: string,
  indicators: ReadonlyArray<{ indicator: string; share: { share: number | null } }>,
  reports: readonly Report[],
): YouSaidItem[] {
  const citing = reports.flatMap((report) => report.priorities.filter((p) => p.surveyCampaign?.id === campaignId).map((priority) => ({ priority, report })));
  const rated = indicators.filter((r): r is { indicator: string; share: { share: number } } => r.share.share !== null).sort((a, b) => a.share.share - b.share.share);
  return rated
    .filter((r, i) => i < YOU_SAID_LOWEST || citing.some((c) => c.priority.indicator === r.indicator))
    .map((r) => ({
      indicator: r.indicator,
      share: r.share.share,
      answers: citing.filter((c) => c.priority.indicator === r.indicator).sort((a, b) => a.priority.raisedOn.localeCompare(b.priority.raisedOn)),
    }));
}
