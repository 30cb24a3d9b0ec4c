import type { UiKey } from '@openstation/site/i18n';
import type { SiteData } from './site-data.ts';
import { SURVEY_CAMPAIGNS, SURVEY_RESULTS } from './survey-open-data.ts';

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

/** A field of a published table; its meaning is the UI string `field.<name>`. */
export interface Field {
  name: string;
  unit?: UiKey;
}

export interface Table {
  name: string;
  fields: Field[];
  rows: (data: SiteData) => Row[];
}

const f = (name: string, unit?: UiKey): Field => (unit ? { name, unit } : { name });

/** Every table the portal publishes, one row per published record. */
export const TABLES: Table[] = [
  {
    name: 'stations',
    fields: [f('station_slug'), f('name_zh'), f('name_en'), f('bureau_zh'), f('address_zh'), f('duty_phone'), f('area_km2', 'unit.km2'), f('population', 'unit.people'), f('households', 'unit.households'), f('registered_units', 'unit.units'), f('police_officers', 'unit.people'), f('auxiliary_officers', 'unit.people'), f('grid_workers', 'unit.people')],
    rows: (d) =>
      d.stations.map(({ station: s }) => ({
        station_slug: s.slug, name_zh: s.name.zh, name_en: s.name.en, bureau_zh: s.bureau.zh, address_zh: s.address.zh, duty_phone: s.dutyPhone,
        area_km2: s.areaKm2, population: s.population, households: s.households, registered_units: s.registeredUnits,
        police_officers: s.policeOfficers, auxiliary_officers: s.auxiliaryOfficers, grid_workers: s.gridWorkers,
      })),
  },
  {
    name: 'areas',
    fields: [f('area_id'), f('station_slug'), f('kind'), f('name_zh'), f('name_en'), f('households', 'unit.households'), f('population', 'unit.people'), f('grid_count', 'unit.grids')],
    rows: (d) =>
      d.stations.flatMap((b) =>
        b.areas.map((a) => ({ area_id: a.id, station_slug: a.stationSlug, kind: a.kind, name_zh: a.name.zh, name_en: a.name.en, households: a.households, population: a.population, grid_count: a.gridCount })),
      ),
  },
  {
    name: 'officers',
    fields: [f('officer_id'), f('station_slug'), f('role'), f('name_zh'), f('name_en'), f('badge_number'), f('duty_phone'), f('contact_hours_zh'), f('last_verified_on', 'unit.date'), f('area_ids'), f('is_demo')],
    rows: (d) =>
      d.stations.flatMap((b) =>
        b.officers.map((o) => ({
          officer_id: o.id, station_slug: o.stationSlug, role: o.role, name_zh: o.name.zh, name_en: o.name.en, badge_number: o.badgeNumber,
          duty_phone: o.dutyPhone, contact_hours_zh: o.contactHours?.zh ?? null, last_verified_on: o.lastVerifiedOn,
          area_ids: o.assignments.map((a) => a.areaId).join(' '), is_demo: o.isDemo,
        })),
      ),
  },
  {
    name: 'reports',
    fields: [f('station_slug'), f('period'), f('year'), f('quarter'), f('revision'), f('published_at', 'unit.datetime'), f('title_zh'), f('title_en'), f('summary_zh')],
    rows: (d) =>
      d.stations.flatMap((b) =>
        b.reports.map((r) => ({ station_slug: r.stationSlug, period: r.period, year: r.year, quarter: r.quarter, revision: r.revision, published_at: r.publishedAt, title_zh: r.title.zh, title_en: r.title.en, summary_zh: r.summary.zh })),
      ),
  },
  {
    name: 'report_metrics',
    fields: [f('station_slug'), f('period'), f('metric_key'), f('value'), f('same_quarter_last_year'), f('change_percent', 'unit.percent')],
    rows: (d) =>
      d.stations.flatMap((b) =>
        b.reports.flatMap((r) =>
          r.metrics.map((m) => ({ station_slug: r.stationSlug, period: r.period, metric_key: m.metric.key, value: m.value, same_quarter_last_year: m.sameQuarterLastYear, change_percent: m.changePercent })),
        ),
      ),
  },
  {
    name: 'report_priorities',
    fields: [f('station_slug'), f('period'), f('position'), f('issue_zh'), f('raised_on', 'unit.date'), f('action_zh'), f('action_on', 'unit.date')],
    rows: (d) =>
      d.stations.flatMap((b) =>
        b.reports.flatMap((r) =>
          r.priorities.map((p) => ({ station_slug: r.stationSlug, period: r.period, position: p.position, issue_zh: p.issue.zh, raised_on: p.raisedOn, action_zh: p.action?.zh ?? null, action_on: p.actionOn })),
        ),
      ),
  },
  {
    name: 'metrics',
    fields: [f('metric_key'), f('name_zh'), f('name_en'), f('unit_zh'), f('unit_en'), f('definition_zh'), f('definition_en'), f('higher_is_better')],
    rows: (d) =>
      [...d.metrics.values()].map((m) => ({ metric_key: m.key, name_zh: m.name.zh, name_en: m.name.en, unit_zh: m.unit.zh, unit_en: m.unit.en, definition_zh: m.definition.zh, definition_en: m.definition.en, higher_is_better: m.higherIsBetter })),
  },
  {
    name: 'service_items',
    fields: [f('station_slug'), f('service_slug'), f('category'), f('title_zh'), f('title_en'), f('time_limit_days', 'unit.days'), f('fee_zh'), f('fee_basis_zh'), f('effective_from', 'unit.date'), f('version')],
    rows: (d) =>
      d.stations.flatMap((b) =>
        b.services.map((s) => ({ station_slug: s.stationSlug, service_slug: s.slug, category: s.category, title_zh: s.title.zh, title_en: s.title.en, time_limit_days: s.timeLimitDays, fee_zh: s.fee.zh, fee_basis_zh: s.feeBasis?.zh ?? null, effective_from: s.effectiveFrom, version: s.version })),
      ),
  },
  {
    name: 'mediation_quarterly',
    fields: [f('station_slug'), f('year'), f('quarter'), f('received', 'unit.disputes'), f('closed', 'unit.disputes'), f('resolved', 'unit.disputes'), f('success_rate', 'unit.ratio')],
    rows: (d) =>
      d.stations.flatMap((b) =>
        (b.mediation?.byQuarter ?? []).map((r) => ({ station_slug: b.station.slug, year: r.year, quarter: r.quarter, received: r.received, closed: r.closed, resolved: r.resolved, success_rate: r.successRate })),
      ),
  },
  {
    name: 'mediation_by_category',
    fields: [f('station_slug'), f('year'), f('category'), f('received', 'unit.disputes'), f('closed', 'unit.disputes'), f('resolved', 'unit.disputes'), f('success_rate', 'unit.ratio')],
    rows: (d) =>
      d.stations.flatMap((b) =>
        (b.mediation?.byCategory ?? []).map((r) => ({ station_slug: b.station.slug, year: r.year, category: r.category, received: r.received, closed: r.closed, resolved: r.resolved, success_rate: r.successRate })),
      ),
  },
  {
    name: 'events',
    fields: [f('station_slug'), f('event_id'), f('kind'), f('title_zh'), f('title_en'), f('starts_at', 'unit.datetime'), f('ends_at', 'unit.datetime'), f('location_zh')],
    rows: (d) =>
      d.stations.flatMap((b) =>
        b.events.map((e) => ({ station_slug: e.stationSlug, event_id: e.id, kind: e.kind, title_zh: e.title.zh, title_en: e.title.en, starts_at: e.startsAt, ends_at: e.endsAt, location_zh: e.location.zh })),
      ),
  },
  {
    name: 'volunteer_teams',
    fields: [f('station_slug'), f('name_zh'), f('name_en'), f('member_count', 'unit.people'), f('founded_year')],
    rows: (d) =>
      d.stations.flatMap((b) =>
        b.station.volunteerTeams.map((v) => ({ station_slug: b.station.slug, name_zh: v.name.zh, name_en: v.name.en, member_count: v.memberCount, founded_year: v.foundedYear })),
      ),
  },
  SURVEY_CAMPAIGNS,
  SURVEY_RESULTS,
];

function csvCell(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with a UTF-8 byte order mark, so spreadsheet programs read the Chinese text. */
export function toCsv(table: Table, rows: Row[]): string {
  const header = table.fields.map((field) => field.name);
  const lines = [header.join(','), ...rows.map((row) => header.map((name) => csvCell(row[name] ?? null)).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
