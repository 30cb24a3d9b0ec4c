import { defineCollection } from 'astro:content';
import {
  apiSourceFromEnv,
  loadAreas,
  loadEvents,
  loadMediation,
  loadMetrics,
  loadOfficers,
  loadReports,
  loadServices,
  loadStations,
  loadSurveyResults,
  loadSurveys,
} from './data/index.ts';
import { Area } from './data/areas.ts';
import { Event } from './data/events.ts';
import { Mediation } from './data/mediation.ts';
import { Metric } from './data/metrics.ts';
import { Officer } from './data/officers.ts';
import { Report } from './data/reports.ts';
import { Service } from './data/services.ts';
import { Station } from './data/stations.ts';
import { SurveyResults } from './data/survey-results.ts';
import { Survey } from './data/surveys.ts';

const source = apiSourceFromEnv();

export const collections = {
  stations: defineCollection({ loader: () => loadStations(source), schema: Station }),
  areas: defineCollection({ loader: () => loadAreas(source), schema: Area.omit({ id: true }) }),
  officers: defineCollection({ loader: () => loadOfficers(source), schema: Officer.omit({ id: true }) }),
  reports: defineCollection({ loader: () => loadReports(source), schema: Report.omit({ id: true }) }),
  services: defineCollection({ loader: () => loadServices(source), schema: Service.omit({ id: true }) }),
  events: defineCollection({ loader: () => loadEvents(source), schema: Event.omit({ id: true }) }),
  metrics: defineCollection({ loader: () => loadMetrics(source), schema: Metric }),
  surveys: defineCollection({ loader: () => loadSurveys(source), schema: Survey }),
  surveyResults: defineCollection({
    loader: async () => loadSurveyResults(source, (await loadSurveys(source)).filter((c) => c.phase === 'CLOSED').map((c) => c.id)),
    schema: SurveyResults,
  }),
  mediation: defineCollection({
    loader: async () => loadMediation(source, (await loadStations(source)).map((s) => s.slug)),
    schema: Mediation.omit({ id: true }),
  }),
};
