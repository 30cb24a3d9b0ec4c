import { builder } from '../builder.ts';
import type { RebuildStatus } from '../portal-rebuild-queue.ts';
import type { PortalUpdatesStatus } from '../portal-updates.ts';

const RebuildQueueStatus = builder.objectRef<RebuildStatus>('RebuildQueueStatus').implement({
  description: 'One way the portal follows published changes: runs coalesce bursts of changes, one at a time.',
  fields: (t) => ({
    running: t.exposeBoolean('running', { description: 'A run is in progress.' }),
    pending: t.exposeBoolean('pending', { description: 'Changes are waiting for the next run.' }),
    runs: t.exposeInt('runs', { description: 'Runs since the API started.' }),
    failures: t.exposeInt('failures', { description: 'Failed runs since the API started.' }),
    lastStartedAt: t.expose('lastStartedAt', { type: 'DateTime', nullable: true }),
    lastFinishedAt: t.expose('lastFinishedAt', { type: 'DateTime', nullable: true }),
    lastSucceededAt: t.expose('lastSucceededAt', { type: 'DateTime', nullable: true }),
    lastDurationMs: t.exposeInt('lastDurationMs', { nullable: true }),
    lastError: t.exposeString('lastError', { nullable: true, description: 'Why the last run failed; null if it succeeded.' }),
  }),
});

const PortalBuildStatus = builder.objectRef<PortalUpdatesStatus>('PortalBuildStatus').implement({
  description: 'How this API process keeps the public portal up to date.',
  fields: (t) => ({
    build: t.field({
      type: RebuildQueueStatus,
      nullable: true,
      description: 'The in-process portal build; null when this process does not build the portal (`PORTAL_BUILD=0`).',
      resolve: (s) => s.build,
    }),
    webhook: t.field({
      type: RebuildQueueStatus,
      nullable: true,
      description: 'The rebuild webhook; null unless `PORTAL_REBUILD_WEBHOOK_URL` is set.',
      resolve: (s) => s.webhook,
    }),
  }),
});

builder.queryFields((t) => ({
  portalBuildStatus: t.field({
    type: PortalBuildStatus,
    description: 'The portal rebuilds that published changes trigger: last run, last error, changes pending. Staff only.',
    authScopes: { staff: true },
    resolve: (_root, _args, ctx) => ctx.portalUpdatesStatus() ?? { build: null, webhook: null },
  }),
}));
