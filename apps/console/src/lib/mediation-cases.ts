import type { ApiClient } from './api.ts';
import { type CaseRecord, ROOM_CASES, type RoomRef, STATION_ROOMS } from './mediation-queries.ts';

/** The open mediation rooms of a station. */
export async function stationRooms(api: ApiClient, slug: string): Promise<RoomRef[]> {
  const answer = await api.query(STATION_ROOMS, { slug });
  if (!answer.ok) throw new Error(`Could not list the mediation rooms of ${slug}: ${answer.problems[0]?.message ?? 'no answer'}`);
  return answer.data.station?.mediationRooms ?? [];
}

/** Cases one page of the list shows. */
export const CASES_PER_PAGE = 50;

/** One page of a room's cases, newest first, and the cursor of the next page (null on the last). */
export async function roomCases(api: ApiClient, roomId: string, after: string | null): Promise<{ cases: CaseRecord[]; next: string | null }> {
  const answer = await api.query(ROOM_CASES, { roomId, after, first: CASES_PER_PAGE });
  if (!answer.ok) throw new Error(`Could not list the cases of room ${roomId}: ${answer.problems[0]?.message ?? 'no answer'}`);
  const { edges, pageInfo } = answer.data.mediationCases;
  return { cases: edges.map((e) => e.node), next: pageInfo.hasNextPage ? pageInfo.endCursor : null };
}
