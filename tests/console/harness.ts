import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pingDatabase, pendingMigrations } from '@openstation/db';
import { createApi } from '@openstation/api/yoga';
import { createStaffUser } from '@openstation/api/auth/accounts';
import { createHttpApp } from '../../apps/api/src/http/app.ts';
import { databasePhotoReader } from '../../apps/api/src/http/officer-photos.ts';
import type { ServerContext } from '../../apps/api/src/http/context.ts';
import { serveOnNode, type NodeServer } from '../../apps/api/src/http/node-server.ts';
import { portalBuildTask } from '../../apps/api/src/portal-build.ts';
import { createPortalUpdates, type PortalUpdates } from '../../apps/api/src/portal-updates.ts';
import { createStaffConsole } from '../../apps/api/src/console-mount.ts';
import { afterAll, beforeAll } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** A staff account the tests sign in with. */
export interface Account {
  email: string;
  password: string;
}

/** The station the bound editor acts for, and one they do not. */
export const OWN_STATION = 'zhuze';
export const OTHER_STATION = 'toutunhe';

export interface ConsoleServer {
  readonly origin: string;
  readonly db: TestDatabase;
  /** An EDITOR bound to {@link OWN_STATION}. */
  readonly editor: Account;
  /** A bureau-wide ADMIN. */
  readonly admin: Account;
  /** The console's fetch handler itself (e.g. to send it an `https:` request). */
  handle(request: Request): Promise<Response>;
  /** With `portal: true`: the in-process portal build's state (the portal is served at `/`). */
  portalStatus(): ReturnType<PortalUpdates['status']>;
}

/** How the test server is set up. */
export interface ConsoleServerOptions {
  idleMs?: number;
  /**
   * Build the real portal (`apps/portal`, Astro) from this server's API after every published
   * change, as `pnpm start` does, into a scratch directory served at `/`. No build at start:
   * the first published change makes the first one.
   */
  portal?: boolean;
}

/**
 * Registers hooks that give the test file its own seeded database, the real API and the
 * built console mounted at `/staff/` as `pnpm start` mounts it, listening on a local port.
 */
export function useConsoleServer(options: ConsoleServerOptions = {}): ConsoleServer {
  let db: TestDatabase | undefined;
  let updates: PortalUpdates | undefined;
  const portalDir = options.portal ? mkdtempSync(join(tmpdir(), 'openstation-console-portal-')) : null;
  let server: NodeServer | undefined;
  let origin = '';
  let handle: ((request: Request, context: ServerContext) => Promise<Response>) | undefined;
  const editor: Account = { email: 'editor@zhuze.test', password: 'editor-password-zhuze' };
  const admin: Account = { email: 'admin@bureau.test', password: 'admin-password-bureau' };
  beforeAll(async () => {
    db = await openTestDatabase();
    const station = await db.prisma.station.findUniqueOrThrow({ where: { slug: OWN_STATION }, select: { id: true } });
    await createStaffUser(db.prisma, { ...editor, name: '竹箦编辑', role: 'EDITOR', stations: [station.id] });
    await createStaffUser(db.prisma, { ...admin, name: '分局管理员', role: 'ADMIN', stations: 'all' });
    if (portalDir) {
      const build = (origin: string) => portalBuildTask({ portalDir: fileURLToPath(new URL('../../apps/portal', import.meta.url)), apiUrl: `${origin}/graphql`, site: origin, outDir: join(portalDir, 'dist') });
      updates = createPortalUpdates({ env: { PORTAL_REBUILD_DEBOUNCE_MS: '500' }, build: (batch, signal) => build(origin)(batch, signal), log: { info: () => {}, error: (line) => console.error(line) } });
    }
    const api = createApi({ prisma: db.prisma, ...(updates ? { onPublicChange: updates.publicChanged, portalUpdatesStatus: updates.status } : {}) });
    const prisma = db.prisma;
    const staff = createStaffConsole<ServerContext>({ api, secret: 'test-secret-that-is-at-least-32-characters', idleMs: options.idleMs });
    if (!(await staff.ready)) throw new Error('The console did not load.');
    handle = staff.handle;
    server = serveOnNode(
      createHttpApp({
        api,
        database: { ping: () => pingDatabase(prisma), pendingMigrations: () => pendingMigrations(prisma) },
        portalRoot: () => (portalDir ? join(portalDir, 'dist') : tmpdir()),
        mounts: [{ prefix: '/staff/', handle: staff.handle }],
        officerPhotos: databasePhotoReader(prisma),
      }),
    );
    origin = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
  });
  afterAll(async () => {
    await updates?.close();
    await server?.close(1_000);
    await db?.close();
    if (portalDir) rmSync(portalDir, { recursive: true, force: true });
  });
  return {
    get origin() {
      return origin;
    },
    get db() {
      if (!db) throw new Error('useConsoleServer: not ready yet (use it inside a test).');
      return db;
    },
    editor,
    portalStatus() {
      return updates?.status() ?? { build: null, webhook: null };
    },
    admin,
    handle(request) {
      if (!handle) throw new Error('useConsoleServer: not ready yet (use it inside a test).');
      return handle(request, { req: { socket: { remoteAddress: '127.0.0.1' } } });
    },
  };
}
