import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import {
  apiSourceFromEnv,
  loadAreas,
  loadEvents,
  loadMediation,
  loadMetrics,
  loadOfficers,
  loadReleaseCalendar,
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
import { Release } from './data/release-calendar.ts';
import { Report } from './data/reports.ts';
import { Service } from './data/services.ts';
import { Station } from './data/stations.ts';
import { SurveyResults } from './data/survey-results.ts';
import { Survey } from './data/surveys.ts';
import { buildDate } from './lib/overdue.ts';

const source = apiSourceFromEnv();

/**
 * A glob loader over repository documents that fails the build when one does not render
 * (the glob loader only logs it): e.g. a link the portal cannot publish (src/lib/doc-links.ts).
 */
function repositoryDocs(base: string, pattern: string[]): Loader {
  const inner = glob({ base, pattern });
  return {
    name: 'repository-docs',
    load: async (context) => {
      await inner.load(context);
      for (const file of pattern) {
        const id = file.replace(/\.md$/, '').toLowerCase();
        if (!context.store.has(id)) throw new Error(`${base}/${file} was not found; the portal publishes it (the ${context.collection} collection).`);
        if (!context.store.get(id)?.rendered) {
          throw new Error(`${base}/${file} could not be rendered; see "Error rendering" above (a link the portal cannot publish fails the build: apps/portal/src/lib/doc-links.ts).`);
        }
      }
    },
  };
}

export const collections = {
  /** Hours exceptions as of the build day: PORTAL_TODAY when set, else today in China (the API's default). */
  stations: defineCollection({ loader: () => loadStations(source, process.env.PORTAL_TODAY ?? null), schema: Station }),
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
  /** docs/partners.md, errors.md and content-rules.md, rendered at /open-data/api/ (ids `partners`, `errors`, `content-rules`). */
  docs: defineCollection({ loader: repositoryDocs('../../docs', ['partners.md', 'errors.md', 'content-rules.md']) }),
  /** apps/api/CHANGELOG.md, rendered at /open-data/api/changelog/ (id `changelog`). */
  apiChangelog: defineCollection({ loader: repositoryDocs('../../apps/api', ['CHANGELOG.md']) }),
  /** Each station's next report and survey and their due days, as of the build day (PORTAL_TODAY). */
  releaseCalendar: defineCollection({
    loader: () => loadReleaseCalendar(source, buildDate().toISOString().slice(0, 10)),
    schema: Release,
  }),
  mediation: defineCollection({
    loader: async () => loadMediation(source, (await loadStations(source)).map((s) => s.slug)),
    schema: Mediation.omit({ id: true }),
  }),
};
