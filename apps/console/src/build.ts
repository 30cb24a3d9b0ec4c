import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const consoleDir = fileURLToPath(new URL('..', import.meta.url));
const siteDir = fileURLToPath(new URL('../../../packages/site/src', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * A hash of everything the built console depends on: its sources and config, the shared
 * site package, and the installed Astro. A build is kept under `dist/<hash>/`.
 */
export function sourceHash(): string {
  const hash = createHash('sha256');
  const files = [...filesUnder(join(consoleDir, 'src')), join(consoleDir, 'astro.config.ts'), join(consoleDir, 'package.json'), ...filesUnder(siteDir)];
  for (const file of files.sort()) hash.update(relative(consoleDir, file)).update('\0').update(readFileSync(file)).update('\0');
  hash.update(readFileSync(join(consoleDir, 'node_modules/astro/package.json')));
  return hash.digest('hex').slice(0, 16);
}

/** Where the build of the current sources is (or will be). */
export function buildDir(hash = sourceHash()): string {
  return join(consoleDir, 'dist', hash);
}

/** The built server entry of the current sources, or null when they have not been built. */
export function builtEntry(hash = sourceHash()): string | null {
  const entry = join(buildDir(hash), 'server/entry.mjs');
  return existsSync(entry) ? entry : null;
}

function runAstroBuild(outDir: string): Promise<void> {
  const child = spawn(process.execPath, [join(consoleDir, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
    cwd: consoleDir,
    env: { ...process.env, CONSOLE_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`The staff console's build failed (astro build exited with ${code}):\n${output.join('')}`))));
  });
}

/**
 * Builds the console unless the current sources are built already; answers the server entry.
 * Builds aside and moves the result into place, so processes building at once do not mix
 * files; older builds are removed.
 */
export async function ensureConsoleBuilt(): Promise<string> {
  const hash = sourceHash();
  const ready = builtEntry(hash);
  if (ready) return ready;
  const scratch = join(consoleDir, '.build', `${hash}-${process.pid}-${Date.now()}`);
  mkdirSync(join(consoleDir, 'dist'), { recursive: true });
  try {
    await runAstroBuild(scratch);
    try {
      renameSync(scratch, buildDir(hash));
    } catch (error) {
      // Another process moved the same build into place first: use theirs.
      if (!builtEntry(hash)) throw error;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  for (const old of readdirSync(join(consoleDir, 'dist'))) {
    const path = join(consoleDir, 'dist', old);
    if (old !== hash && old !== 'dev' && statSync(path).isDirectory() && Date.now() - statSync(path).mtimeMs > 60_000) rmSync(path, { recursive: true, force: true });
  }
  const entry = builtEntry(hash);
  if (!entry) throw new Error('The staff console was built but its server entry is missing.');
  return entry;
}
