import { FIND_OFFICER_PATH, SURVEY_SUBMIT_PATH } from '@openstation/site/routes';
import type { PortalUpdatesStatus } from '../portal-updates.ts';
import { createFindOfficer } from './find-officer.ts';
import type { InProcessApi } from './graphql-in-process.ts';
import { createHealthRoutes, type ReadinessProbe } from './health.ts';
import { createOfficerPhotos, OFFICER_PHOTOS_PREFIX, type PhotoReader } from './officer-photos.ts';
import { createRouter, type Mount, type RouterHandler } from './router.ts';
import { createStaticHandler } from './static.ts';
import { createSurveyForm } from './survey-form.ts';

export interface HttpAppOptions {
  /** The GraphQL server (`createApi(…)`): served at `/graphql`, and called in-process by the form routes. */
  api: InProcessApi;
  /** What `/ready` checks. */
  database: ReadinessProbe;
  /** The built portal (`apps/portal/dist`), served at `/`. */
  portalRoot: () => string;
  /** Reported by `/ready`. */
  portalStatus?: () => PortalUpdatesStatus;
  /**
   * Apps served under their own prefix, each a fetch handler that sees the full URL; the staff
   * console goes here: `mounts: [{ prefix: '/staff/', handle: staffConsole }]`.
   */
  mounts?: readonly Mount[];
  /** Reads officers' stored photos, served at `/media/officers/<id>.jpg`; omitted, that path is not served. */
  officerPhotos?: PhotoReader;
}

/**
 * Every HTTP route of the server, as one fetch handler: `/graphql` (Yoga), `/health`, `/ready`,
 * the portal's form routes (`/find-officer`, `/survey/submit`), officers' photos, the `mounts`, and the built
 * portal for every other path (its survey pages filled in with a fresh form token). No side effects: tests call `app(new Request(…), context)`.
 */
export function createHttpApp({ api, database, portalRoot, portalStatus, mounts = [], officerPhotos }: HttpAppOptions): RouterHandler {
  const { health, ready } = createHealthRoutes({ database, ...(portalStatus ? { portalStatus } : {}) });
  const findOfficer = createFindOfficer({ api, portalRoot });
  const surveyForm = createSurveyForm({ api, portalRoot });
  const staticFiles = createStaticHandler(portalRoot);
  return createRouter({
    routes: [
      { path: '/graphql', handle: (request, context) => api.fetch(request, context), node: api.requestListener },
      { path: '/health', methods: ['GET'], handle: health },
      { path: '/ready', methods: ['GET'], handle: ready },
      { path: FIND_OFFICER_PATH, methods: ['GET'], handle: findOfficer.fetch },
      { path: SURVEY_SUBMIT_PATH, methods: ['POST'], handle: surveyForm.fetch },
    ],
    mounts: officerPhotos ? [...mounts, { prefix: OFFICER_PHOTOS_PREFIX, handle: createOfficerPhotos(officerPhotos) }] : mounts,
    fallback: (request, context) => surveyForm.page(request, context, staticFiles),
    onError: (request, error) => {
      const where = `${request.method} ${new URL(request.url).pathname}`;
      // A client that hangs up before its answer (a closed tab, a benchmark stopping) is not a
      // fault of the server: one line, no stack. What was written before commits or not as a whole.
      if (request.signal.aborted) console.warn(`The client left before ${where} was answered.`);
      else console.error(`Could not serve ${where}:`, error);
    },
  });
}
