import type { Text } from '../data/text.ts';
import type { Station } from '../data/stations.ts';

/** One station as the site index lists it: a link, where it is, and the overdue flag. */
export interface DirectoryStation {
  slug: string;
  name: Text;
  region: Text;
  /** More than one quarter behind with its quarterly report (the station home's flag). */
  overdue: boolean;
}

/** The stations of one public security bureau, in the order the API lists them. */
export interface BureauStations {
  bureau: Text;
  stations: DirectoryStation[];
}

/**
 * Every station, grouped by the bureau it belongs to (bureaus in the order of their first
 * station): the bureau is said once in a heading instead of on every station's line.
 */
export function stationDirectory(bundles: readonly { station: Pick<Station, 'slug' | 'name' | 'region' | 'bureau'>; overdue: boolean }[]): BureauStations[] {
  const groups = new Map<string, BureauStations>();
  for (const { station, overdue } of bundles) {
    const group = groups.get(station.bureau.zh) ?? { bureau: station.bureau, stations: [] };
    group.stations.push({ slug: station.slug, name: station.name, region: station.region, overdue });
    groups.set(station.bureau.zh, group);
  }
  return [...groups.values()];
}
