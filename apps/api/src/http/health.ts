import type { PortalUpdatesStatus } from '../portal-updates.ts';

/** How `/ready` asks the database (`pingDatabase` and `pendingMigrations` of `@openstation/db`). */
export interface ReadinessProbe {
  /** Resolves once the database answers `SELECT 1`. */
  ping(): Promise<void>;
  /** Migrations of the repository the database has not applied. */
  pendingMigrations(): Promise<string[]>;
}

export interface HealthOptions {
  database: ReadinessProbe;
  /** The portal's build queue and webhook, reported by `/ready` (they do not decide it). */
  portalStatus?: () => PortalUpdatesStatus;
  /** How long `/ready` waits for the database before answering 503; 3 s by default. */
  timeoutMs?: number;
}

/** Why `/ready` answers 503. */
interface Problem {
  code: 'DATABASE_UNAVAILABLE' | 'MIGRATIONS_PENDING';
  message: string;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });
}

/** `work()`, or a rejection once `ms` have passed. */
async function within<T>(ms: number, what: string, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work(), late]);
  } finally {
    clearTimeout(timer);
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] ?? error.name : String(error);
}

/**
 * `GET /health`: the process is alive and answering (200 `{"status":"ok"}`), nothing else
 * checked. `GET /ready`: 200 when the database answers `SELECT 1` within the timeout and every
 * migration of the repository is applied; otherwise 503 with `problems` (codes
 * `DATABASE_UNAVAILABLE`, `MIGRATIONS_PENDING`). Both bodies are JSON and never cached; `/ready`
 * also reports the portal's last build and webhook call, which do not make it fail (the API
 * answers, and the portal keeps its previous build).
 */
export function createHealthRoutes({ database, portalStatus, timeoutMs = 3_000 }: HealthOptions) {
  const health = () => json(200, { status: 'ok' });

  async function ready(): Promise<Response> {
    const problems: Problem[] = [];
    let databaseState: 'ok' | 'unavailable' = 'ok';
    let pending: string[] | null = null;
    try {
      pending = await within(timeoutMs, 'The database', async () => {
        await database.ping();
        return database.pendingMigrations();
      });
    } catch (error) {
      databaseState = 'unavailable';
      problems.push({ code: 'DATABASE_UNAVAILABLE', message: `The database does not answer: ${reason(error)}.` });
    }
    if (pending && pending.length > 0) {
      const names = pending.join(', ');
      problems.push({ code: 'MIGRATIONS_PENDING', message: `Not applied: ${names}. Restart the server (it applies them) or run \`prisma migrate deploy\`.` });
    }
    const body = {
      status: problems.length === 0 ? 'ready' : 'unavailable',
      problems,
      database: databaseState,
      pendingMigrations: pending,
      portal: portalStatus?.() ?? null,
    };
    return json(problems.length === 0 ? 200 : 503, body);
  }

  return { health, ready };
}
