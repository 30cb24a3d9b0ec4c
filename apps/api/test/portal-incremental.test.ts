import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../src/auth/accounts.ts';
import { buildPortal } from '../src/portal-build.ts';
import { createApi } from '../src/yoga.ts';
import { gqlOk } from '../../../tests/support/graphql.ts';
import { openTestDatabase, type TestDatabase } from '../../../tests/support/test-database.ts';

const portalDir = fileURLToPath(new URL('../../portal', import.meta.url));
const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');

/** Every file under `root` (through the site link), by path relative to it. */
function files(root: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.set(relative(root, path), path);
    }
  };
  walk(root);
  return found;
}

// Three portal builds: the build is the same on both engines, so it runs on PGlite only.
describe.runIf(process.env.OPENSTATION_TEST_ENGINE !== 'postgres')('incremental portal builds', () => {
  let db: TestDatabase;
  let server: Server;
  let apiUrl: string;
  const scratch = mkdtempSync(join(tmpdir(), 'openstation-incremental-'));
  const incremental = join(scratch, 'incremental', 'dist');
  const full = join(scratch, 'full', 'dist');
  const site = 'http://localhost:4000';

  beforeAll(async () => {
    db = await openTestDatabase();
    server = createServer(createApi({ prisma: db.prisma }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    server?.close();
    await db?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('writes one station\'s pages and the shared ones over the current site, equal byte for byte to a full build', async () => {
    await buildPortal({ portalDir, apiUrl, site, outDir: incremental }).done;
    const untouched = statSync(join(incremental, 'qiandeng', 'index.html')).ino;
    const before = readFileSync(join(incremental, 'zhuze', 'index.html'), 'utf8');

    // Two committed changes to Zhuze through the API: its own duty phone and an officer's.
    const zhuze = await db.prisma.station.findUniqueOrThrow({ where: { slug: 'zhuze' } });
    const officer = await db.prisma.officer.findFirstOrThrow({ where: { stationId: zhuze.id, retiredAt: null }, orderBy: { id: 'asc' } });
    const admin = await db.prisma.staffUser.create({ data: { email: 'incremental@example.org', name: 'Incremental', role: 'ADMIN', passwordHash: 'not used', allStations: true } });
    const headers = { authorization: `Bearer ${(await createSession(db.prisma, admin.id)).token}` };
    const api = createApi({ prisma: db.prisma });
    await gqlOk(api, 'mutation ($id: ID!) { updateStation(id: $id, input: { dutyPhone: "0519-87654321" }) { id } }', { id: globalId('Station', zhuze.id) }, headers);
    await gqlOk(api, 'mutation ($id: ID!) { updateOfficer(id: $id, input: { dutyPhone: "0519-87650000" }) { id } }', { id: globalId('Officer', officer.id) }, headers);

    const incrementalMs = await buildPortal({ portalDir, apiUrl, site, outDir: incremental, onlyStations: ['zhuze'] }).done;
    const fullMs = await buildPortal({ portalDir, apiUrl, site, outDir: full }).done;
    console.log(`demo data: incremental build of one station ${incrementalMs} ms, full build ${fullMs} ms`);

    const after = readFileSync(join(incremental, 'zhuze', 'index.html'), 'utf8');
    expect(after).not.toBe(before);
    expect(after).toContain('0519-87654321');
    // Another station's pages were not written again: the same file, linked from the previous build.
    expect(statSync(join(incremental, 'qiandeng', 'index.html')).ino).toBe(untouched);

    const [ours, theirs] = [files(incremental), files(full)];
    expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
    const differing = [...ours].filter(([path, file]) => !readFileSync(file).equals(readFileSync(theirs.get(path) as string)));
    expect(differing.map(([path]) => path)).toEqual([]);
  }, 900_000);
});
