import type { ApiClient } from './api.ts';
import { type Deadline, needsVerifying, reportDeadline, surveyDeadline } from './compliance.ts';
import { type BuildStatus, type Me, PORTAL_STATUS, STATION_CLOCK, STATION_DRAFTS, type StationRef } from './queries.ts';
import { stationOfficers, stationsOf } from './stations.ts';

/** One station's compliance clock. */
export interface StationClock {
  station: StationRef;
  report: Deadline;
  survey: Deadline;
  officers: { total: number; stale: number };
  /** Null for mediators, who do not edit reports or surveys. */
  drafts: { reports: number; surveys: number } | null;
}

async function clockOf(api: ApiClient, station: StationRef, withDrafts: boolean, today: string): Promise<StationClock> {
  const [clock, officers, drafts] = await Promise.all([
    api.query(STATION_CLOCK, { slug: station.slug }),
    stationOfficers(api, station.slug),
    withDrafts ? api.query(STATION_DRAFTS, { slug: station.slug }) : Promise.resolve(null),
  ]);
  if (!clock.ok) throw new Error(`Could not read ${station.slug}'s reports and surveys: ${clock.problems[0]?.message ?? ''}`);
  if (drafts && !drafts.ok) throw new Error(`Could not read ${station.slug}'s drafts: ${drafts.problems[0]?.message ?? ''}`);
  const latest = clock.data.workReports.edges[0]?.node ?? null;
  return {
    station,
    report: reportDeadline(latest, today),
    survey: surveyDeadline(clock.data.surveyCampaigns.map((c) => c.period), today),
    officers: { total: officers.length, stale: officers.filter((o) => needsVerifying(o.lastVerifiedOn, today)).length },
    drafts: drafts?.ok ? { reports: drafts.data.workReportDrafts.edges.length, surveys: drafts.data.surveyCampaignDrafts.length } : null,
  };
}

/** The home page: a clock per station the person acts for, and the portal's last update. */
export async function homeData(api: ApiClient, staff: Me, today: string): Promise<{ clocks: StationClock[]; portal: BuildStatus | null }> {
  const stations = await stationsOf(api, staff);
  const withDrafts = staff.role !== 'MEDIATOR';
  const [clocks, portal] = await Promise.all([
    Promise.all(stations.map((s) => clockOf(api, s, withDrafts, today))),
    api.query(PORTAL_STATUS, {}),
  ]);
  if (!portal.ok) throw new Error(`Could not read the portal's status: ${portal.problems[0]?.message ?? ''}`);
  return { clocks, portal: portal.data.portalBuildStatus.build };
}
