import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../src/yoga.ts';
import { gqlOk } from '../../../tests/support/graphql.ts';
import { createBoundStaff } from '../../../tests/support/principals.ts';
import { openTestDatabase, type TestDatabase } from '../../../tests/support/test-database.ts';

const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');
const rowId = (id: string) => Number(Buffer.from(id, 'base64').toString('utf8').split(':')[1]);
const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
type Synced = { id: string; updatedAt: string; retiredAt: string | null };

const OFFICERS = `query ($since: DateTime, $first: Int!, $after: String) {
  officers(updatedSince: $since, first: $first, after: $after) {
    edges { cursor node { id updatedAt retiredAt } } pageInfo { hasNextPage endCursor }
  }
}`;
const AREAS = `query ($since: DateTime, $slug: String!) {
  areas(updatedSince: $since, first: 100) { edges { node { id updatedAt retiredAt } } }
  station(slug: $slug) { areas(updatedSince: $since, first: 100) { edges { node { id retiredAt } } } }
}`;
const EVERY_LIST = `query ($since: DateTime) {
  stations(updatedSince: $since, first: 100) { edges { node { id updatedAt retiredAt } } }
  areas(updatedSince: $since, first: 100) { edges { node { id } } }
  officers(updatedSince: $since, first: 100) { edges { node { id } } }
  serviceItems(updatedSince: $since, first: 100) { edges { node { id updatedAt retiredAt } } }
  workReports(updatedSince: $since, first: 100) { edges { node { id updatedAt supersededAt } } }
  events(updatedSince: $since, first: 100) { edges { node { id updatedAt retiredAt } } }
}`;

/** Issue 13: `updatedSince` lets a partner fetch only what changed, retirements included, in a stable order. */
describe('updatedSince on the lists partners sync', () => {
  let db: TestDatabase;
  let api: ReturnType<typeof createApi>;
  let station: { id: number; slug: string };
  let editor: { headers: Record<string, string> };

  beforeAll(async () => {
    db = await openTestDatabase();
    api = createApi({ prisma: db.prisma });
    station = await db.prisma.station.findFirstOrThrow({ where: { retiredAt: null }, orderBy: { id: 'asc' }, select: { id: true, slug: true } });
    editor = await createBoundStaff(db.prisma, 'EDITOR', [station.id], 'sync-editor@test.example');
  });
  afterAll(() => db.close());

  const since = async () => {
    await pause();
    const at = new Date();
    await pause();
    return at.toISOString();
  };
  const officers = (vars: Record<string, unknown>) => gqlOk<{ officers: Page<Synced> }>(api, OFFICERS, { first: 100, ...vars });

  it('answers nothing on any list when nothing changed since', async () => {
    const data = await gqlOk<Record<string, { edges: unknown[] }>>(api, EVERY_LIST, { since: await since() });
    expect(Object.fromEntries(Object.entries(data).map(([list, page]) => [list, page.edges.length]))).toEqual({
      stations: 0, areas: 0, officers: 0, serviceItems: 0, workReports: 0, events: 0,
    });
  });

  it('answers exactly the officer changed through the domain, with its new updatedAt', async () => {
    const before = await since();
    const officer = await db.prisma.officer.findFirstOrThrow({ where: { stationId: station.id, retiredAt: null }, orderBy: { id: 'desc' } });
    await gqlOk(api, 'mutation ($id: ID!) { updateOfficer(id: $id, input: { contactHours: { zh: "周一至周五 9:00-17:00（同步测试）" } }) { id } }', { id: globalId('Officer', officer.id) }, editor.headers);

    const { officers: page } = await officers({ since: before });
    expect(page.edges.map((e) => rowId(e.node.id))).toEqual([officer.id]);
    expect(Date.parse(page.edges[0]!.node.updatedAt)).toBeGreaterThanOrEqual(Date.parse(before));
    const all = await officers({});
    expect(all.officers.edges.length).toBeGreaterThan(1);
    const sub = await gqlOk<{ station: { officers: Page<Synced> } }>(api, 'query ($slug: String!, $since: DateTime) { station(slug: $slug) { officers(updatedSince: $since, first: 10) { edges { node { id } } } } }', { slug: station.slug, since: before });
    expect(sub.station.officers.edges.map((e) => rowId(e.node.id))).toEqual([officer.id]);
  });

  it('pages a sync in id order, however the changes were ordered in time', async () => {
    const before = await since();
    const chosen = await db.prisma.officer.findMany({ where: { stationId: station.id, retiredAt: null }, orderBy: { id: 'asc' }, take: 4 });
    expect(chosen.length).toBe(4);
    for (const officer of [...chosen].reverse()) {
      await gqlOk(api, 'mutation ($id: ID!, $hours: String!) { updateOfficer(id: $id, input: { contactHours: { zh: $hours } }) { id } }', { id: globalId('Officer', officer.id), hours: `同步测试 ${officer.id}` }, editor.headers);
      await pause();
    }
    const seen: number[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const { officers: page }: { officers: Page<Synced> } = await officers({ since: before, first: 3, after });
      seen.push(...page.edges.map((e) => rowId(e.node.id)));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(chosen.map((o) => o.id));
  });

  it('shows a retired area to a sync, with retiredAt, while the plain list leaves it out', async () => {
    const before = await since();
    const area = await db.prisma.area.findFirstOrThrow({ where: { stationId: station.id, retiredAt: null }, orderBy: { id: 'desc' } });
    await gqlOk(api, 'mutation ($id: ID!) { retireArea(id: $id) { id } }', { id: globalId('Area', area.id) }, editor.headers);

    const sync = await gqlOk<{ areas: Page<Synced>; station: { areas: Page<Synced> } }>(api, AREAS, { since: before, slug: station.slug });
    expect(sync.areas.edges.map((e) => rowId(e.node.id))).toEqual([area.id]);
    expect(sync.areas.edges[0]!.node.retiredAt).not.toBeNull();
    expect(sync.station.areas.edges.map((e) => [rowId(e.node.id), e.node.retiredAt !== null])).toEqual([[area.id, true]]);

    const plain = await gqlOk<{ areas: Page<Synced>; station: { areas: Page<Synced> } }>(api, AREAS, { since: null, slug: station.slug });
    expect(plain.areas.edges.map((e) => rowId(e.node.id))).not.toContain(area.id);
    expect(plain.station.areas.edges.map((e) => rowId(e.node.id))).not.toContain(area.id);
  });

  it('counts a move between areas as a change of the officer and of both areas', async () => {
    const assignment = await db.prisma.officerAssignment.findFirstOrThrow({
      where: { officer: { stationId: station.id, retiredAt: null }, area: { retiredAt: null }, isPrimary: false },
      orderBy: { id: 'asc' },
    });
    const target = await db.prisma.area.findFirstOrThrow({
      where: { stationId: station.id, retiredAt: null, id: { not: assignment.areaId }, assignments: { none: { officerId: assignment.officerId } } },
      orderBy: { id: 'asc' },
    });
    const before = await since();
    await gqlOk(api, 'mutation ($input: MoveOfficerInput!) { moveOfficer(input: $input) { isPrimary } }', {
      input: { officerId: globalId('Officer', assignment.officerId), fromAreaId: globalId('Area', assignment.areaId), toAreaId: globalId('Area', target.id), since: '2026-11-01' },
    }, editor.headers);

    const data = await gqlOk<Record<string, Page<Synced>>>(api, EVERY_LIST, { since: before });
    expect(data.officers!.edges.map((e) => rowId(e.node.id))).toEqual([assignment.officerId]);
    expect(data.areas!.edges.map((e) => rowId(e.node.id))).toEqual([assignment.areaId, target.id].sort((x, y) => x - y));
  });

  it('sees a new service item version and a retired event', async () => {
    const before = await since();
    const item = await db.prisma.serviceItem.findFirstOrThrow({ where: { stationId: station.id, retiredAt: null }, orderBy: { id: 'asc' } });
    await gqlOk(api, 'mutation ($id: ID!) { updateServiceItem(id: $id, input: { fee: { zh: "免费（同步测试）" } }) { version } }', { id: globalId('ServiceItem', item.id) }, editor.headers);
    const event = await db.prisma.event.findFirstOrThrow({ where: { stationId: station.id, retiredAt: null }, orderBy: { id: 'asc' } });
    await gqlOk(api, 'mutation ($id: ID!) { retireEvent(id: $id) { id } }', { id: globalId('Event', event.id) }, editor.headers);

    const data = await gqlOk<Record<string, Page<Synced>>>(api, EVERY_LIST, { since: before });
    expect(data.serviceItems!.edges.map((e) => rowId(e.node.id))).toEqual([item.id]);
    expect(data.events!.edges.map((e) => [rowId(e.node.id), e.node.retiredAt !== null])).toEqual([[event.id, true]]);
    expect(data.stations!.edges).toEqual([]);
  });
});
