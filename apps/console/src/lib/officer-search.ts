import { needsVerifying } from './compliance.ts';
import type { OfficerRecord } from './queries.ts';

/**
 * The officers whose name (Chinese or English), badge number, duty phone or area name
 * contains `query` (case-insensitive); with `staleOnly`, only those whose contact needs checking.
 */
export function searchOfficers(officers: readonly OfficerRecord[], query: string, staleOnly: boolean, today: string): OfficerRecord[] {
  const needle = query.trim().toLowerCase();
  return officers.filter((o) => {
    if (staleOnly && !needsVerifying(o.lastVerifiedOn, today)) return false;
    if (!needle) return true;
    const haystack = [o.name.zh, o.name.en, o.badgeNumber, o.dutyPhone, ...o.assignments.flatMap((a) => [a.area.name.zh, a.area.name.en])];
    return haystack.some((text) => text?.toLowerCase().includes(needle));
  });
}
