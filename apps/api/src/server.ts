import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { DatabaseUnavailableError, openDatabase } from '@openstation/db';
import { seedDemoData } from '@openstation/db/seed';
import { isFindOfficerPath, isSurveySubmitPath } from '@openstation/portal/routes';
import { createFindOfficer } from './find-officer.ts';
import { portalBuildTask } from './portal-build.ts';
import { createPortalUpdates } from './portal-updates.ts';
import { createStaticHandler } from './static.ts';
import { createSurveyForm } from './survey-form.ts';
import { corsOriginsFromEnv } from './cors.ts';
import { rateLimitFromEnv } from './limits/config.ts';
import { requestContractFromEnv } from './limits/contract.ts';
import { surveyLimitFromEnv } from './limits/survey-limit.ts';
import { createApi } from './yoga.ts';

const port = Number(process.env.PORT ?? 4000);
const host = process.env.HOST ?? '0.0.0.0';
const portalDir = fileURLToPath(new URL('../../portal', import.meta.url));
const portalBuildEnabled = process.env.PORTAL_BUILD !== '0';
/** Where the built portal is served from (and built into): `apps/portal/dist` unless `PORTAL_DIST_DIR` says otherwise. */
const portalDist = process.env.PORTAL_DIST_DIR ?? `${portalDir}/dist`;

async function main(): Promise<void> {
  const started = performance.now();
  // Published changes rebuild the portal in-process (unless PORTAL_BUILD=0) and call the webhook, if set.
  const portalUpdates = createPortalUpdates({
    env: process.env,
    build: portalBuildEnabled
      ? portalBuildTask({
          portalDir,
          ...(process.env.PORTAL_DIST_DIR ? { outDir: portalDist } : {}),
          apiUrl: `http://127.0.0.1:${port}/graphql`,
          site: process.env.PORTAL_SITE ?? `http://localhost:${port}`,
        })
      : null,
  });
  const db = await openDatabase(process.env.DATABASE_URL);
  const seeded = await seedDemoData(db.prisma);
  const api = createApi({
    prisma: db.prisma,
    rateLimit: rateLimitFromEnv(),
    surveyLimit: surveyLimitFromEnv(),
    corsOrigins: corsOriginsFromEnv(),
    ...requestContractFromEnv(),
    onPublicChange: portalUpdates.publicChanged,
    portalUpdatesStatus: portalUpdates.status,
  });
  // Requests still being answered: shutdown waits for them before closing the database.
  const inFlight = new Set<Promise<unknown>>();
  const portal = createStaticHandler(() => portalDist);
  const findOfficer = createFindOfficer({ prisma: db.prisma, portalRoot: () => portalDist });
  const surveyForm = createSurveyForm({ api, portalRoot: () => portalDist });
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const isApi = path === '/graphql' || path.startsWith('/graphql/');
    const handle = isApi ? api : isFindOfficerPath(path) ? findOfficer.handle : isSurveySubmitPath(path) ? surveyForm.handle : portal;
    const handled: Promise<unknown> = Promise.resolve(handle(request, response))
      .catch((error: unknown) => {
        console.error(`Could not serve ${request.url}:`, error);
        if (!response.headersSent) response.writeHead(500);
        response.end();
      })
      .finally(() => inFlight.delete(handled));
    inFlight.add(handled);
  });
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal} received: closing connections and the database…`);
    const updatesClosed = portalUpdates.close();
    server.close();
    server.closeIdleConnections();
    const force = setTimeout(() => server.closeAllConnections(), 5_000);
    force.unref();
    server.on('close', () => {
      Promise.allSettled([...inFlight, updatesClosed])
        .then(() => db.close())
        .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('Database did not close cleanly:', error);
          process.exit(1);
        },
      );
    });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  server.listen(port, host, () => {
    const where = db.target.kind === 'pglite' ? `embedded PGlite (${db.target.dataDir ?? 'memory'})` : 'PostgreSQL';
    const ms = Math.round(performance.now() - started);
    console.log(`OpenStation API on ${where}: ${seeded.stations} stations. Ready in ${ms} ms.`);
    console.log(`GraphQL (GraphiQL in a browser): http://localhost:${port}/graphql`);
    if (portalUpdates.status().webhook) console.log('Portal: published changes are announced to PORTAL_REBUILD_WEBHOOK_URL.');
    if (!portalBuildEnabled) {
      console.log(`Portal: serving the existing build in ${portalDist} at http://localhost:${port}/ (PORTAL_BUILD=0).`);
      return;
    }
    console.log(`Portal: building from the API in the background, and again after published changes: http://localhost:${port}/`);
    portalUpdates.buildNow();
  });
}

main().catch((error: unknown) => {
  if (error instanceof DatabaseUnavailableError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
