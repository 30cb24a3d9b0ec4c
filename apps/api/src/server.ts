import { fileURLToPath } from 'node:url';
import { DatabaseUnavailableError, openDatabase, pendingMigrations, pingDatabase } from '@openstation/db';
import { seedDemoData } from '@openstation/db/seed';
import { corsOriginsFromEnv } from './cors.ts';
import { createHttpApp } from './http/app.ts';
import { serveOnNode } from './http/node-server.ts';
import { rateLimitFromEnv } from './limits/config.ts';
import { requestContractFromEnv } from './limits/contract.ts';
import { surveyLimitFromEnv } from './limits/survey-limit.ts';
import { portalBuildTask } from './portal-build.ts';
import { createPortalUpdates } from './portal-updates.ts';
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
  const app = createHttpApp({
    api,
    database: { ping: () => pingDatabase(db.prisma), pendingMigrations: () => pendingMigrations(db.prisma) },
    portalRoot: () => portalDist,
    portalStatus: portalUpdates.status,
  });
  const server = serveOnNode(app);
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal} received: closing connections and the database…`);
    Promise.allSettled([server.close(5_000), portalUpdates.close()])
      .then(() => db.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('Database did not close cleanly:', error);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  await server.listen(port, host);
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
}

main().catch((error: unknown) => {
  if (error instanceof DatabaseUnavailableError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
