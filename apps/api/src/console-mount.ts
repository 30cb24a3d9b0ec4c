/**
 * @packageDocumentation
 * The staff console as the API server mounts it at `/staff/`: the console app is built (when its
 * sources changed) by its own build script in a child process, and its built server entry is
 * loaded like the portal's built files are served — the API does not import the console's code.
 * The two meet only in `@openstation/site/console-host`.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ConsoleEntry, ConsoleHost } from '@openstation/site/console-host';

/** The GraphQL API as the console calls it: the API server's fetch handler. */
export interface ConsoleApi<Context> {
  fetch(request: Request, context: Context): Response | Promise<Response>;
}

/** How the console is mounted. */
export interface ConsoleOptions<Context> {
  api: ConsoleApi<Context>;
  /**
   * Seals the session cookie (at least 32 characters). Give every replica the same one
   * (`CONSOLE_SESSION_SECRET`); without it each process makes its own, and a restart signs staff out.
   */
  secret?: string | undefined;
  /** A session unused this long ends: `CONSOLE_IDLE_MINUTES`, 30 by default. */
  idleMs?: number | undefined;
  /** The console app (`apps/console`). */
  consoleDir?: string;
}

/** The console: its fetch handler, and when it is ready (built and loaded: true; the build failed: false, and said why). */
export interface StaffConsole<Context> {
  handle(request: Request, context: Context): Promise<Response>;
  ready: Promise<boolean>;
}

/** Headers that say who the visitor is, passed on so that the API applies the same limits to them. */
const FORWARDED = ['x-forwarded-for', 'forwarded'] as const;

const CONSOLE_DIR = fileURLToPath(new URL('../../console', import.meta.url));

function unavailable(zh: string, en: string): Response {
  const body = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>OpenStation</title><main><h1>${zh}</h1><p lang="en">${en}</p></main></html>`;
  return new Response(body, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': '5', 'cache-control': 'no-store' } });
}

/** Settings from the environment: `CONSOLE_SESSION_SECRET`, `CONSOLE_IDLE_MINUTES`. */
export function consoleSettingsFromEnv(env: Record<string, string | undefined> = process.env): { secret: string | undefined; idleMs: number } {
  const minutes = Number(env.CONSOLE_IDLE_MINUTES ?? 30);
  if (!Number.isFinite(minutes) || minutes <= 0) throw new Error(`CONSOLE_IDLE_MINUTES must be a positive number of minutes; it is "${env.CONSOLE_IDLE_MINUTES}".`);
  const secret = env.CONSOLE_SESSION_SECRET;
  if (secret !== undefined && secret.length < 32) throw new Error('CONSOLE_SESSION_SECRET must be at least 32 characters long.');
  return { secret, idleMs: minutes * 60_000 };
}

/** Runs the console's build script (a no-op when its sources are built) and answers the built entry's path. */
function buildConsole(consoleDir: string): Promise<string> {
  const child = spawn(process.execPath, [`${consoleDir}/scripts/build.ts`, '--entry'], { cwd: consoleDir, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const entry = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && entry.endsWith('entry.mjs')) resolve(entry);
      else reject(new Error(`The staff console's build exited with ${code}:\n${err || out}`));
    });
  });
}

/**
 * Builds the console if its sources changed since the last build (in the background: until
 * then `/staff/` answers 503 "being prepared"), loads it, and answers its fetch handler.
 */
export function createStaffConsole<Context>({ api, secret, idleMs = 30 * 60_000, consoleDir = CONSOLE_DIR }: ConsoleOptions<Context>): StaffConsole<Context> {
  const sealing = secret ?? randomBytes(32).toString('hex');
  let render: ConsoleEntry['render'] | null = null;
  let failed = false;
  const ready = buildConsole(consoleDir)
    .then(async (entry) => {
      const module = (await import(pathToFileURL(entry).href)) as ConsoleEntry;
      render = module.render;
      return true;
    })
    .catch((error: unknown) => {
      failed = true;
      console.error('The staff console is not available:', error instanceof Error ? error.message : error);
      return false;
    });
  return {
    ready,
    async handle(request, context) {
      if (failed) return unavailable('控制台无法启动，请联系系统管理员查看服务器日志。', 'The staff console could not start: the server log says why.');
      if (!render) return unavailable('控制台正在准备，请几秒后刷新。', 'The staff console is being prepared: reload in a few seconds.');
      const host: ConsoleHost = {
        secret: sealing,
        idleMs,
        graphql: async (graphqlRequest) => {
          const headers = new Headers(graphqlRequest.headers);
          for (const name of FORWARDED) {
            const value = request.headers.get(name);
            if (value) headers.set(name, value);
          }
          return api.fetch(new Request(graphqlRequest, { headers }), context);
        },
      };
      return render(request, { host });
    },
  };
}
