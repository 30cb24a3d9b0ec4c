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
  /** A new empty directory to build into. */
  scratch(): Promise<string>;
  /**
   * A new directory holding the current site, as hard links (no file is copied, and
   * replacing a file in it never touches the current site's copy).
   */
  copyOfCurrent(): Promise<string>;
  /** Makes `dir` (from `scratch` or `copyOfCurrent`) the site, atomically. */
  publish(dir: string): Promise<void>;
  /** Removes an unpublished directory. */
  discard(dir: string): Promise<void>;
}

let sequence = 0;

/** Hard-links every file of `from` into `to` (Node has no hard-link copy; `cp -al` is not portable). */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) await linkTree(source, target);
    else await link(source, target);
  }
}

export function siteDir(path: string): SiteDir {
  const builds = `${path}.builds`;
  const newName = () => join(builds, `${Date.now().toString(36)}-${process.pid}-${(sequence += 1)}`);
  const current = () => (existsSync(path) ? realpathSync(path) : null);
  return {
    path,
    current,
    async scratch() {
      const dir = newName();
      await mkdir(dir, { recursive: true });
      return dir;
    },
    async copyOfCurrent() {
      const dir = newName();
      const from = current();
      if (from) await linkTree(from, dir);
      else await mkdir(dir, { recursive: true });
      return dir;
    },
    async publish(dir) {
      const previous = current();
      // A site from before builds were swapped is a plain directory: moved aside once.
      if (existsSync(path) && !lstatSync(path).isSymbolicLink()) await rename(path, join(builds, `before-${Date.now().toString(36)}`));
      const link = join(dirname(path), `.${basename(path)}.link-${process.pid}-${(sequence += 1)}`);
      await symlink(relative(dirname(path), dir), link);
      await rename(link, path);
      // Keep the new build and the one before it.
      const keep = new Set([dir, previous].filter((d): d is string => d !== null).map((d) => basename(d)));
      for (const name of await readdir(builds)) {
        if (!keep.has(name)) await rm(join(builds, name), { recursive: true, force: true });
      }
    },
    async discard(dir) {
      await rm(dir, { recursive: true, force: true });
    },
  };
}
