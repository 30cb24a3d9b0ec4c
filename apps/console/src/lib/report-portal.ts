import type { BuildStatus } from './queries.ts';

/** Where a published change stands on the portal: shown since a time, still being built, failed, or built elsewhere. */
export type PortalState = { state: 'updated'; at: string } | { state: 'updating' } | { state: 'failed'; at: string; reason: string } | { state: 'off' };

/**
 * Whether the portal serves what was published at `publishedAt`: a build succeeded after it with
 * nothing running or waiting (a change made during a build always gets a build of its own).
 */
export function portalState(build: BuildStatus | null, publishedAt: string): PortalState {
  if (!build) return { state: 'off' };
  if (build.running || build.pending) return { state: 'updating' };
  if (build.lastSucceededAt && build.lastSucceededAt >= publishedAt) return { state: 'updated', at: build.lastSucceededAt };
  if (build.lastError && build.lastFinishedAt && build.lastFinishedAt >= publishedAt) return { state: 'failed', at: build.lastFinishedAt, reason: build.lastError };
  return { state: 'updating' };
}
