/**
 * `updatedSince` on the lists partners sync (issue 13). Without it a list answers the records
 * in service; with it, every record changed at or after that instant, retired ones included
 * (they carry `retiredAt`), in id order so that cursors stay stable while a client pages.
 */
export const UPDATED_SINCE_DESCRIPTION =
  'Sync: only records changed at or after this instant (their `updatedAt`), retired ones included ' +
  '(with `retiredAt` set), ordered by id. Keep the `updatedAt` of the last sync\'s start and pass it next time.';

export const UPDATED_AT_DESCRIPTION = 'When the record last changed; what `updatedSince` filters on.';

export const RETIRED_AT_DESCRIPTION =
  'When the record was retired; null while in service. Lists show retired records only to a sync (`updatedSince`).';

/** In service, or, for a sync, changed since `updatedSince` whether retired or not. */
export function inServiceOrChangedSince(updatedSince: Date | null | undefined): { retiredAt: null } | { updatedAt: { gte: Date } } {
  return updatedSince != null ? { updatedAt: { gte: updatedSince } } : { retiredAt: null };
}

/** A sync pages in id order; otherwise the list keeps its own order. */
export function syncOrder<T>(updatedSince: Date | null | undefined, order: T): T | { id: 'asc' } {
  return updatedSince != null ? { id: 'asc' } : order;
}
