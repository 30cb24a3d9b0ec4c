import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { RebuildTask } from './portal-rebuild-queue.ts';
import { siteDir } from './portal-site-dir.ts';

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
  /**
   * An incremental build: only these stations' pages (by slug), and every page that lists
   * stations, written over a copy of the current site. Without it (or with no current site),
   * the whole site is built.
   */
  onlyStations?: readonly string[];
  /** Told where a successful build's time went (the benchmark prints it). */
  onPhases?: (phases: BuildPhases) => void;
}

/** How long a portal build may take: the five demo stations build in well under a minute. */
export const DEFAULT_BUILD_TIMEOUT_MS = 10 * 60 * 1000;

/** Where a build's time went, filled in as it runs (ms); the benchmark prints it. */
export interface BuildPhases {
  /** The `astro build` child process, start to exit. */
  astro: number | null;
  /** Astro's own lines naming its phases and their times (content sync, bundling, pages, sitemap). */
  astroLog: string[];
  /** Waiting, after Astro, for the hard-linked copy of the current site (incremental builds). */
  copyWait: number | null;
  /** From Astro's exit to the new site in place: laying the new pages over the copy, the swap. */
  publish: number | null;
}

/** Astro's log lines that time a phase. */
const PHASE_LINE = /Syncing content|Synced content|Completed in|built in|sitemap-index|loading every station|from the kept data store/;

export interface PortalBuild {
  /** Resolves with the build time in ms once `dist/` is the new site; rejects with the build's last output. */
  done: Promise<number>;
  phases: BuildPhases;
  cancel(): void;
}

/** Stops a build: SIGTERM, then SIGKILL if it is still there 5 s later. */
function stop(child: ChildProcess | null): void {
  if (!child || child.exitCode !== null) return;
  child.kill('SIGTERM');
  setTimeout(() => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'), 5_000).unref();
}

/** The directories of one station's own pages, relative to the site root. */
function stationDirs(slug: string): string[] {
  return [slug, join('en', slug), join('vcard', slug)];
}

/** Moves every file of `from` into `to`, replacing files of the same name (a rename never alters the replaced file). */
async function moveTree(from: string, to: string): Promise<void> {
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory() && existsSync(target)) await moveTree(source, target);
    else await rename(source, target);
  }
}

/**
 * Builds the portal with Astro in a child process (so the API keeps answering) into the
 * site's staging directory, then makes it the site in one step (`siteDir`). An incremental
 * build (`onlyStations`) fetches those stations' data into the data store kept from the
 * build before (`PORTAL_CACHE_DIR`), writes their pages and every shared page, then lays them
 * over a hard-linked copy of the current site (made meanwhile; the stations' old pages
 * removed first) before the swap: the result is the site a full build would write (tested
 * byte for byte). A failed build leaves the site as it was and removes the kept store.
 */
export function buildPortal({ portalDir, apiUrl, site, outDir, timeoutMs = DEFAULT_BUILD_TIMEOUT_MS, onlyStations, onPhases }: PortalBuildOptions): PortalBuild {
  const astro = join(portalDir, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const dir = siteDir(outDir ?? join(portalDir, 'dist'));
  let child: ChildProcess | null = null;
  const phases: BuildPhases = { astro: null, astroLog: [], copyWait: null, publish: null };
  let cancelled = false;
  let timedOut = false;
  const started = performance.now();
  const done = (async () => {
    if (!existsSync(astro)) throw new Error(`Astro is not installed in ${portalDir}: run \`pnpm install\`.`);
    const previous = dir.current();
    const incremental = onlyStations !== undefined && previous !== null;
    const next = await dir.staging();
    // The copy of the current site an incremental build's pages are laid over is made
    // while Astro builds: it needs only the current site.
    const copying = incremental ? dir.copyOfCurrent() : null;
    copying?.catch(() => {});
    const output: string[] = [];
    const timer = setTimeout(() => {
      timedOut = true;
      stop(child);
    }, timeoutMs);
    const only = incremental ? { PORTAL_ONLY_STATIONS: onlyStations.join(','), PORTAL_PREVIOUS_DIR: previous } : {};
    const code = await new Promise<number | null>((resolve, reject) => {
      const { PORTAL_ONLY_STATIONS: _only, PORTAL_PREVIOUS_DIR: _previous, ...inherited } = process.env;
      child = spawn(process.execPath, [astro, 'build'], {
        cwd: portalDir,
        env: { ...inherited, ...only, OPENSTATION_API_URL: apiUrl, PORTAL_SITE: site, PORTAL_OUT_DIR: next, PORTAL_CACHE_DIR: dir.cache, ASTRO_TELEMETRY_DISABLED: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const keep = (chunk: Buffer) => {
        const lines = chunk.toString('utf8').split('\n').filter((l) => l.trim() !== '');
        phases.astroLog.push(...lines.filter((l) => PHASE_LINE.test(l)).map((l) => l.replace(/\x1b\[[0-9;]*m/g, '').trim()));
        output.push(...lines);
        if (output.length > 400) output.splice(0, output.length - 200);
      };
      child.stdout?.on('data', keep);
      child.stderr?.on('data', keep);
      child.on('error', reject);
      child.on('close', resolve);
    }).finally(() => clearTimeout(timer));
    phases.astro = Math.round(performance.now() - started);
    const failure = timedOut
      ? new Error(`Portal build timed out after ${Math.round(timeoutMs / 1000)} s and was stopped (the site keeps its previous build).`)
      : cancelled
        ? new Error('Portal build cancelled.')
        : code !== 0
          ? new Error(`Portal build failed (exit code ${code}):\n${output.filter((l) => !/[├└]─/.test(l)).slice(-25).join('\n')}`)
          : null;
    if (failure) {
      await dir.discard(next);
      const copy = await copying?.catch(() => null);
      if (copy) await dir.discard(copy);
      // The kept data store may hold data the site does not show yet: the next build loads everything.
      await rm(dir.cache, { recursive: true, force: true });
      throw failure;
    }
    const merging = performance.now();
    let built: string;
    if (copying) {
      built = await copying;
      phases.copyWait = Math.round(performance.now() - merging);
      for (const slug of onlyStations ?? []) {
        for (const stationDir of stationDirs(slug)) await rm(join(built, stationDir), { recursive: true, force: true });
      }
      await moveTree(next, built);
      await dir.discard(next);
    } else {
      built = await dir.claim(next);
    }
    await dir.publish(built);
    phases.publish = Math.round(performance.now() - merging);
    onPhases?.(phases);
    return Math.round(performance.now() - started);
  })();
  return {
    done,
    phases,
    cancel() {
      cancelled = true;
      stop(child);
    },
  };
}

/** The current slugs of stations, by id (a retired station keeps its slug). */
export type StationSlugs = (ids: readonly number[]) => Promise<string[]>;

/**
 * Portal builds as a rebuild queue's task: one build per run, cancelled when the queue
 * closes. A batch of changes to some stations builds incrementally when each of them
 * already has pages on the current site (a new station or a new slug: the whole site) and
 * the run before succeeded (a failed run's stations are in no later batch, so the run after
 * a failure builds the whole site).
 */
export function portalBuildTask(options: PortalBuildOptions, stationSlugs?: StationSlugs): RebuildTask {
  let lastFailed = false;
  return async (batch, signal) => {
    let onlyStations: string[] | undefined;
    const current = siteDir(options.outDir ?? join(options.portalDir, 'dist')).current();
    if (batch.stationIds && stationSlugs && current && !lastFailed) {
      const slugs = await stationSlugs(batch.stationIds);
      if (slugs.length === batch.stationIds.length && slugs.every((slug) => existsSync(join(current, slug)))) onlyStations = slugs;
    }
    const build = buildPortal({ ...options, ...(onlyStations ? { onlyStations } : {}) });
    signal.addEventListener('abort', () => build.cancel(), { once: true });
    lastFailed = true;
    await build.done;
    lastFailed = false;
  };
}
