import cluster from 'node:cluster';
import { DatabaseUnavailableError, openDatabase, pendingMigrations, pingDatabase } from '@openstation/db';
import { seedDemoData } from '@openstation/db/seed';
import { consoleSettingsFromEnv, createStaffConsole } from './console-mount.ts';
import { corsOriginsFromEnv } from './cors.ts';
import { createHttpApp } from './http/app.ts';
import { databasePhotoReader } from './http/officer-photos.ts';
import type { ServerContext } from './http/context.ts';
import { serveOnNode } from './http/node-server.ts';
import { BACKUP_PATH, openOperatorChannel } from './operator/channel.ts';
import { loginThrottleFromEnv } from './auth/login-throttle.ts';
import { rateLimitFromEnv } from './limits/config.ts';
import { requestContractFromEnv } from './limits/contract.ts';
import { surveyLimitFromEnv } from './limits/survey-limit.ts';
import { portalFromEnv } from './portal-from-env.ts';
import { stopOnSignals } from './shutdown.ts';
import { startDailySchedule } from './schedule.ts';
import { responseCacheFromEnv } from './cache/response-cache.ts';
import type { PublicChange } from './domain/public-change.ts';
import { schema } from './schema/index.ts';
import { runPrimary, workerRole, workerSetupProblem, workersFromEnv } from './workers.ts';
import { createApi } from './yoga.ts';

const port = Number(process.env.PORT ?? 4000);
const host = process.env.HOST ?? '0.0.0.0';

async function main(): Promise<void> {
  const started = performance.now();
  // With API_WORKERS, one of the processes (the leader) builds the portal, runs the schedule and
  // publishes the operator channel; the others serve, and pass their changes on to it.
  const role = workerRole();
  let db: Awaited<ReturnType<typeof openDatabase>> | null = null;
  const portal = portalFromEnv(role.leader ? process.env : { ...process.env, PORTAL_BUILD: '0' }, port, async (ids) =>
    (await db?.prisma.station.findMany({ where: { id: { in: [...ids] } }, select: { slug: true } }))?.map((s) => s.slug) ?? [],
  );
  db = await openDatabase(process.env.DATABASE_URL);
  const seeded = await seedDemoData(db.prisma);
  // The command-line tools find this server through a state file beside the data, and act through it.
  const operator = openOperatorChannel({ target: db.target, url: `http://127.0.0.1:${port}`, pglite: db.pglite, ...(role.operatorToken ? { token: role.operatorToken } : {}) });
  const responseCache = responseCacheFromEnv(schema);
  const api = createApi({
    responseCache,
    operator,
    prisma: db.prisma,
    rateLimit: rateLimitFromEnv(),
    surveyLimit: surveyLimitFromEnv(),
    loginThrottle: loginThrottleFromEnv(),
    corsOrigins: corsOriginsFromEnv(),
    ...requestContractFromEnv(),
    onPublicChange: role.leader ? portal.updates.publicChanged : role.forward,
    portalUpdatesStatus: portal.updates.status,
  });
  const staff = createStaffConsole<ServerContext>({ api, ...consoleSettingsFromEnv() });
  const app = createHttpApp({
    api,
    database: { ping: () => pingDatabase(db.prisma), pendingMigrations: () => pendingMigrations(db.prisma) },
    portalRoot: () => portal.dist,
    portalStatus: portal.updates.status,
    officerPhotos: databasePhotoReader(db.prisma),
    mounts: [
      {
        prefix: '/operator/',
        handle: (request, context) =>
          new URL(request.url).pathname === BACKUP_PATH ? operator.backup(request, context) : new Response('Not found', { status: 404 }),
      },
      { prefix: '/staff/', handle: staff.handle },
    ],
  });
  const server = serveOnNode(app);
  // Surveys open and close, and quarters roll over, by date: the portal follows at China midnight.
  const scheduled = (change: PublicChange) => {
    portal.updates.publicChanged(change);
    return responseCache?.invalidate(change);
  };
  const schedule = role.leader ? startDailySchedule({ prisma: db.prisma, publicChanged: scheduled }) : null;
  role.onForwardedChange(portal.updates.publicChanged);
  stopOnSignals(async () => {
    schedule?.stop();
    if (role.leader) operator.close();
    await Promise.allSettled([server.close(5_000), portal.updates.close()]);
    await Promise.allSettled([db.close(), responseCache?.close()]);
  });
  await server.listen(port, host);
  role.ready();
  if (!role.leader) {
    console.log(`Worker ${role.index} (pid ${process.pid}) ready in ${Math.round(performance.now() - started)} ms.`);
    return;
  }
  operator.publish();

  const where = db.target.kind === 'pglite' ? `embedded PGlite (${db.target.dataDir ?? 'memory'})` : 'PostgreSQL';
  console.log(`OpenStation API on ${where}: ${seeded.stations} stations. Ready in ${Math.round(performance.now() - started)} ms.`);
  console.log(`GraphQL (GraphiQL in a browser): http://localhost:${port}/graphql; health: /health, readiness: /ready`);
  console.log(responseCache ? `Response cache for anonymous reads: ${responseCache.store === 'redis' ? 'in Redis (REDIS_URL)' : 'in memory'}.` : 'Response cache: off (RESPONSE_CACHE=0).');
  // A `pnpm start &` from a script runs with SIGINT ignored (POSIX background job), so pnpm cannot
  // pass it on: name the pid that takes it (README).
  console.log(`Stop: Ctrl-C, SIGTERM, or kill -INT ${role.stopPid} (this server's pid).`);
  if (portal.updates.status().webhook) console.log('Portal: published changes are announced to PORTAL_REBUILD_WEBHOOK_URL.');
  if (!portal.building) {
    console.log(`Portal: serving the existing build in ${portal.dist} at http://localhost:${port}/ (PORTAL_BUILD=0).`);
    return;
  }
  console.log(`Portal: building from the API in the background, and again after published changes: http://localhost:${port}/`);
  portal.updates.buildNow();
}

const workers = (() => {
  try {
    const count = workersFromEnv(process.env);
    const problem = workerSetupProblem(count, process.env);
    if (problem) throw new Error(problem);
    return count;
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
})();

if (workers > 1 && cluster.isPrimary) {
  runPrimary(workers, port);
} else {
  main().catch((error: unknown) => {
    console.error(error instanceof DatabaseUnavailableError ? error.message : error);
    process.exit(1);
  });
}
