import type { StationBundle } from './site-data.ts';

/**
 * The stations whose own pages this build writes: all of them, or in an incremental build
 * (`PORTAL_ONLY_STATIONS=slug,slug`, set by the API's portal publisher) only those. Pages
 * that list stations (index, open data, sitemap, find your officer) are always written,
 * from every station's data.
 */
export function builtStations(stations: readonly StationBundle[]): StationBundle[] {
  const only = process.env.PORTAL_ONLY_STATIONS;
  if (only === undefined) return [...stations];
  const slugs = new Set(only.split(',').filter(Boolean));
  return stations.filter((b) => slugs.has(b.station.slug));
}
