import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../src/auth/accounts.ts';
import { serveOnNode, type NodeServer } from '../src/http/node-server.ts';
import { buildPortal, portalBuildTask } from '../src/portal-build.ts';
import { siteDir } from '../src/portal-site-dir.ts';
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

/** The paths whose bytes differ between two sites, after checking both have the same files. */
function differences(ours: string, theirs: string): string[] {
  const [a, b] = [files(ours), files(theirs)];
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  return [...a].filter(([path, file]) => !readFileSync(file).equals(readFileSync(b.get(path) as string))).map(([path]) => path);
}

/** One GraphQL request the portal build sent: the root field it asked for and the station it named. */
interface Asked {
  field: string;
  stationSlug: string | null;
}

// Several portal builds: the build is the same on both engines, so it runs on PGlite only.
describe.runIf(process.env.OPENSTATION_TEST_ENGINE !== 'postgres')('incremental portal builds', () => {
  let db: TestDatabase;
  let server: NodeServer;
  let apiUrl: string;
  let headers: Record<string, string>;
  const asked: Asked[] = [];
  /** While true, the API answers every request 503 (a build fails). */
  let refuse = false;
  const scratch = mkdtempSync(join(tmpdir(), 'openstation-incremental-'));
  const incremental = join(scratch, 'incremental', 'dist');
  const full = join(scratch, 'full', 'dist');
  const site = 'http://localhost:4000';
  const api = () => createApi({ prisma: db.prisma });

  beforeAll(async () => {
    db = await openTestDatabase();
    const yoga = createApi({ prisma: db.prisma });
    // Records what each request asked for, to tell which stations a build fetched.
    server = serveOnNode(async (request, context) => {
      if (refuse) return new Response('unavailable', { status: 503 });
      const body = (await request.clone().json()) as { query: string; variables?: Record<string, unknown> };
      const field = /\{\s*(?:\w+\s*:\s*)?(\w+)/.exec(body.query)?.[1] ?? '?';
      const slug = body.variables?.stationSlug ?? body.variables?.s0 ?? null;
      asked.push({ field, stationSlug: typeof slug === 'string' ? slug : null });
      return yoga.fetch(request, context);
    });
    apiUrl = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}/graphql`;
    const admin = await db.prisma.staffUser.create({ data: { email: 'incremental@example.org', name: 'Incremental', role: 'ADMIN', passwordHash: 'not used', allStations: true } });
    headers = { authorization: `Bearer ${(await createSession(db.prisma, admin.id)).token}` };
  });
  afterAll(async () => {
    await server?.close(0);
    await db?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('fetches only the changed station and writes its pages and the shared ones over the current site, equal byte for byte to a full build', async () => {
    await buildPortal({ portalDir, apiUrl, site, outDir: incremental }).done;
    const untouched = statSync(join(incremental, 'qiandeng', 'index.html')).ino;
    const before = readFileSync(join(incremental, 'zhuze', 'index.html'), 'utf8');

    // Committed changes to Zhuze through the API: its duty phone, an officer's phone, an
    // officer retired (an entry the kept data store must lose) and a police area renamed.
    const zhuze = await db.prisma.station.findUniqueOrThrow({ where: { slug: 'zhuze' } });
    const [officer, leaving] = await db.prisma.officer.findMany({ where: { stationId: zhuze.id, retiredAt: null }, orderBy: { id: 'asc' }, take: 2 });
    const area = await db.prisma.area.findFirstOrThrow({ where: { stationId: zhuze.id, retiredAt: null }, orderBy: { id: 'asc' } });
    await gqlOk(api(), 'mutation ($id: ID!) { updateStation(id: $id, input: { dutyPhone: "0519-87654321" }) { id } }', { id: globalId('Station', zhuze.id) }, headers);
    await gqlOk(api(), 'mutation ($id: ID!) { updateOfficer(id: $id, input: { dutyPhone: "0519-87650000" }) { id } }', { id: globalId('Officer', officer!.id) }, headers);
    await gqlOk(api(), 'mutation ($id: ID!) { retireOfficer(id: $id) { id } }', { id: globalId('Officer', leaving!.id) }, headers);
    await gqlOk(api(), 'mutation ($id: ID!) { updateArea(id: $id, input: { name: { zh: "新名社区", en: "Xinming Community" } }) { id } }', { id: globalId('Area', area.id) }, headers);

    asked.length = 0;
    await buildPortal({ portalDir, apiUrl, site, outDir: incremental, onlyStations: ['zhuze'] }).done;
    // The bulk of the data came from the kept store: only Zhuze's officers, areas, reports,
    // service items and mediation figures were asked for.
    const perStation = asked.filter((a) => ['officers', 'areas', 'workReports', 'serviceItems', 'mediationStats'].includes(a.field));
    expect(new Set(perStation.map((a) => a.field))).toEqual(new Set(['officers', 'areas', 'workReports', 'serviceItems', 'mediationStats']));
    expect(perStation.filter((a) => a.stationSlug !== 'zhuze')).toEqual([]);

    await buildPortal({ portalDir, apiUrl, site, outDir: full }).done;

    const after = readFileSync(join(incremental, 'zhuze', 'index.html'), 'utf8');
    expect(after).not.toBe(before);
    expect(after).toContain('0519-87654321');
    expect(readFileSync(join(incremental, 'zhuze', 'officers', 'index.html'), 'utf8')).toContain('新名社区');
    // Another station's pages were not written again: the same file, linked from the previous build.
    expect(statSync(join(incremental, 'qiandeng', 'index.html')).ino).toBe(untouched);
    expect(differences(incremental, full)).toEqual([]);
  }, 900_000);

  it('keeps the old site after a failed build, and builds the whole site with every station\'s data at the next run', async () => {
    const zhuze = await db.prisma.station.findUniqueOrThrow({ where: { slug: 'zhuze' } });
    const qiandeng = await db.prisma.station.findUniqueOrThrow({ where: { slug: 'qiandeng' } });
    const current = realpathSync(incremental);
    const slugs = async (ids: readonly number[]) => (await db.prisma.station.findMany({ where: { id: { in: [...ids] } }, select: { slug: true } })).map((s) => s.slug);
    const task = portalBuildTask({ portalDir, apiUrl, site, outDir: incremental }, slugs);
    const signal = new AbortController().signal;

    // A change to Qiandeng, whose build fails (the API answers 503): the site stays the one before, and the kept data store is dropped.
    await gqlOk(api(), 'mutation ($id: ID!) { updateStation(id: $id, input: { dutyPhone: "0519-81111111" }) { id } }', { id: globalId('Station', qiandeng.id) }, headers);
    refuse = true;
    await expect(task({ entityTypes: ['Station'], stationIds: [qiandeng.id], at: new Date() }, signal)).rejects.toThrow(/Portal build failed/);
    refuse = false;
    expect(realpathSync(incremental)).toBe(current);
    expect(readFileSync(join(incremental, 'qiandeng', 'index.html'), 'utf8')).not.toContain('0519-81111111');
    expect(existsSync(siteDir(incremental).cache)).toBe(false);

    // The next change is Zhuze's: building only Zhuze's pages would leave Qiandeng's change unpublished for good.
    await gqlOk(api(), 'mutation ($id: ID!) { updateStation(id: $id, input: { dutyPhone: "0519-82222222" }) { id } }', { id: globalId('Station', zhuze.id) }, headers);
    asked.length = 0;
    await task({ entityTypes: ['Station'], stationIds: [zhuze.id], at: new Date() }, signal);
    expect(asked.some((a) => a.field === 'officers' && a.stationSlug === null)).toBe(true);
    expect(readFileSync(join(incremental, 'zhuze', 'index.html'), 'utf8')).toContain('0519-82222222');
    expect(readFileSync(join(incremental, 'qiandeng', 'index.html'), 'utf8')).toContain('0519-81111111');

    await buildPortal({ portalDir, apiUrl, site, outDir: full }).done;
    expect(differences(incremental, full)).toEqual([]);
  }, 900_000);
});
