import type { APIRoute } from 'astro';
import { label } from '@openstation/site/i18n';
import { builtStations } from '../../../lib/built-stations.ts';
import { siteData } from '../../../lib/site-data.ts';
import { officerVCard } from '../../../lib/vcard.ts';

export async function getStaticPaths() {
  return builtStations((await siteData()).stations).flatMap((b) =>
    b.officers.map((officer) => ({ params: { station: b.station.slug, officer: officer.id }, props: { officer, station: b.station.name.zh } })),
  );
}

export const GET: APIRoute = ({ props }) => {
  const { officer, station } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  return new Response(officerVCard(officer, station, label('zh', 'role', officer.role)), {
    headers: { 'content-type': 'text/vcard; charset=utf-8' },
  });
};
