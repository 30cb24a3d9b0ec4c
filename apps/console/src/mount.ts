/**
 * @packageDocumentation
 * The staff console as the API server mounts it: one fetch handler for `/staff/`, built from
 * the Astro sources when they changed, talking to the API in-process.
 */
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { ensureConsoleBuilt } from './build.ts';
import type { ConsoleHost } from './lib/host.ts';

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
}

/** The console: its fetch handler, and when it is ready (built and loaded: true; the build failed: false, and said why). */
export interface StaffConsole<Context> {
  handle(request: Request, context: Context): Promise<Response>;
  ready: Promise<boolean>;
}

/** Headers that say who the visitor is, passed on so that the API applies the same limits to them. */
const FORWARDED = ['x-forwarded-for', 'forwarded'] as const;

type Render = (request: Request, locals: { host: ConsoleHost }) => Promise<Response>;

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

/**
 * Builds the console if its sources changed since the last build (in the background: until
 * then `/staff/` answers 503 "being prepared"), loads it, and answers its fetch handler.
 */
export function createStaffConsole<Context>({ api, secret, idleMs = 30 * 60_000 }: ConsoleOptions<Context>): StaffConsole<Context> {
  const sealing = secret ?? randomBytes(32).toString('hex');
  let render: Render | null = null;
  let failed = false;
  const ready = ensureConsoleBuilt()
    .then(async (entry) => {
      const module = (await import(pathToFileURL(entry).href)) as { render: Render };
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
