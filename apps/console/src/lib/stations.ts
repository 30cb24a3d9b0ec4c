import type { ApiClient, ApiResult } from './api.ts';
import { ALL_STATIONS, type Me, type OfficerRecord, STATION_OFFICERS, type StationRef } from './queries.ts';

/** The stations the signed-in person acts for: theirs, or every station for bureau-wide accounts. */
export async function stationsOf(api: ApiClient, staff: Me): Promise<StationRef[]> {
  if (!staff.allStations) return staff.stations;
  const answer = await api.query(ALL_STATIONS, {});
  if (!answer.ok) throw new Error(`Could not list the stations: ${answer.problems[0]?.message ?? 'no answer'}`);
  return answer.data.stations.edges.map((e) => e.node);
}

/** Whether the signed-in person acts for the station with this slug. */
export function actsFor(staff: Me, slug: string): boolean {
  return staff.allStations || staff.stations.some((s) => s.slug === slug);
}

type OfficersPage = { officers: { edges: { node: OfficerRecord }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

/** Every officer in service at a station, page by page. */
export async function stationOfficers(api: ApiClient, stationSlug: string): Promise<OfficerRecord[]> {
  const officers: OfficerRecord[] = [];
  let after: string | null = null;
  for (;;) {
    const answer: ApiResult<OfficersPage> = await api.query(STATION_OFFICERS, { stationSlug, after });
    if (!answer.ok) throw new Error(`Could not list the officers of ${stationSlug}: ${answer.problems[0]?.message ?? 'no answer'}`);
    const { edges, pageInfo }: OfficersPage['officers'] = answer.data.officers;
    officers.push(...edges.map((e) => e.node));
    if (!pageInfo.hasNextPage || !pageInfo.endCursor) return officers;
    after = pageInfo.endCursor;
  }
}

/** What a "new record" page works on: the stations offered, the one chosen, and the posted form. */
export interface NewRecordTarget {
  stations: StationRef[];
  /** The station the posted form (or `?station=`) names if the person acts for it, else their first; none if they act for none. */
  station: StationRef | undefined;
  form: FormData | null;
}

/**
 * The station a "new record" page adds to: every such page (areas, officers, services, community
 * records) offers the person's stations, if their role `may` add this kind, and reads the choice
 * the same way.
 */
export async function newRecordTarget(api: ApiClient, staff: Me, request: Request, url: URL, may: boolean): Promise<NewRecordTarget> {
  const stations = may ? await stationsOf(api, staff) : [];
  const form = request.method === 'POST' ? await request.formData() : null;
  const wanted = form ? String(form.get('station') ?? '') : url.searchParams.get('station');
  return { stations, station: stations.find((s) => s.slug === wanted) ?? stations[0], form };
}
