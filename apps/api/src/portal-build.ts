import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { RebuildTask } from './portal-rebuild-queue.ts';

export interface PortalBuildOptions {
  /** The portal package (`apps/portal`). */
  portalDir: string;
  /** The GraphQL endpoint the build reads, e.g. `http://127.0.0.1:4000/graphql`. */
  apiUrl: string;
  /** The public address of the site, for canonical URLs, feeds and the sitemap. */
  site: string;
  /** Where the built site goes (default `<portalDir>/dist`). */
  outDir?: string;
  /** A build still running after this long is stopped and fails (default {@link DEFAULT_BUILD_TIMEOUT_MS}). */
  timeoutMs?: number;
}

/** How long a portal build may take: the five demo stations build in well under a minute. */
export const DEFAULT_BUILD_TIMEOUT_MS = 10 * 60 * 1000;

export interface PortalBuild {
  /** Resolves with the build time in ms once `dist/` holds the new site; rejects with the build's last output. */
  done: Promise<number>;
  cancel(): void;
}

/** Stops a build: SIGTERM, then SIGKILL if it is still there 5 s later. */
function stop(child: ChildProcess | null): void {
  if (!child || child.exitCode !== null) return;
  child.kill('SIGTERM');
  setTimeout(() => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'), 5_000).unref();
}

/**
 * Builds the portal with Astro in a child process (so the API keeps answering) into a
 * scratch directory, then swaps it in for `dist/` (or `outDir`).
 */
export function buildPortal({ portalDir, apiUrl, site, outDir, timeoutMs = DEFAULT_BUILD_TIMEOUT_MS }: PortalBuildOptions): PortalBuild {
  const astro = join(portalDir, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const dist = outDir ?? join(portalDir, 'dist');
  const next = outDir ? `${outDir}-next` : join(portalDir, 'node_modules', '.dist-next');
  let child: ChildProcess | null = null;
  let cancelled = false;
  let timedOut = false;
  const started = performance.now();
  const done = (async () => {
    if (!existsSync(astro)) throw new Error(`Astro is not installed in ${portalDir}: run \`pnpm install\`.`);
    await rm(next, { recursive: true, force: true });
    const output: string[] = [];
    const timer = setTimeout(() => {
      timedOut = true;
      stop(child);
    }, timeoutMs);
    const code = await new Promise<number | null>((resolve, reject) => {
      child = spawn(process.execPath, [astro, 'build'], {
        cwd: portalDir,
        env: { ...process.env, OPENSTATION_API_URL: apiUrl, PORTAL_SITE: site, PORTAL_OUT_DIR: next, ASTRO_TELEMETRY_DISABLED: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const keep = (chunk: Buffer) => {
        output.push(...chunk.toString('utf8').split('\n').filter((l) => l.trim() !== ''));
        if (output.length > 400) output.splice(0, output.length - 200);
      };
      child.stdout?.on('data', keep);
      child.stderr?.on('data', keep);
      child.on('error', reject);
      child.on('close', resolve);
    }).finally(() => clearTimeout(timer));
    if (timedOut) throw new Error(`Portal build timed out after ${Math.round(timeoutMs / 1000)} s and was stopped (the site keeps its previous build).`);
    if (cancelled) throw new Error('Portal build cancelled.');
    if (code !== 0) {
      const tail = output.filter((l) => !/[├└]─/.test(l)).slice(-25).join('\n');
      throw new Error(`Portal build failed (exit code ${code}):\n${tail}`);
    }
    await rm(dist, { recursive: true, force: true });
    await rename(next, dist);
    return Math.round(performance.now() - started);
  })();
  return {
    done,
    cancel() {
      cancelled = true;
      stop(child);
    },
  };
}

/** Portal builds as a rebuild queue's task: one build per run, cancelled when the queue closes. */
export function portalBuildTask(options: PortalBuildOptions): RebuildTask {
  return async (_batch, signal) => {
    const build = buildPortal(options);
    signal.addEventListener('abort', () => build.cancel(), { once: true });
    await build.done;
  };
}
