import { existsSync, lstatSync, realpathSync } from 'node:fs';
import { link, mkdir, readdir, rename, rm, symlink } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';

/**
 * The built portal on disk, swapped whole: `dist` is a symbolic link to one complete build in
 * `dist.builds/`, and a new build becomes current by renaming a new link over it (one atomic
 * step), so a reader sees the old site or the new one, never a mix. The previous build is
 * kept (requests in flight may still read it); older ones are removed.
 */
export interface SiteDir {
  /** The path the site is served from (the link). */
  readonly path: string;
  /** The build directory the link points at now, or null when there is no site yet. */
  current(): string | null;
  /**
   * The one empty directory builds are written to, always at the same path (Astro drops its
   * kept data store when its output directory changes); `claim` gives it a name of its own.
   */
  staging(): Promise<string>;
  /** Renames the staging directory to a new name of its own, answered. */
  claim(staging: string): Promise<string>;
  /** Where the builds of this site keep their data between builds (Astro's `cacheDir`). */
  readonly cache: string;
  /**
   * A new directory holding the current site, as hard links (no file is copied, and
   * replacing a file in it never touches the current site's copy).
   */
  copyOfCurrent(): Promise<string>;
  /**
   * Makes `dir` (from `claim` or `copyOfCurrent`) the site, atomically; the
   * builds older than the one it replaces are then removed in the background (`settled`).
   */
  publish(dir: string): Promise<void>;
  /** Resolves once the removal of old builds that `publish` started is over. */
  settled(): Promise<void>;
  /** Removes an unpublished directory (the staging one, or a copy). */
  discard(dir: string): Promise<void>;
}

let sequence = 0;

/**
 * Hard-links every file of `from` into `to` (Node has no hard-link copy; `cp -al` is not
 * portable), a directory's entries at once: tens of thousands of files one after another
 * took ten seconds and more, each waiting for the last.
 */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  await Promise.all(
    (await readdir(from, { withFileTypes: true })).map((entry) => {
      const source = join(from, entry.name);
      const target = join(to, entry.name);
      return entry.isDirectory() ? linkTree(source, target) : link(source, target);
    }),
  );
}

/** The name of the staging directory in `<path>.builds/`. */
const STAGING = 'staging';

/** The removal of old builds in progress, by site path (one site may have several `SiteDir`s). */
const cleanings = new Map<string, Promise<void>>();

export function siteDir(path: string): SiteDir {
  const builds = `${path}.builds`;

  const newName = () => join(builds, `${Date.now().toString(36)}-${process.pid}-${(sequence += 1)}`);
  const current = () => (existsSync(path) ? realpathSync(path) : null);
  return {
    path,
    current,
    async staging() {
      await cleanings.get(path);
      const dir = join(builds, STAGING);
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
      return dir;
    },
    async claim(staging) {
      const dir = newName();
      await rename(staging, dir);
      return dir;
    },
    cache: `${path}.cache`,
    async copyOfCurrent() {
      const dir = newName();
      const from = current();
      if (from) await linkTree(from, dir);
      else await mkdir(dir, { recursive: true });
      return dir;
    },
    async publish(dir) {
      await cleanings.get(path);
      const previous = current();
      // A site from before builds were swapped is a plain directory: moved aside once.
      if (existsSync(path) && !lstatSync(path).isSymbolicLink()) await rename(path, join(builds, `before-${Date.now().toString(36)}`));
      const link = join(dirname(path), `.${basename(path)}.link-${process.pid}-${(sequence += 1)}`);
      await symlink(relative(dirname(path), dir), link);
      await rename(link, path);
      // Keep the new build and the one before it, and the directory the next build is being written to.
      const keep = new Set([dir, previous, join(builds, STAGING)].filter((d): d is string => d !== null).map((d) => basename(d)));
      const old = (await readdir(builds)).filter((name) => !keep.has(name));
      const cleaning = Promise.all(old.map((name) => rm(join(builds, name), { recursive: true, force: true }))).then(
        () => undefined,
        () => undefined,
      );
      cleanings.set(path, cleaning);
      void cleaning.then(() => cleanings.get(path) === cleaning && cleanings.delete(path));
    },
    settled: async () => {
      await cleanings.get(path);
    },
    async discard(dir) {
      await rm(dir, { recursive: true, force: true });
    },
  };
}
