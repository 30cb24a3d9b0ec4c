import { tmpdir } from 'node:os';
import { pingDatabase, pendingMigrations } from '@openstation/db';
import { createApi } from '@openstation/api/yoga';
import { createStaffUser } from '@openstation/api/auth/accounts';
import { createHttpApp } from '../../apps/api/src/http/app.ts';
import { databasePhotoReader } from '../../apps/api/src/http/officer-photos.ts';
import type { ServerContext } from '../../apps/api/src/http/context.ts';
import { serveOnNode, type NodeServer } from '../../apps/api/src/http/node-server.ts';
import { createStaffConsole } from '../../apps/console/src/mount.ts';
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
  /** The console's fetch handler itself (e.g. to send it an `https:` request). */
  handle(request: Request): Promise<Response>;
}

/**
 * Registers hooks that give the test file its own seeded database, the real API and the
 * built console mounted at `/staff/` as `pnpm start` mounts it, listening on a local port.
 */
export function useConsoleServer(options: { idleMs?: number } = {}): ConsoleServer {
  let db: TestDatabase | undefined;
  let server: NodeServer | undefined;
  let origin = '';
  let handle: ((request: Request, context: ServerContext) => Promise<Response>) | undefined;
  const editor: Account = { email: 'editor@zhuze.test', password: 'editor-password-zhuze' };
  beforeAll(async () => {
    db = await openTestDatabase();
    const station = await db.prisma.station.findUniqueOrThrow({ where: { slug: OWN_STATION }, select: { id: true } });
    await createStaffUser(db.prisma, { ...editor, name: '竹箦编辑', role: 'EDITOR', stations: [station.id] });
    const api = createApi({ prisma: db.prisma });
    const prisma = db.prisma;
    const staff = createStaffConsole<ServerContext>({ api, secret: 'test-secret-that-is-at-least-32-characters', idleMs: options.idleMs });
    if (!(await staff.ready)) throw new Error('The console did not load.');
    handle = staff.handle;
    server = serveOnNode(
      createHttpApp({
        api,
        database: { ping: () => pingDatabase(prisma), pendingMigrations: () => pendingMigrations(prisma) },
        portalRoot: () => tmpdir(),
        mounts: [{ prefix: '/staff/', handle: staff.handle }],
        officerPhotos: databasePhotoReader(prisma),
      }),
    );
    origin = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
  });
  afterAll(async () => {
    await server?.close(1_000);
    await db?.close();
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
    handle(request) {
      if (!handle) throw new Error('useConsoleServer: not ready yet (use it inside a test).');
      return handle(request, { req: { socket: { remoteAddress: '127.0.0.1' } } });
    },
  };
}
