import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@openstation/db';
import { seedDemoData } from '@openstation/db/seed';
import { FIND_OFFICER_PATH, SURVEY_SUBMIT_PATH } from '@openstation/site/routes';
import type { TestProject } from 'vitest/node';
import type { FetchHandler } from '../../apps/api/src/http/context.ts';
import { serveOnNode } from '../../apps/api/src/http/node-server.ts';
import { createRouter } from '../../apps/api/src/http/router.ts';
import { createStaticHandler } from '../../apps/api/src/http/static.ts';
import { buildPortal } from '../../apps/api/src/portal-build.ts';
import { createStaffPrincipals } from '../support/principals.ts';
import { type HoursExceptionFixture, hoursExceptionsFromToday, STATION_WITH_HOURS_EXCEPTIONS, STATION_WITHOUT_OPEN_SURVEY } from './fixtures.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built portal, served from a local port: `http://127.0.0.1:<port>`. */
    portalOrigin: string;
    /** The API the portal was built from: `http://127.0.0.1:<port>/graphql`. */
    portalApiUrl: string;
    /** The API process itself (`/find-officer`, and the same build at `/`): `http://127.0.0.1:<port>`. */
    portalApiOrigin: string;
    /** Headers of a staff editor's session on that API (e.g. to make invitation codes). */
    portalEditorHeaders: Record<string, string>;
    /** The hours exceptions the set-up added at STATION_WITH_HOURS_EXCEPTIONS (fixtures.ts). */
    portalHoursExceptions: HoursExceptionFixture[];
    /** How long the portal build took, in ms. */
    portalBuildMs: number;
    /** `astro check` (type-checks the .astro files) run against the same API after the build. */
    astroCheck: { code: number | null; output: string; ms: number };
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Runs `astro check` in the portal; its content sync needs the API, so it runs here. */
async function astroCheck(apiUrl: string): Promise<{ code: number | null; output: string; ms: number }> {
  const started = performance.now();
  const portalDir = join(root, 'apps/portal');
  const child = spawn(process.execPath, [join(portalDir, 'node_modules/astro/bin/astro.mjs'), 'check'], {
    cwd: portalDir,
    env: { ...process.env, OPENSTATION_API_URL: apiUrl, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', CI: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  return { code, output: output.join(''), ms: Math.round(performance.now() - started) };
}

/** Sends a request on to `origin` as a reverse proxy would (the form routes' bodies and the cookie included) and answers what it answers. */
function proxyTo(origin: string): FetchHandler {
  return async (request) => {
    const url = new URL(request.url);
    const post = request.method === 'POST';
    return fetch(`${origin}${url.pathname}${url.search}`, {
      method: request.method,
      redirect: 'manual',
      headers: {
        ...(post ? { 'content-type': request.headers.get('content-type') ?? '' } : {}),
        ...(request.headers.has('cookie') ? { cookie: request.headers.get('cookie') ?? '' } : {}),
      },
      ...(post ? { body: await request.arrayBuffer() } : {}),
    });
  };
}

/**
 * Migrates and seeds the API's database before the API opens it (the API then seeds nothing),
 * takes {@link STATION_WITHOUT_OPEN_SURVEY}'s open survey back to draft, adds `hoursExceptions`, and makes a staff
 * editor whose session the tests use.
 */
async function prepareDatabase(url: string, hoursExceptions: readonly HoursExceptionFixture[]): Promise<Record<string, string>> {
  const db = await openDatabase(url);
  try {
    await seedDemoData(db.prisma);
    const today = new Date();
    const { count } = await db.prisma.surveyCampaign.updateMany({
      where: { station: { slug: STATION_WITHOUT_OPEN_SURVEY }, status: 'PUBLISHED', opensOn: { lte: today }, closesOn: { gte: today } },
      data: { status: 'DRAFT' },
    });
    if (count !== 1) throw new Error(`expected one open survey at ${STATION_WITHOUT_OPEN_SURVEY}, found ${count}`);
    const { id: stationId } = await db.prisma.station.findUniqueOrThrow({ where: { slug: STATION_WITH_HOURS_EXCEPTIONS } });
    await db.prisma.stationHoursException.createMany({
      data: hoursExceptions.map(({ startsOn, endsOn, ...rest }) => ({ stationId, startsOn: new Date(`${startsOn}T00:00:00Z`), endsOn: new Date(`${endsOn}T00:00:00Z`), ...rest })),
    });
    const editor = (await createStaffPrincipals(db.prisma)).find((p) => p.role === 'EDITOR');
    if (!editor) throw new Error('no editor was created');
    return editor.headers;
  } finally {
    await db.close();
  }
}

/**
 * Starts the real API (`apps/api/src/server.ts`, demo data on a fresh embedded database) in
 * its own process — migrations run there, not beside the other projects' set-ups — builds
 * the portal against it once per run, and serves the build from a local port.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const scratch = mkdtempSync(join(tmpdir(), 'openstation-portal-'));
  const apiPort = await freePort();
  const outDir = join(scratch, 'dist');
  const databaseUrl = `pglite:${join(scratch, 'pglite')}`;
  const hoursExceptions = hoursExceptionsFromToday();
  const editorHeaders = await prepareDatabase(databaseUrl, hoursExceptions);
  const api: ChildProcess = spawn(process.execPath, ['apps/api/src/server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      PORTAL_BUILD: '0',
      PORTAL_DIST_DIR: outDir,
      // Every test's submission comes from 127.0.0.1 (this proxy); the limit itself is tested in the API's tests.
      SURVEY_SUBMISSIONS_PER_WINDOW: '10000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (/Ready in/.test(output.join(''))) resolve();
    };
    api.stdout?.on('data', onData);
    api.stderr?.on('data', onData);
    api.on('exit', (code) => reject(new Error(`The API exited (${code}) before it was ready:\n${output.join('')}`)));
  });
  const apiOrigin = `http://127.0.0.1:${apiPort}`;
  const apiUrl = `${apiOrigin}/graphql`;
  // A static host in front of the API, as a reverse proxy would be: /graphql and the
  // find-officer and survey forms' routes go to the API process, everything else is the built files.
  const proxy = proxyTo(apiOrigin);
  const host = serveOnNode(
    createRouter({
      routes: ['/graphql', FIND_OFFICER_PATH, SURVEY_SUBMIT_PATH].map((path) => ({ path, handle: proxy })),
      fallback: createStaticHandler(() => outDir),
    }),
  );
  const origin = `http://127.0.0.1:${await host.listen(0, '127.0.0.1')}`;
  const ms = await buildPortal({ portalDir: join(root, 'apps/portal'), apiUrl, site: origin, outDir }).done;
  project.provide('portalOrigin', origin);
  project.provide('portalApiUrl', apiUrl);
  project.provide('portalApiOrigin', apiOrigin);
  project.provide('portalEditorHeaders', editorHeaders);
  project.provide('portalBuildMs', ms);
  project.provide('portalHoursExceptions', hoursExceptions);
  project.provide('astroCheck', await astroCheck(apiUrl));
  return async () => {
    await host.close(0);
    const exited = new Promise((resolve) => api.once('exit', resolve));
    api.kill('SIGTERM');
    await exited;
    rmSync(scratch, { recursive: true, force: true });
  };
}
