import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import jsonld, { type JsonLdDocument, type Options } from 'jsonld';
import { describe, expect, inject, it } from 'vitest';
import { STATION_WITH_HOURS_EXCEPTIONS } from './fixtures.ts';

/**
 * The portal's linked data, checked with jsonld.js (the JSON-LD processor from npm) and no
 * network: schema.org JSON-LD on station, service and open-data pages expands against the
 * vendored context (tests/portal/schema-org-context.jsonld: schema.org's @vocab and the
 * URL-valued terms these pages use), and every type and property it expands to is one that
 * schema.org defines (the vocabulary as shipped in schema-dts's declarations); the DCAT-AP 3
 * catalogue expands with its inline context and holds what DCAT-AP asks of each dataset.
 */
const origin = inject('portalOrigin');
const HOURS_EXCEPTIONS = inject('portalHoursExceptions');
const SCHEMA = 'https://schema.org/';
type RemoteDocument = Awaited<ReturnType<NonNullable<Options.DocLoader['documentLoader']>>>;
const vendoredContext = JSON.parse(readFileSync(new URL('./schema-org-context.jsonld', import.meta.url), 'utf8')) as RemoteDocument['document'];

const require = createRequire(import.meta.url);
const schemaDts = readFileSync(join(dirname(require.resolve('schema-dts/package.json')), 'dist/schema.d.ts'), 'utf8');
const schemaTypes = new Set([...schemaDts.matchAll(/export type (\w+) =/g)].map((m) => m[1]));
const schemaProperties = new Set([...schemaDts.matchAll(/"(\w+)"\??: /g)].map((m) => m[1]));

const documentLoader = async (url: string): Promise<RemoteDocument> => {
  if (/^https?:\/\/schema\.org\/?$/.test(url)) return { contextUrl: undefined, documentUrl: url, document: vendoredContext };
  throw new Error(`no network in this test: ${url}`);
};

async function pageJsonLd(path: string): Promise<JsonLdDocument[]> {
  const html = await (await fetch(`${origin}${path}`)).text();
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1] ?? 'null') as JsonLdDocument);
}

type Expanded = Record<string, unknown>;

/** Every @type and property IRI in an expanded document. */
function terms(node: unknown, types: Set<string>, properties: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) terms(item, types, properties);
    return;
  }
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node as Expanded)) {
    if (key === '@type') for (const type of value as string[]) types.add(type);
    else if (!key.startsWith('@')) properties.add(key);
    terms(value, types, properties);
  }
}

async function schemaOrgTerms(path: string) {
  const documents = await pageJsonLd(path);
  expect(documents.length, path).toBeGreaterThan(0);
  const types = new Set<string>();
  const properties = new Set<string>();
  for (const document of documents) terms(await jsonld.expand(document, { documentLoader }), types, properties);
  return { types: [...types], properties: [...properties] };
}

describe('schema.org JSON-LD on the portal', () => {
  const cases: [string, string][] = [
    ['/zhuze/', 'PoliceStation'],
    ['/en/zhuze/', 'PoliceStation'],
    [`/${STATION_WITH_HOURS_EXCEPTIONS}/`, 'PoliceStation'],
    [`/en/${STATION_WITH_HOURS_EXCEPTIONS}/`, 'PoliceStation'],
    ['/zhuze/services/resident-id-card/', 'GovernmentService'],
    ['/open-data/', 'DataCatalog'],
    ['/en/open-data/', 'DataCatalog'],
    ['/open-data/stations/', 'Dataset'],
    ['/en/open-data/survey_results/', 'Dataset'],
  ];

  it.each(cases)('%s expands to schema.org terms only (%s)', async (path, type) => {
    const { types, properties } = await schemaOrgTerms(path);
    expect(types).toContain(`${SCHEMA}${type}`);
    expect(types.filter((t) => !t.startsWith(SCHEMA) || !schemaTypes.has(t.slice(SCHEMA.length)))).toEqual([]);
    expect(properties.filter((p) => !p.startsWith(SCHEMA) || !schemaProperties.has(p.slice(SCHEMA.length)))).toEqual([]);
    expect(properties.length).toBeGreaterThan(5);
  });

  it('a station page says where, how to call and when it is open; a service page its time limit, fee and documents', async () => {
    const [station] = (await pageJsonLd('/zhuze/')) as Expanded[];
    expect(station).toMatchObject({ '@type': 'PoliceStation', address: { '@type': 'PostalAddress', addressCountry: 'CN' } });
    expect(String(station?.telephone)).toMatch(/\d/);
    expect(String(station?.openingHours)).not.toBe('');
    const [service] = (await pageJsonLd('/zhuze/services/resident-id-card/')) as Expanded[];
    expect(service).toMatchObject({ '@type': 'GovernmentService', offers: { '@type': 'Offer' } });
    expect(String((service?.availableChannel as Expanded).processingTime ?? '')).toMatch(/^P\d+D$/);
    expect(String(service?.termsOfService)).toContain(':');
  });

  it('the open-data page lists every table as a Dataset in brief; each table\'s page gives its Dataset in full, with the same id', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const prefix = lang === 'en' ? '/en' : '';
      const [catalogue] = (await pageJsonLd(`${prefix}/open-data/`)) as Expanded[];
      const datasets = catalogue?.dataset as Expanded[];
      const html = await (await fetch(`${origin}${prefix}/open-data/`)).text();
      const names = [...html.matchAll(/href="\/data\/([a-z_]+)\.csv"/g)].map((m) => m[1]);
      expect(datasets.map((d) => d.name)).toEqual(names);
      for (const dataset of datasets) {
        const page = new URL(String(dataset.url)).pathname;
        expect(page).toBe(`${prefix}/open-data/${String(dataset.name)}/`);
        const downloads = (dataset.distribution as Expanded[]).map((d) => new URL(String(d.contentUrl)).pathname);
        expect(downloads).toEqual([`/data/${String(dataset.name)}.csv`, `/data/${String(dataset.name)}.json`]);
        expect(new URL(String((dataset.subjectOf as Expanded).url)).pathname).toBe(`/data/${String(dataset.name)}.csv-metadata.json`);
        const [full] = (await pageJsonLd(page)) as Expanded[];
        expect(full).toMatchObject({ ...dataset, '@type': 'Dataset', includedInDataCatalog: { url: catalogue?.url } });
        const fields = full?.variableMeasured as Expanded[];
        expect(fields.length).toBeGreaterThan(3);
        for (const field of fields) expect(String(field.description), `${String(dataset.name)}.${String(field.name)}`).not.toBe('');
        for (const url of [...downloads, new URL(String((dataset.subjectOf as Expanded).url)).pathname]) expect((await fetch(`${origin}${url}`)).status, url).toBe(200);
      }
    }
  });

  it('a station page gives its holiday hours and closures as OpeningHoursSpecifications, a closed day as 00:00–00:00', async () => {
    for (const [path, lang] of [[`/${STATION_WITH_HOURS_EXCEPTIONS}/`, 'zh'], [`/en/${STATION_WITH_HOURS_EXCEPTIONS}/`, 'en']] as const) {
      const [station] = (await pageJsonLd(path)) as Expanded[];
      const expected = HOURS_EXCEPTIONS.map((e) => ({
        '@type': 'OpeningHoursSpecification',
        validFrom: e.startsOn,
        validThrough: e.endsOn,
        opens: e.closed ? '00:00' : e.opens,
        closes: e.closed ? '00:00' : e.closes,
        description: lang === 'en' && e.noteEn ? e.noteEn : e.noteZh,
      }));
      expect(station?.specialOpeningHoursSpecification, path).toEqual(expected);
      const expanded = (await jsonld.expand(station as JsonLdDocument, { documentLoader })) as unknown as Expanded[];
      const specs = expanded[0]?.[`${SCHEMA}specialOpeningHoursSpecification`] as Expanded[];
      expect(specs.map((spec) => [spec['@type'], (spec[`${SCHEMA}validFrom`] as Expanded[])[0]?.['@value']])).toEqual(
        HOURS_EXCEPTIONS.map((e) => [[`${SCHEMA}OpeningHoursSpecification`], e.startsOn]),
      );
    }
    const [withoutAny] = (await pageJsonLd('/toutunhe/')) as Expanded[];
    expect(withoutAny).not.toHaveProperty('specialOpeningHoursSpecification');
  });
});

const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';

describe('the DCAT-AP 3 catalogue', () => {
  it('is linked from every open-data page', async () => {
    for (const path of ['/open-data/', '/en/open-data/', '/open-data/stations/', '/en/open-data/stations/', '/open-data/calendar/', '/en/open-data/calendar/', '/open-data/api/']) {
      const html = await (await fetch(`${origin}${path}`)).text();
      expect(html, path).toContain('<link rel="alternate" type="application/ld+json" href="/data/catalog.jsonld"');
    }
  });

  it('expands (inline context, no network) to a catalogue whose every dataset has what DCAT-AP asks, and whose landing pages and distributions are all published', async () => {
    const response = await fetch(`${origin}/data/catalog.jsonld`);
    expect(response.status).toBe(200);
    const expanded = (await jsonld.expand((await response.json()) as JsonLdDocument, { documentLoader })) as unknown as Expanded[];
    const catalogue = expanded.find((n) => (n['@type'] as string[]).includes(`${DCAT}Catalog`));
    if (!catalogue) throw new Error('no dcat:Catalog');
    const datasets = catalogue[`${DCAT}dataset`] as Expanded[];
    const tables = datasets.filter((d) => (d['@type'] as string[]).includes(`${DCAT}Dataset`) && !d[`${DCAT}inSeries`]);
    expect(tables.length).toBeGreaterThan(10);
    for (const dataset of tables) {
      for (const property of [`${DCT}title`, `${DCT}description`, `${DCT}publisher`, `${DCAT}contactPoint`, `${DCT}license`, `${DCT}temporal`, `${DCT}spatial`, `${DCT}modified`, `${DCAT}distribution`]) {
        expect(dataset[property], `${String(dataset['@id'])} ${property}`).toBeDefined();
      }
      const landingPage = ((dataset[`${DCAT}landingPage`] as Expanded[])[0] as Expanded)['@id'] as string;
      expect(new URL(landingPage).pathname).toBe(`/open-data/${String(((dataset[`${DCT}identifier`] as Expanded[])[0] as Expanded)['@value'])}/`);
      expect((await fetch(`${origin}${new URL(landingPage).pathname}`)).status, landingPage).toBe(200);
      for (const distribution of dataset[`${DCAT}distribution`] as Expanded[]) {
        const url = ((distribution[`${DCAT}downloadURL`] as Expanded[])[0] as Expanded)['@id'] as string;
        expect((await fetch(`${origin}${new URL(url).pathname}`)).status, url).toBe(200);
      }
    }
    const series = datasets.find((d) => (d['@type'] as string[]).includes(`${DCAT}DatasetSeries`));
    if (!series) throw new Error('no dcat:DatasetSeries');
    const releases = datasets.filter((d) => ((d[`${DCAT}inSeries`] as Expanded[] | undefined)?.[0] as Expanded | undefined)?.['@id'] === series['@id']);
    expect(releases.length).toBeGreaterThan(4);
    for (const release of releases) expect(release[`${DCT}temporal`]).toBeDefined();
  });
});
