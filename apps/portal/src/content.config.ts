import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import {
  type ApiSource,
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
import { inParallel, markLoaded, staleStations, StoreTogether, storeEntries } from './data/incremental.ts';
import { buildDate } from './lib/overdue.ts';

const source = apiSourceFromEnv();

/** Each station's queries of an incremental build, a few at a time. */
const PARALLEL = 4;

/** Every loader that reads the API: they update the data store together, once all have fetched. */
const together = new StoreTogether();

/** Loaded once per build, though two collections need them. */
/** Hours exceptions as of the build day: PORTAL_TODAY when set, else today in China (the API's default). */
const stations = once(() => loadStations(source, process.env.PORTAL_TODAY ?? null));
const surveys = once(() => loadSurveys(source));

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | null = null;
  return () => (loaded ??= load());
}

/** A collection of entries that belong to one station each, fetched per changed station in an incremental build. */
function perStation<T extends { id: string }>(name: string, load: (source: ApiSource, stationSlug?: string) => Promise<T[]>): Loader {
  return together.stationScoped(source, {
    name,
    all: () => load(source),
    ofStations: async (slugs) => (await inParallel(slugs, PARALLEL, (slug) => load(source, slug))).flat(),
    stationOf: (data) => data.stationSlug as string,
  });
}

/**
 * The published results of closed surveys: those of the changed stations' campaigns (and of
 * campaigns closed since the last build) fetched, the others kept from the previous build.
 */
function surveyResultsLoader(): Loader {
  return together.loader('survey-results', async (context) => {
    const closed = (await surveys()).filter((c) => c.phase === 'CLOSED');
    const stale = staleStations(context, source);
    const kept = new Set(closed.filter((c) => stale !== null && !stale.includes(c.stationSlug) && context.store.has(c.id)).map((c) => c.id));
    const fetched = await loadSurveyResults(source, closed.filter((c) => !kept.has(c.id)).map((c) => c.id));
    return async () => {
      for (const id of context.store.keys()) if (!kept.has(id)) context.store.delete(id);
      await storeEntries(context, fetched);
      markLoaded(context, source);
    };
  });
}

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
  // Small, or changing with the date (events end, surveys open and close, hours exceptions pass): fetched whole every build.
  stations: defineCollection({ loader: together.whole('stations', stations), schema: Station }),
  events: defineCollection({ loader: together.whole('events', () => loadEvents(source)), schema: Event.omit({ id: true }) }),
  metrics: defineCollection({ loader: together.whole('metrics', () => loadMetrics(source)), schema: Metric }),
  surveys: defineCollection({ loader: together.whole('surveys', surveys), schema: Survey }),
  // The bulk of the data: an incremental build fetches only the changed stations' entries.
  areas: defineCollection({ loader: perStation('areas', loadAreas), schema: Area.omit({ id: true }) }),
  officers: defineCollection({ loader: perStation('officers', loadOfficers), schema: Officer.omit({ id: true }) }),
  reports: defineCollection({ loader: perStation('reports', loadReports), schema: Report.omit({ id: true }) }),
  services: defineCollection({ loader: perStation('services', loadServices), schema: Service.omit({ id: true }) }),
  surveyResults: defineCollection({ loader: surveyResultsLoader(), schema: SurveyResults }),
  /** docs/partners.md, errors.md and content-rules.md, rendered at /open-data/api/ (ids `partners`, `errors`, `content-rules`). */
  docs: defineCollection({ loader: repositoryDocs('../../docs', ['partners.md', 'errors.md', 'content-rules.md']) }),
  /** apps/api/CHANGELOG.md, rendered at /open-data/api/changelog/ (id `changelog`). */
  apiChangelog: defineCollection({ loader: repositoryDocs('../../apps/api', ['CHANGELOG.md']) }),
  /** Each station's next report and survey and their due days, as of the build day (PORTAL_TODAY). */
  releaseCalendar: defineCollection({
    loader: together.whole('release-calendar', () => loadReleaseCalendar(source, buildDate().toISOString().slice(0, 10))),
    schema: Release,
  }),
  mediation: defineCollection({
    loader: together.stationScoped(source, {
      name: 'mediation',
      all: async () => loadMediation(source, (await stations()).map((s) => s.slug)),
      ofStations: (slugs) => loadMediation(source, [...slugs]),
      stationOf: (_data, id) => id,
    }),
    schema: Mediation.omit({ id: true }),
  }),
};
