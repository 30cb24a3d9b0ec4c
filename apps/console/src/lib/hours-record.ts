import { globalId } from '@openstation/site/global-id';
import type { ApiClient } from './api.ts';
import { HOURS_EXCEPTION, type HoursExceptionRecord } from './hours-queries.ts';
import type { Me } from './queries.ts';
import { editsContent } from './roles.ts';
import { actsFor } from './stations.ts';

/**
 * The hours exception a page's `[id]` names (its record number), and whether this person may
 * change it (an editor of its station): `record` is null when there is none (404); `allowed`
 * false otherwise means 403.
 */
export async function hoursExceptionFor(api: ApiClient, staff: Me, number: string): Promise<{ record: HoursExceptionRecord | null; allowed: boolean }> {
  const found = /^\d{1,9}$/.test(number) ? await api.query(HOURS_EXCEPTION, { id: globalId('StationHoursException', number) }) : null;
  const record = found?.ok && found.data.node?.__typename === 'StationHoursException' ? found.data.node : null;
  return { record, allowed: record !== null && editsContent(staff) && actsFor(staff, record.station.slug) };
}
