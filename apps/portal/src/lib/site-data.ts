import { getCollection } from 'astro:content';
import type { Area } from '../data/areas.ts';
import type { Event } from '../data/events.ts';
import type { Mediation } from '../data/mediation.ts';
import type { Metric } from '../data/metrics.ts';
import type { Officer } from '../data/officers.ts';
import type { Report } from '../data/reports.ts';
import type { Service } from '../data/services.ts';
import type { Station } from '../data/stations.ts';
import type { SurveyResults } from '../data/survey-results.ts';
import type { Survey } from '../data/surveys.ts';
import { buildDate, isOverdue } from './overdue.ts';

/** One station and everything published about it, grouped once for all pages. */
export interface StationBundle {
  station: Station;
  areas: Area[];
  officers: Officer[];
  /** Officers of each area, responsible officer first. */
  officersByArea: Map<string, Officer[]>;
  /** Officers serving no particular area (director, case officers …). */
  unassigned: Officer[];
  /** Newest first. */
  reports: Report[];
  services: Service[];
  events: Event[];
  mediation: Mediation | null;
  overdue: boolean;
  /** The survey taking answers at build time, if any. */
  openSurvey: Survey | null;
  /** The next survey that has not opened yet, if one is published. */
  nextSurvey: Survey | null;
  /** The most recently closed survey, whose results are public. */
  lastClosedSurvey: Survey | null;
  /** The results of {@link lastClosedSurvey}. */
  lastResults: SurveyResults | null;
  /** The campaign {@link lastResults} measures changes from, with its results, if any. */
  previous: ClosedSurvey | null;
  /** Every closed survey with published results, newest first. */
  closedSurveys: ClosedSurvey[];
}

/** A closed survey and its published aggregates. */
export interface ClosedSurvey {
  survey: Survey;
  results: SurveyResults;
}

export interface SiteData {
  stations: StationBundle[];
  bySlug: Map<string, StationBundle>;
  metrics: Map<string, Metric>;
  today: Date;
}

const ROLE_ORDER = ['DIRECTOR', 'DEPUTY_DIRECTOR', 'COMMUNITY_OFFICER', 'CASE_OFFICER', 'MEDIATOR', 'AUXILIARY_OFFICER', 'GRID_WORKER'];

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

async function load(): Promise<SiteData> {
  const [stations, areas, officers, reports, services, events, metrics, mediation, surveys, surveyResults] = await Promise.all([
    getCollection('stations'),
    getCollection('areas'),
    getCollection('officers'),
    getCollection('reports'),
    getCollection('services'),
    getCollection('events'),
    getCollection('metrics'),
    getCollection('mediation'),
    getCollection('surveys'),
    getCollection('surveyResults'),
  ]);
  const today = buildDate();
  const areasBy = groupBy(areas.map((e) => ({ ...e.data, id: e.id })), (a) => a.stationSlug);
  const officersBy = groupBy(officers.map((e) => ({ ...e.data, id: e.id })), (o) => o.stationSlug);
  const reportsBy = groupBy(reports.map((e) => ({ ...e.data, id: e.id })), (r) => r.stationSlug);
  const servicesBy = groupBy(services.map((e) => ({ ...e.data, id: e.id })), (s) => s.stationSlug);
  const eventsBy = groupBy(events.map((e) => ({ ...e.data, id: e.id })), (e) => e.stationSlug);
  const surveysBy = groupBy(surveys.map((e) => e.data), (c) => c.stationSlug);
  const resultsBy = new Map(surveyResults.map((e) => [e.id, e.data]));
  const mediationBy = new Map(mediation.map((e) => [e.id, { ...e.data, id: e.id }]));
  const rank = (o: Officer) => ROLE_ORDER.indexOf(o.role);

  const bundles = stations.map(({ data: station }): StationBundle => {
    const stationOfficers = (officersBy.get(station.slug) ?? []).sort((a, b) => rank(a) - rank(b) || Number(a.id) - Number(b.id));
    const officersByArea = new Map<string, Officer[]>();
    for (const officer of stationOfficers) {
      for (const assignment of officer.assignments) {
        const list = officersByArea.get(assignment.areaId) ?? [];
        list.push(officer);
        officersByArea.set(assignment.areaId, list);
      }
    }
    for (const [areaId, list] of officersByArea) {
      const primary = (o: Officer) => (o.assignments.some((a) => a.areaId === areaId && a.isPrimary) ? 0 : 1);
      list.sort((a, b) => primary(a) - primary(b) || rank(a) - rank(b));
    }
    const stationReports = (reportsBy.get(station.slug) ?? []).sort((a, b) => b.year - a.year || b.quarter - a.quarter);
    const latest = stationReports[0];
    const stationSurveys = surveysBy.get(station.slug) ?? [];
    const inPhase = (phase: Survey['phase']) => stationSurveys.filter((c) => c.phase === phase);
    const closed = inPhase('CLOSED').sort((a, b) => b.closesOn.localeCompare(a.closesOn));
    const lastClosedSurvey = closed[0] ?? null;
    const closedSurveys = closed.flatMap((survey) => {
      const results = resultsBy.get(survey.campaignId);
      return results ? [{ survey, results }] : [];
    });
    const lastResults = lastClosedSurvey ? (resultsBy.get(lastClosedSurvey.campaignId) ?? null) : null;
    const previousId = lastResults?.previousCampaign?.id;
    return {
      station,
      areas: (areasBy.get(station.slug) ?? []).sort((a, b) => Number(a.id) - Number(b.id)),
      officers: stationOfficers,
      officersByArea,
      unassigned: stationOfficers.filter((o) => o.assignments.length === 0),
      reports: stationReports,
      services: servicesBy.get(station.slug) ?? [],
      events: (eventsBy.get(station.slug) ?? []).sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
      mediation: mediationBy.get(station.slug) ?? null,
      overdue: isOverdue(latest ? { year: latest.year, quarter: latest.quarter } : null, today),
      openSurvey: inPhase('OPEN').sort((a, b) => b.opensOn.localeCompare(a.opensOn))[0] ?? null,
      nextSurvey: inPhase('NOT_YET_OPEN').sort((a, b) => a.opensOn.localeCompare(b.opensOn))[0] ?? null,
      lastClosedSurvey,
      lastResults,
      previous: closedSurveys.find((c) => c.survey.campaignId === previousId) ?? null,
      closedSurveys,
    };
  });
  return {
    stations: bundles,
    bySlug: new Map(bundles.map((b) => [b.station.slug, b])),
    metrics: new Map(metrics.map((e) => [e.id, e.data])),
    today,
  };
}

let cached: Promise<SiteData> | null = null;

/** All published data, loaded from the content collections once per build. */
export function siteData(): Promise<SiteData> {
  cached ??= load();
  return cached;
}

/** The station bundle of a page, or an error naming the missing slug. */
export async function stationBundle(slug: string): Promise<StationBundle> {
  const bundle = (await siteData()).bySlug.get(slug);
  if (!bundle) throw new Error(`No station "${slug}" in the loaded data.`);
  return bundle;
}
