import type { PublicChangeListener } from './domain/public-change.ts';
import { createRebuildQueue, type RebuildQueue, type RebuildStatus, type RebuildTask } from './portal-rebuild-queue.ts';
import { rebuildWebhook } from './portal-rebuild-webhook.ts';

/** The state of both ways the portal follows changes; null where one is not configured. */
export interface PortalUpdatesStatus {
  build: RebuildStatus | null;
  webhook: RebuildStatus | null;
}

/** What keeps the portal up to date with published content. */
export interface PortalUpdates {
  /** Feeds committed public changes to the build queue and the webhook. */
  publicChanged: PublicChangeListener;
  status(): PortalUpdatesStatus;
  /** Starts the in-process build now (at start-up); nothing if building in-process is off. */
  buildNow(): void;
  close(): Promise<void>;
}

export interface PortalUpdatesOptions {
  /** Builds the portal in-process; null when `PORTAL_BUILD=0`. */
  build: RebuildTask | null;
  /** `PORTAL_REBUILD_WEBHOOK_URL`, `PORTAL_REBUILD_WEBHOOK_SECRET`, `PORTAL_REBUILD_DEBOUNCE_MS`. */
  env: NodeJS.ProcessEnv;
  log?: { info(line: string): void; error(line: string): void };
}

function debounceFrom(env: NodeJS.ProcessEnv): number {
  const raw = env.PORTAL_REBUILD_DEBOUNCE_MS;
  if (raw === undefined || raw === '') return 2_000;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 0) throw new Error(`PORTAL_REBUILD_DEBOUNCE_MS must be a whole number of milliseconds, not "${raw}".`);
  return ms;
}

/**
 * The in-process portal build queue and the rebuild webhook, as configured: each coalesces
 * bursts of changes on its own, and neither ever fails the mutation that caused it.
 */
export function createPortalUpdates({ build, env, log }: PortalUpdatesOptions): PortalUpdates {
  const debounceMs = debounceFrom(env);
  const webhookUrl = env.PORTAL_REBUILD_WEBHOOK_URL?.trim();
  if (webhookUrl && !/^https?:$/.test(URL.parse(webhookUrl)?.protocol ?? '')) {
    throw new Error('PORTAL_REBUILD_WEBHOOK_URL must be an http:// or https:// address.');
  }
  const buildQueue: RebuildQueue | null = build
    ? createRebuildQueue({
        label: 'Portal build',
        task: build,
        debounceMs,
        failureHint: 'The API keeps running; the portal serves its previous build, if any.',
        ...(log ? { log } : {}),
      })
    : null;
  const webhookQueue: RebuildQueue | null = webhookUrl
    ? createRebuildQueue({
        label: 'Portal rebuild webhook',
        task: rebuildWebhook({ url: webhookUrl, ...(env.PORTAL_REBUILD_WEBHOOK_SECRET ? { secret: env.PORTAL_REBUILD_WEBHOOK_SECRET } : {}) }),
        debounceMs,
        ...(log ? { log } : {}),
      })
    : null;
  return {
    publicChanged: ({ entityType, stationId }) => {
      buildQueue?.changed(entityType, stationId ?? null);
      webhookQueue?.changed(entityType, stationId ?? null);
    },
    status: () => ({ build: buildQueue?.status() ?? null, webhook: webhookQueue?.status() ?? null }),
    buildNow: () => buildQueue?.runNow(),
    close: async () => {
      await Promise.all([buildQueue?.close(), webhookQueue?.close()]);
    },
  };
}
