import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PrismaClient, pendingMigrations, pingDatabase } from '@openstation/db';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../tests/support/test-database.ts';
import { useTestApi } from '../../../../tests/support/test-api.ts';
import { createHttpApp } from '../../src/http/app.ts';
import { clientContext } from '../../src/http/context.ts';
import { createHealthRoutes, type ReadinessProbe } from '../../src/http/health.ts';
import type { PortalUpdatesStatus } from '../../src/portal-updates.ts';

const t = useTestApi();

const probeOf = (prisma: PrismaClient, migrationsDir?: string): ReadinessProbe => ({
  ping: () => pingDatabase(prisma),
  pendingMigrations: () => pendingMigrations(prisma, migrationsDir ? { migrationsDir } : {}),
});

const FAILED_BUILD: PortalUpdatesStatus = {
  build: {
    running: false,
    pending: false,
    runs: 2,
    failures: 1,
    lastStartedAt: new Date('2026-05-01T10:00:00Z'),
    lastFinishedAt: new Date('2026-05-01T10:00:09Z'),
    lastSucceededAt: new Date('2026-05-01T09:00:00Z'),
    lastDurationMs: 9000,
    lastError: 'astro build exited with 1',
  },
  webhook: null,
};

interface ReadyBody {
  status: string;
  problems: { code: string; message: string }[];
  database: string;
  pendingMigrations: string[] | null;
  portal: { build: { lastError: string | null } | null } | null;
}

async function ask(database: ReadinessProbe, path: string, portalStatus?: () => PortalUpdatesStatus) {
  const app = createHttpApp({ api: t.api, database, portalRoot: () => '/nonexistent', ...(portalStatus ? { portalStatus } : {}) });
  const response = await app(new Request(`http://openstation${path}`), clientContext('192.0.2.1'));
  expect(response.headers.get('content-type')).toBe('application/json');
  expect(response.headers.get('cache-control')).toBe('no-store');
  return { status: response.status, body: (await response.json()) as ReadyBody };
}

const scratch = mkdtempSync(join(tmpdir(), 'openstation-ready-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('GET /health and GET /ready', () => {
  it('/health answers 200 {"status":"ok"}', async () => {
    const { status, body } = await ask(probeOf(t.db.prisma), '/health');
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok' });
  });

  it('/ready answers 200 when the database answers and every migration is applied, reporting the last portal build', async () => {
    const { status, body } = await ask(probeOf(t.db.prisma), '/ready', () => FAILED_BUILD);
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ready', problems: [], database: 'ok', pendingMigrations: [] });
    expect(body.portal?.build?.lastError).toBe('astro build exited with 1');
  });

  it('/ready answers 503 MIGRATIONS_PENDING naming a migration the database has not applied', async () => {
    const dir = join(scratch, 'migrations');
    mkdirSync(join(dir, '29991231000000_not_applied'), { recursive: true });
    const { status, body } = await ask(probeOf(t.db.prisma, dir), '/ready');
    expect(status).toBe(503);
    expect(body.status).toBe('unavailable');
    expect(body.problems.map((p) => p.code)).toEqual(['MIGRATIONS_PENDING']);
    expect(body.pendingMigrations).toEqual(['29991231000000_not_applied']);
    expect(body.problems[0]?.message).toContain('29991231000000_not_applied');
  });

  it('/ready answers 503 DATABASE_UNAVAILABLE once the database is closed', async () => {
    const db = await openTestDatabase();
    const probe = probeOf(db.prisma);
    expect((await ask(probe, '/ready')).status).toBe(200);
    await db.close();
    const { status, body } = await ask(probe, '/ready');
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: 'unavailable', database: 'unavailable', pendingMigrations: null });
    expect(body.problems.map((p) => p.code)).toEqual(['DATABASE_UNAVAILABLE']);
    expect((await ask(probe, '/health')).status).toBe(200);
  });

  it('/ready answers 503 DATABASE_UNAVAILABLE when the database does not answer in time', async () => {
    const hanging: ReadinessProbe = { ping: () => new Promise(() => {}), pendingMigrations: async () => [] };
    const { ready } = createHealthRoutes({ database: hanging, timeoutMs: 50 });
    const response = await ready();
    expect(response.status).toBe(503);
    expect(((await response.json()) as ReadyBody).problems[0]?.message).toContain('did not answer within 50 ms');
  });
});
