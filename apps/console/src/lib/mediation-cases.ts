import type { ApiClient, ApiResult } from './api.ts';
import { type CaseRecord, ROOM_CASES, type RoomRef, STATION_ROOMS } from './mediation-queries.ts';

/** The open mediation rooms of a station. */
export async function stationRooms(api: ApiClient, slug: string): Promise<RoomRef[]> {
  const answer = await api.query(STATION_ROOMS, { slug });
  if (!answer.ok) throw new Error(`Could not list the mediation rooms of ${slug}: ${answer.problems[0]?.message ?? 'no answer'}`);
  return answer.data.station?.mediationRooms ?? [];
}

type CasesPage = { mediationCases: { edges: { node: CaseRecord }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

/** Every case recorded in the station's open rooms, newest received first, room by room and page by page. */
export async function stationCases(api: ApiClient, rooms: readonly RoomRef[]): Promise<CaseRecord[]> {
  const cases: CaseRecord[] = [];
  for (const room of rooms) {
    let after: string | null = null;
    for (;;) {
      const answer: ApiResult<CasesPage> = await api.query(ROOM_CASES, { roomId: room.id, after });
      if (!answer.ok) throw new Error(`Could not list the cases of ${room.slug}: ${answer.problems[0]?.message ?? 'no answer'}`);
      const { edges, pageInfo }: CasesPage['mediationCases'] = answer.data.mediationCases;
      cases.push(...edges.map((e) => e.node));
      if (!pageInfo.hasNextPage || !pageInfo.endCursor) break;
      after = pageInfo.endCursor;
    }
  }
  return cases.sort((a, b) => b.receivedOn.localeCompare(a.receivedOn) || b.reference.localeCompare(a.reference));
}
