import { createHash } from 'node:crypto';
import { localePath } from '@openstation/site/i18n';
import type { Service } from '../data/services.ts';
import { plain } from '@openstation/site/localized';
import type { SiteData, StationBundle } from './site-data.ts';

/**
 * The service guide as Open Referral HSDS 3 (Human Services Data Specification) services, so a
 * town's service directory can import a station's items; fields HSDS lacks (the promised time
 * limit, the legal basis of the fee, the version in force) are the OpenStation profile's.
 */
export const HSDS_PATH = '/data/hsds/services.json';
export const HSDS_PROFILE_PATH = '/data/hsds/profile.json';

/** The profile's fields on an HSDS `service`, with what they hold: the schema published at HSDS_PROFILE_PATH. */
export const PROFILE_FIELDS = {
  time_limit_days: { type: ['integer', 'null'], description: 'The promised time limit (办理时限) in working days, when the station gives one as a number.' },
  time_limit_description: { type: 'string', description: 'The promised time limit as the station words it (zh).' },
  fee_legal_basis: { type: ['string', 'null'], description: 'The legal basis of the fee (收费依据), when there is a fee.' },
  effective_from: { type: 'string', format: 'date', description: 'The day this version of the item came into force.' },
  version: { type: 'integer', description: 'The item\'s version: a new one each time the station changes it.' },
} as const;

/**
 * A name-based UUID (version 5, RFC 9562 §5.5): HSDS ids are UUIDs, and these stay the same from
 * one build to the next. Five lines of node:crypto rather than a dependency.
 */
export function uuidFor(name: string): string {
  const hash = createHash('sha1').update(`openstation:${name}`).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function organization(bundle: StationBundle, site: URL) {
  const { station } = bundle;
  const id = uuidFor(`station/${station.slug}`);
  return {
    id,
    name: station.name.zh,
    alternate_name: station.name.en,
    description: station.summary.zh,
    website: new URL(`/${station.slug}/`, site).href,
    phones: [{ id: uuidFor(`station/${station.slug}/phone`), organization_id: id, number: station.dutyPhone, type: 'voice', description: '值班电话' }],
  };
}

function service(item: Service, bundle: StationBundle, site: URL) {
  const id = uuidFor(`service/${bundle.station.slug}/${item.slug}`);
  const org = organization(bundle, site);
  const locationId = uuidFor(`service/${bundle.station.slug}/${item.slug}/location`);
  return {
    id,
    organization_id: org.id,
    name: item.title.zh,
    alternate_name: item.title.en,
    description: item.conditions.zh,
    url: new URL(localePath('zh', `/${bundle.station.slug}/services/${item.slug}/`), site).href,
    status: 'active',
    eligibility_description: item.conditions.zh,
    application_process: item.steps.zh.map((step, i) => `${i + 1}. ${step}`).join('\n'),
    fees_description: item.fee.zh,
    last_modified: `${item.effectiveFrom}T00:00:00Z`,
    organization: org,
    required_documents: item.materials.zh.map((document, i) => ({ id: uuidFor(`service/${bundle.station.slug}/${item.slug}/document/${i}`), service_id: id, document })),
    schedules: [{ id: uuidFor(`service/${bundle.station.slug}/${item.slug}/schedule`), service_id: id, description: item.hours.zh }],
    languages: [
      { id: uuidFor(`service/${bundle.station.slug}/${item.slug}/language/zh`), service_id: id, name: '中文', code: 'zh' },
      ...(item.title.en ? [{ id: uuidFor(`service/${bundle.station.slug}/${item.slug}/language/en`), service_id: id, name: 'English', code: 'en' }] : []),
    ],
    service_at_locations: [
      {
        id: uuidFor(`service/${bundle.station.slug}/${item.slug}/at`),
        service_id: id,
        location_id: locationId,
        location: {
          id: locationId,
          location_type: 'physical',
          name: plain(item.location, 'zh'),
          addresses: [{ id: uuidFor(`service/${bundle.station.slug}/${item.slug}/address`), location_id: locationId, address_1: bundle.station.address.zh, city: '', region: bundle.station.region.zh, state_province: '', postal_code: '', country: 'CN', address_type: 'physical' }],
        },
      },
    ],
    time_limit_days: item.timeLimitDays,
    time_limit_description: item.timeLimit.zh,
    fee_legal_basis: item.feeBasis?.zh ?? null,
    effective_from: item.effectiveFrom,
    version: item.version,
  };
}

/** Every service item of every station, as HSDS 3 services with the OpenStation profile's fields. */
export function hsdsServices(data: SiteData, site: URL) {
  return data.stations.flatMap((bundle) => bundle.services.map((item) => service(item, bundle, site)));
}

/** The OpenStation HSDS profile: a JSON Schema of the fields it adds to HSDS 3's `service`. */
export function hsdsProfile(site: URL) {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: new URL(HSDS_PROFILE_PATH, site).href,
    title: 'OpenStation profile of HSDS 3.0: service',
    description: 'HSDS 3.0 service objects with what a Chinese police service guide (办事指南) must publish and HSDS lacks: time limit and legal basis of the fee.',
    type: 'object',
    properties: PROFILE_FIELDS,
    required: Object.keys(PROFILE_FIELDS),
  };
}
