import { fileURLToPath } from 'node:url';
import { positiveInt } from './limits/env.ts';
import { DEFAULT_BUILD_TIMEOUT_MS, portalBuildTask, type StationSlugs } from './portal-build.ts';
import { createPortalUpdates, type PortalUpdates } from './portal-updates.ts';

/** The portal as `pnpm start` serves and rebuilds it. */
export interface PortalSetup {
  /** Where the built portal is served from (and built into): `apps/portal/dist` unless `PORTAL_DIST_DIR` says otherwise. */
  dist: string;
  /** Whether this process builds it (`PORTAL_BUILD` is not `0`). */
  building: boolean;
  updates: PortalUpdates;
}

/**
 * The portal's set-up from the environment: published changes rebuild it in-process from the
 * API on `port` (unless `PORTAL_BUILD=0`) and call the webhook, if `PORTAL_REBUILD_WEBHOOK_URL`
 * is set; `PORTAL_SITE` is its public address. With `stationSlugs`, a change to some
 * stations rebuilds only their pages and the shared ones (`PORTAL_INCREMENTAL=0`: always all).
 */
export function portalFromEnv(env: NodeJS.ProcessEnv, port: number, stationSlugs?: StationSlugs): PortalSetup {
  const portalDir = fileURLToPath(new URL('../../portal', import.meta.url));
  const dist = env.PORTAL_DIST_DIR ?? `${portalDir}/dist`;
  const building = env.PORTAL_BUILD !== '0';
  const build = building
    ? portalBuildTask({
        portalDir,
        ...(env.PORTAL_DIST_DIR ? { outDir: dist } : {}),
        apiUrl: `http://127.0.0.1:${port}/graphql`,
        site: env.PORTAL_SITE ?? `http://localhost:${port}`,
        timeoutMs: positiveInt(env, 'PORTAL_BUILD_TIMEOUT_SECONDS', DEFAULT_BUILD_TIMEOUT_MS / 1000) * 1000,
      }, env.PORTAL_INCREMENTAL === '0' ? undefined : stationSlugs)
    : null;
  return { dist, building, updates: createPortalUpdates({ env, build }) };
}
