import type { APIRoute, GetStaticPaths } from 'astro';
import { csvMetadata } from '../../lib/csvw.ts';
import { TABLES, toCsv } from '../../lib/open-data.ts';
import { siteData } from '../../lib/site-data.ts';

export const getStaticPaths = (() =>
  TABLES.flatMap((table) => [
    { params: { file: `${table.name}.csv` }, props: { name: table.name, format: 'csv' } },
    { params: { file: `${table.name}.json` }, props: { name: table.name, format: 'json' } },
    { params: { file: `${table.name}.csv-metadata.json` }, props: { name: table.name, format: 'csvw' } },
  ])) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const table = TABLES.find((t) => t.name === props.name);
  if (!table) return new Response(null, { status: 404 });
  const rows = table.rows(await siteData());
  if (props.format === 'csvw') {
    return new Response(JSON.stringify(csvMetadata(table, rows, site ?? new URL('http://localhost:4000')), null, 1), { headers: { 'content-type': 'application/csvm+json' } });
  }
  if (props.format === 'csv') {
    return new Response(toCsv(table, rows), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
  }
  return new Response(JSON.stringify({ table: table.name, fields: table.fields.map((f) => f.name), rows }), {
    headers: { 'content-type': 'application/json' },
  });
};
