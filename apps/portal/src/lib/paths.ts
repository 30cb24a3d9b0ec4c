import { builtStations } from './built-stations.ts';
import { siteData } from './site-data.ts';

/** `getStaticPaths` results shared by the Chinese and English page files. */
export async function stationPaths() {
  return builtStations((await siteData()).stations).map((b) => ({ params: { station: b.station.slug } }));
}

export async function areaPaths() {
  return builtStations((await siteData()).stations).flatMap((b) =>
    b.areas.map((a) => ({ params: { station: b.station.slug, area: a.id } })),
  );
}

export async function reportPaths() {
  return builtStations((await siteData()).stations).flatMap((b) =>
    b.reports.map((r) => ({ params: { station: b.station.slug, period: r.slug } })),
  );
}

export async function servicePaths() {
  return builtStations((await siteData()).stations).flatMap((b) =>
    b.services.map((s) => ({ params: { station: b.station.slug, service: s.slug } })),
  );
}
