import { localePath, t, type UiKey } from '@openstation/site/i18n';
import { fieldMeaning } from './field-meaning.ts';
import { plain } from '@openstation/site/localized';
import { type Row, TABLES, type Table } from './open-data.ts';
import { tablePagePath } from './open-data-paths.ts';
import { LICENCE_URL } from './schema-org.ts';
import type { SiteData } from './site-data.ts';

/**
 * The open-data catalogue as DCAT-AP 3 in JSON-LD: every table a dcat:Dataset with its CSV and
 * JSON distributions, publisher, contact point, licence, temporal and spatial coverage and
 * modified date; every published quarterly report a dataset in the `quarterly-reports` series.
 * The context is inline, so a harvester (and the test) needs nothing from the network.
 */
export const DCAT_PATH = '/data/catalog.jsonld';

const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  'dct:modified': { '@type': 'xsd:date' },
  'dct:issued': { '@type': 'xsd:dateTime' },
  'dcat:startDate': { '@type': 'xsd:date' },
  'dcat:endDate': { '@type': 'xsd:date' },
  'dcat:accessURL': { '@type': '@id' },
  'dcat:downloadURL': { '@type': '@id' },
  'dcat:landingPage': { '@type': '@id' },
  'dct:license': { '@type': '@id' },
  'dct:format': { '@type': '@id' },
  'dcat:mediaType': { '@type': '@id' },
  'dcat:inSeries': { '@type': '@id' },
  'vcard:hasURL': { '@type': '@id' },
} as const;

const MEDIA_TYPES = 'http://www.iana.org/assignments/media-types/';

const both = (key: UiKey, values: Record<string, string | number> = {}) => [
  { '@value': t('zh', key, values), '@language': 'zh' },
  { '@value': t('en', key, values), '@language': 'en' },
];

/** The first and last calendar day found in a table's rows (dates, or years and quarters); null when it holds none. */
export function rowDates(rows: Row[]): { start: string; end: string } | null {
  const days: string[] = [];
  for (const row of rows) {
    for (const value of Object.values(row)) if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) days.push(value.slice(0, 10));
    if (typeof row.year === 'number') {
      const quarter = typeof row.quarter === 'number' ? row.quarter : null;
      days.push(quarter ? `${row.year}-${String(quarter * 3 - 2).padStart(2, '0')}-01` : `${row.year}-01-01`);
      days.push(quarter ? new Date(Date.UTC(row.year, quarter * 3, 0)).toISOString().slice(0, 10) : `${row.year}-12-31`);
    }
  }
  if (days.length === 0) return null;
  days.sort();
  return { start: days[0] as string, end: days[days.length - 1] as string };
}

function distribution(table: Table, format: 'csv' | 'json', site: URL) {
  const url = new URL(`/data/${table.name}.${format}`, site).href;
  const media = format === 'csv' ? 'text/csv' : 'application/json';
  return {
    '@id': `${url}#distribution`,
    '@type': 'dcat:Distribution',
    'dct:title': `${table.name}.${format}`,
    'dcat:accessURL': url,
    'dcat:downloadURL': url,
    'dcat:mediaType': `${MEDIA_TYPES}${media}`,
    'dct:license': LICENCE_URL,
  };
}

/** The DCAT-AP 3 catalogue of everything the portal publishes. */
export function dcatCatalogue(data: SiteData, site: URL) {
  const today = data.today.toISOString().slice(0, 10);
  const page = new URL('/open-data/', site).href;
  const bureaus = [...new Set(data.stations.map((b) => b.station.bureau.zh))];
  const first = data.stations[0]?.station;
  const publisher = {
    '@id': new URL('/#publisher', site).href,
    '@type': 'foaf:Agent',
    'foaf:name': bureaus.length === 1 && first ? [{ '@value': first.bureau.zh, '@language': 'zh' }, ...(first.bureau.en ? [{ '@value': first.bureau.en, '@language': 'en' }] : [])] : both('site.name'),
  };
  const contactPoint = { '@type': 'vcard:Organization', 'vcard:fn': t('zh', 'site.name'), 'vcard:hasURL': page };
  const spatial = data.stations.map((b) => ({ '@type': 'dct:Location', 'skos:prefLabel': [{ '@value': plain(b.station.region, 'zh'), '@language': 'zh' }] }));
  const period = (start: string, end: string) => ({ '@type': 'dct:PeriodOfTime', 'dcat:startDate': start, 'dcat:endDate': end });
  const tables = TABLES.map((table) => {
    const dates = rowDates(table.rows(data));
    return {
      '@id': new URL(`/data/${table.name}#dataset`, site).href,
      '@type': 'dcat:Dataset',
      'dct:identifier': table.name,
      'dct:title': table.name,
      'dct:description': table.fields.map((field) => `${field.name}: ${fieldMeaning(field, 'zh')}`).join('；'),
      'dcat:landingPage': new URL(tablePagePath(table.name), site).href,
      'dct:publisher': publisher,
      'dcat:contactPoint': contactPoint,
      'dct:license': LICENCE_URL,
      'dct:modified': today,
      'dct:temporal': dates ? period(dates.start, dates.end) : period(today, today),
      'dct:spatial': spatial,
      'dcat:distribution': [distribution(table, 'csv', site), distribution(table, 'json', site)],
    };
  });
  const seriesId = new URL('/data/quarterly-reports#series', site).href;
  const reports = data.stations.flatMap((b) =>
    b.reports.map((r) => {
      const url = new URL(localePath('zh', `/${b.station.slug}/reports/${r.slug}/`), site).href;
      return {
        '@id': `${url}#dataset`,
        '@type': 'dcat:Dataset',
        'dct:title': [{ '@value': plain(r.title, 'zh'), '@language': 'zh' }, ...(r.title.en ? [{ '@value': r.title.en, '@language': 'en' }] : [])],
        'dct:description': plain(r.summary, 'zh'),
        'dcat:inSeries': seriesId,
        'dcat:landingPage': url,
        'dct:publisher': publisher,
        'dcat:contactPoint': { '@type': 'vcard:Organization', 'vcard:fn': plain(b.station.name, 'zh'), 'vcard:hasURL': new URL(`/${b.station.slug}/`, site).href },
        'dct:license': LICENCE_URL,
        ...(r.publishedAt ? { 'dct:issued': r.publishedAt } : {}),
        'dct:modified': (r.publishedAt ?? today).slice(0, 10),
        'dct:temporal': period(`${r.year}-${String(r.quarter * 3 - 2).padStart(2, '0')}-01`, new Date(Date.UTC(r.year, r.quarter * 3, 0)).toISOString().slice(0, 10)),
        'dct:spatial': { '@type': 'dct:Location', 'skos:prefLabel': [{ '@value': plain(b.station.region, 'zh'), '@language': 'zh' }] },
        'dcat:distribution': [{ '@id': `${url}#page`, '@type': 'dcat:Distribution', 'dcat:accessURL': url, 'dcat:mediaType': `${MEDIA_TYPES}text/html`, 'dct:license': LICENCE_URL }],
      };
    }),
  );
  return {
    '@context': CONTEXT,
    '@id': new URL(DCAT_PATH, site).href,
    '@type': 'dcat:Catalog',
    'dct:title': both('data.title'),
    'dct:description': both('data.intro'),
    'foaf:homepage': { '@id': page },
    'dct:publisher': publisher,
    'dct:license': LICENCE_URL,
    'dct:modified': today,
    'dcat:dataset': [
      ...tables,
      {
        '@id': seriesId,
        '@type': 'dcat:DatasetSeries',
        'dct:title': both('reports.title'),
        'dct:description': both('reports.intro'),
        'dct:publisher': publisher,
        'dcat:contactPoint': contactPoint,
        'dct:license': LICENCE_URL,
        'dct:modified': today,
        'dct:spatial': spatial,
        'dct:accrualPeriodicity': { '@id': 'http://publications.europa.eu/resource/authority/frequency/QUARTERLY' },
      },
      ...reports,
    ],
  };
}
