/**
 * `pnpm bench:start` — `pnpm start` from a fresh clone of this repository's HEAD: times the
 * install (`pnpm install --frozen-lockfile --offline`, from the local store), the start to
 * "Ready" (embedded PGlite created, migrated and seeded), and to the first portal page served
 * (the start-up build), and prints the server's resident memory at each point.
 * `BENCH_START_PORT` (4000) must be free. Prints figures; asserts nothing about speed.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const port = Number(process.env.BENCH_START_PORT ?? 4000);
const scratch = mkdtempSync(join(tmpdir(), 'openstation-start-'));
const clone = join(scratch, 'openstation');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
}

try {
  execFileSync('git', ['clone', '--quiet', root, clone]);
  let started = performance.now();
  execFileSync('pnpm', ['install', '--frozen-lockfile', '--offline'], { cwd: clone, stdio: 'ignore' });
  const installMs = performance.now() - started;

  started = performance.now();
  const server = spawn('pnpm', ['start'], { cwd: clone, env: { ...process.env, PORT: String(port), DATABASE_URL: '', REDIS_URL: '' }, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  let output = '';
  const ready = new Promise<number>((resolve, reject) => {
    server.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready in/.test(output)) resolve(performance.now() - started);
    });
    server.once('exit', (code) => reject(new Error(`pnpm start exited with ${code}:\n${output}`)));
  });
  const readyMs = await ready;
  // The server's own process (pnpm runs node as a child): from its state file.
  const stateFile = join(clone, 'data', 'openstation-server.json');
  while (!existsSync(stateFile)) await new Promise((resolve) => setTimeout(resolve, 50));
  const pid = (JSON.parse(readFileSync(stateFile, 'utf8')) as { pid: number }).pid;
  const readyRss = rssMb(pid);
  let portalMs = 0;
  for (;;) {
    const response = await fetch(`http://127.0.0.1:${port}/`).catch(() => null);
    if (response?.ok && (response.headers.get('content-type') ?? '').includes('text/html')) {
      portalMs = performance.now() - started;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const servingRss = rssMb(pid);
  process.kill(-(server.pid as number), 'SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  console.log(
    [
      `fresh clone of HEAD: install ${seconds(installMs)} (offline, from the local store)`,
      `pnpm start (embedded PGlite, new data directory): Ready in ${seconds(readyMs)}, first portal page served after ${seconds(portalMs)}`,
      `server resident memory: ${readyRss.toFixed(0)} MB when ready, ${servingRss.toFixed(0)} MB once the portal is built`,
    ].join('\n'),
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
