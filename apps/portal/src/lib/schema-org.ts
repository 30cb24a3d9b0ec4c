import type { DataCatalog, Dataset, GovernmentService, PoliceStation, WithContext } from 'schema-dts';
import { type Lang, label, localePath, t } from '@openstation/site/i18n';
import type { Service } from '../data/services.ts';
import { specialOpeningHours } from './hours-exceptions.ts';
import { pickList, plain } from '@openstation/site/localized';
import { csvMetadataPath } from './csvw.ts';
import { fieldMeaning } from './field-meaning.ts';
import { TABLES, type Table } from './open-data.ts';
import { tablePagePath } from './open-data-paths.ts';
import type { StationBundle } from './site-data.ts';
import type { TableFacts } from './table-pages.ts';

/**
 * schema.org JSON-LD for search engines and harvesters, typed with schema-dts (the vocabulary
 * as TypeScript types, so a property schema.org does not define fails the type check).
 */

/** The licence every published table is under (data.licenceText). */
export const LICENCE_URL = 'https://opendatacommons.org/licenses/by/1-0/';

const stationId = (slug: string, site: URL) => new URL(`/${slug}/#station`, site).href;

/** The `<script type="application/ld+json">` text of a JSON-LD object: `<` escaped so it cannot end the script. */
export function jsonLdScript(value: object): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** 派出所 as a schema.org PoliceStation: name, address, telephone, opening hours and their dated exceptions, jurisdiction. */
export function policeStation(bundle: StationBundle, lang: Lang, site: URL): WithContext<PoliceStation> {
  const { station } = bundle;
  return {
    '@context': 'https://schema.org',
    '@type': 'PoliceStation',
    '@id': stationId(station.slug, site),
    name: plain(station.name, lang),
    ...(station.name.en && lang === 'zh' ? { alternateName: station.name.en } : {}),
    url: new URL(localePath(lang, `/${station.slug}/`), site).href,
    description: plain(station.summary, lang),
    address: { '@type': 'PostalAddress', streetAddress: plain(station.address, lang), addressRegion: plain(station.region, lang), addressCountry: 'CN' },
    telephone: station.dutyPhone,
    // The hours are the station's own words (e.g. 24 hours, or the window's hours), not a machine
    // format, so they go in openingHours as text rather than an OpeningHoursSpecification.
    openingHours: plain(station.openingHours, lang),
    // Holiday hours and closures on given days are exact, so they are machine-readable.
    ...(station.hoursExceptions.length > 0 ? { specialOpeningHoursSpecification: station.hoursExceptions.map((e) => specialOpeningHours(e, lang)) } : {}),
    areaServed: { '@type': 'AdministrativeArea', name: plain(station.region, lang) },
    parentOrganization: { '@type': 'GovernmentOrganization', name: plain(station.bureau, lang) },
  };
}

/** An item of the service guide as a schema.org GovernmentService: time limit, fee and its basis, documents. */
export function governmentService(item: Service, bundle: StationBundle, lang: Lang, site: URL): WithContext<GovernmentService> {
  const materials = pickList(item.materials, lang).value.join('; ');
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: plain(item.title, lang),
    url: new URL(localePath(lang, `/${bundle.station.slug}/services/${item.slug}/`), site).href,
    serviceType: label(lang, 'service', item.category),
    description: plain(item.conditions, lang),
    provider: { '@type': 'PoliceStation', '@id': stationId(bundle.station.slug, site), name: plain(bundle.station.name, lang) },
    areaServed: { '@type': 'AdministrativeArea', name: plain(bundle.station.region, lang) },
    // schema.org has no property for the documents an applicant brings: they are part of the terms.
    termsOfService: `${t(lang, 'services.materials')}: ${materials}`,
    // The fee is text (free, or an amount and its legal basis), not a price to parse.
    offers: { '@type': 'Offer', description: item.feeBasis ? `${plain(item.fee, lang)} (${plain(item.feeBasis, lang)})` : plain(item.fee, lang) },
    availableChannel: {
      '@type': 'ServiceChannel',
      name: plain(item.location, lang),
      ...(item.timeLimitDays !== null ? { processingTime: `P${item.timeLimitDays}D` } : {}),
      serviceLocation: { '@type': 'Place', name: plain(item.location, lang), address: plain(bundle.station.address, lang) },
      ...(item.onlineUrl ? { serviceUrl: item.onlineUrl } : {}),
      availableLanguage: lang === 'zh' ? 'zh-CN' : 'en',
    },
  };
}

/** A table as a schema.org Dataset, as the catalogue lists it: its page, downloads and CSVW metadata. */
function datasetSummary(table: Table, lang: Lang, site: URL): Dataset {
  const page = new URL(localePath(lang, tablePagePath(table.name)), site).href;
  const metadata = new URL(csvMetadataPath(table), site).href;
  return {
    '@type': 'Dataset',
    '@id': new URL(`/data/${table.name}#dataset`, site).href,
    name: table.name,
    // The meanings stand on the table's page (in its Dataset too) and in the CSVW metadata:
    // every table's, repeated on the open-data page, put it over the page budget.
    description: t(lang, 'data.datasetColumns', { columns: table.fields.map((field) => field.name).join(', '), page, metadata }),
    url: page,
    license: LICENCE_URL,
    distribution: [
      { '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl: new URL(`/data/${table.name}.csv`, site).href },
      { '@type': 'DataDownload', encodingFormat: 'application/json', contentUrl: new URL(`/data/${table.name}.json`, site).href },
    ],
    // The machine-readable dictionary describes the CSV: a work about the dataset, not a copy of it.
    subjectOf: { '@type': 'CreativeWork', name: `${table.name}.csv-metadata.json`, encodingFormat: 'application/csvm+json', url: metadata },
  };
}

/** The open-data page as a schema.org DataCatalog: each table's Dataset in brief, pointing to its own page. */
export function dataCatalog(lang: Lang, site: URL): WithContext<DataCatalog> {
  return {
    '@context': 'https://schema.org',
    '@type': 'DataCatalog',
    name: t(lang, 'data.title'),
    description: t(lang, 'data.intro'),
    url: new URL(localePath(lang, '/open-data/'), site).href,
    license: LICENCE_URL,
    dataset: TABLES.map((table) => datasetSummary(table, lang, site)),
  };
}

/** A table's own page as a schema.org Dataset: the catalogue's entry, and what each column means, the days covered, the build day. */
export function tableDataset(table: Table, facts: Pick<TableFacts, 'dates' | 'modified'>, lang: Lang, site: URL): WithContext<Dataset> {
  return {
    '@context': 'https://schema.org',
    ...datasetSummary(table, lang, site),
    isAccessibleForFree: true,
    inLanguage: ['zh-CN', 'en'],
    dateModified: facts.modified,
    ...(facts.dates ? { temporalCoverage: `${facts.dates.start}/${facts.dates.end}` } : {}),
    creator: { '@type': 'Organization', name: t(lang, 'site.name') },
    variableMeasured: table.fields.map((field) => ({ '@type': 'PropertyValue', name: field.name, description: fieldMeaning(field, lang), ...(field.unit ? { unitText: t(lang, field.unit) } : {}) })),
    includedInDataCatalog: { '@type': 'DataCatalog', name: t(lang, 'data.title'), url: new URL(localePath(lang, '/open-data/'), site).href },
  };
}
