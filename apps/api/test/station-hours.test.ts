import { beforeAll, describe, expect, it } from 'vitest';
import { createResponseCache } from '../src/cache/response-cache.ts';
import type { PublicChange } from '../src/domain/public-change.ts';
import { schema } from '../src/schema/index.ts';
import { createApi } from '../src/yoga.ts';
import { gql, type GraphQLResponse, gqlOk } from '../../../tests/support/graphql.ts';
import { createBoundStaff } from '../../../tests/support/principals.ts';
import { useTestApi } from '../../../tests/support/test-api.ts';

const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');
const refusal = (result: GraphQLResponse) => ({ code: result.errors?.[0]?.extensions?.code, field: result.errors?.[0]?.extensions?.field });

/** A China date `offset` days from today, as `YYYY-MM-DD`. */
const day = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

const CREATE = 'mutation ($input: StationHoursExceptionInput!) { createStationHoursException(input: $input) { id } }';
const UPDATE =
  'mutation ($id: ID!, $input: StationHoursExceptionPatch!) { updateStationHoursException(id: $id, input: $input) { startsOn endsOn closed opens closes note { zh en } } }';
const DELETE = 'mutation ($id: ID!) { deleteStationHoursException(id: $id) }';
const LIST = `query ($slug: String!, $from: Date) { station(slug: $slug) {
  hoursExceptions(first: 10, from: $from) { edges { node { id startsOn endsOn closed opens closes note { zh } isDemo station { slug } } } }
} }`;

interface Listed {
  station: { hoursExceptions: { edges: { node: { id: string; startsOn: string; endsOn: string; closed: boolean; opens: string | null; closes: string | null; isDemo: boolean } }[] } };
}

describe('station hours exceptions through the domain layer', () => {
  const t = useTestApi();
  const changes: PublicChange[] = [];
  let announcing: ReturnType<typeof createApi>;
  let station: { id: number; slug: string };
  let other: { id: number; slug: string };
  let editor: Record<string, string>;
  let otherEditor: Record<string, string>;
  let mediator: Record<string, string>;
  let bureauAdmin: Record<string, string>;
  const audits = () => t.db.prisma.auditEntry.count({ where: { entityType: 'StationHoursException' } });

  beforeAll(async () => {
    const { prisma } = t.db;
    announcing = createApi({ prisma, onPublicChange: (change) => void changes.push(change) });
    const [first, second] = await prisma.station.findMany({ orderBy: { id: 'asc' }, take: 2, select: { id: true, slug: true } });
    if (!first || !second) throw new Error('the demo data needs two stations');
    station = first;
    other = second;
    editor = (await createBoundStaff(prisma, 'EDITOR', [station.id])).headers;
    otherEditor = (await createBoundStaff(prisma, 'EDITOR', [other.id])).headers;
    mediator = (await createBoundStaff(prisma, 'MEDIATOR', [station.id])).headers;
    bureauAdmin = (await createBoundStaff(prisma, 'ADMIN', 'all')).headers;
  });

  const input = (fields: Record<string, unknown> = {}) => ({
    stationId: globalId('Station', station.id),
    startsOn: day(40),
    endsOn: day(40),
    opens: '09:00',
    closes: '12:00',
    note: { zh: '节假日服务', en: 'Holiday service' },
    ...fields,
  });

  it('the demo data has New Year holiday hours, flagged as demo, listed until they have ended', async () => {
    const zhuze = await gqlOk<Listed>(t.api, LIST, { slug: 'zhuze', from: '2026-12-31' });
    expect(zhuze.station.hoursExceptions.edges.map((e) => e.node)).toMatchObject([
      { startsOn: '2027-01-01', endsOn: '2027-01-03', closed: true, opens: null, closes: null, isDemo: true },
    ]);
    const xuecheng = await gqlOk<Listed>(t.api, LIST, { slug: 'xuecheng', from: '2027-01-01' });
    expect(xuecheng.station.hoursExceptions.edges.map((e) => e.node)).toMatchObject([
      { startsOn: '2027-01-01', endsOn: '2027-01-01', closed: false, opens: '09:00', closes: '12:00', isDemo: true },
    ]);
    const after = await gqlOk<Listed>(t.api, LIST, { slug: 'xuecheng', from: '2027-01-02' });
    expect(after.station.hoursExceptions.edges).toEqual([]);
  });

  it('the content rules refuse with a code naming the field, and write nothing', async () => {
    const before = await audits();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ endsOn: day(39) }, 'HOURS_ENDS_BEFORE_START', 'input.endsOn'],
      [{ startsOn: day(-3), endsOn: day(-1) }, 'HOURS_IN_PAST', 'input.endsOn'],
      [{ endsOn: day(40 + 92) }, 'HOURS_TOO_LONG', 'input.endsOn'],
      [{ opens: '9:00' }, 'HOURS_TIME_INVALID', 'input.opens'],
      [{ closes: '24:00' }, 'HOURS_TIME_INVALID', 'input.closes'],
      [{ opens: '12:00', closes: '09:00' }, 'HOURS_CLOSES_BEFORE_OPENS', 'input.closes'],
      [{ opens: '09:00', closes: '09:00' }, 'HOURS_CLOSES_BEFORE_OPENS', 'input.closes'],
      [{ closed: true }, 'HOURS_CLOSED_WITH_TIMES', 'input.opens'],
      [{ opens: null }, 'FIELD_REQUIRED', 'input.opens'],
      [{ closes: undefined }, 'FIELD_REQUIRED', 'input.closes'],
    ];
    for (const [fields, code, field] of cases) {
      expect(refusal(await gql(t.api, CREATE, { input: input(fields) }, editor)), JSON.stringify(fields)).toEqual({ code, field });
    }
    expect(refusal(await gql(t.api, CREATE, { input: input({ startsOn: '2200-01-01' }) }, editor))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.startsOn' });
    expect(await audits()).toBe(before);
  });

  it('a new exception with `closed` left out or null is open at the hours given', async () => {
    const { createStationHoursException } = await gqlOk<{ createStationHoursException: { id: string } }>(
      t.api, CREATE, { input: input({ startsOn: day(90), endsOn: day(90), closed: null }) }, editor,
    );
    const listed = await gqlOk<Listed>(t.api, LIST, { slug: station.slug, from: day(90) });
    expect(listed.station.hoursExceptions.edges.map((e) => e.node)).toMatchObject([{ id: createStationHoursException.id, closed: false, opens: '09:00', closes: '12:00' }]);
    await gqlOk(t.api, DELETE, { id: createStationHoursException.id }, editor);
  });

  it('only editors of the station and bureau admins write; another station\'s editor and a mediator are refused', async () => {
    const before = await audits();
    for (const headers of [otherEditor, mediator, {}]) {
      const result = await gql(t.api, CREATE, { input: input({ startsOn: day(50), endsOn: day(50) }) }, headers);
      expect(result.errors?.[0]?.extensions?.code).toMatch(/^(FORBIDDEN|UNAUTHENTICATED)$/);
    }
    expect(await audits()).toBe(before);
    const { createStationHoursException } = await gqlOk<{ createStationHoursException: { id: string } }>(
      t.api, CREATE, { input: input({ startsOn: day(50), endsOn: day(51), closed: true, opens: null, closes: null }) }, bureauAdmin,
    );
    const { id } = createStationHoursException;
    expect((await gql(t.api, UPDATE, { id, input: { note: { zh: '越界' } } }, otherEditor)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql(t.api, DELETE, { id }, otherEditor)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await audits()).toBe(before + 1);
    await gqlOk(t.api, DELETE, { id }, editor);
    expect((await gql(t.api, DELETE, { id }, editor)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('updates are patches checked on the exception as it will be; each change is audited and announced for its station', async () => {
    changes.length = 0;
    const { createStationHoursException } = await gqlOk<{ createStationHoursException: { id: string } }>(announcing, CREATE, { input: input() }, editor);
    const { id } = createStationHoursException;
    expect(changes).toEqual([{ action: 'stationHoursException.create', entityType: 'StationHoursException', stationId: station.id }]);
    expect(refusal(await gql(t.api, CREATE, { input: input({ startsOn: day(39), endsOn: day(41) }) }, editor))).toEqual({ code: 'HOURS_OVERLAP', field: 'input.startsOn' });

    const before = await audits();
    for (const patch of [{}, { opens: '09:00', note: { zh: '节假日服务' } }]) await gqlOk(t.api, UPDATE, { id, input: patch }, editor);
    expect(await audits()).toBe(before);
    expect(refusal(await gql(t.api, UPDATE, { id, input: { closes: '08:30' } }, editor))).toEqual({ code: 'HOURS_CLOSES_BEFORE_OPENS', field: 'input.closes' });
    expect(refusal(await gql(t.api, UPDATE, { id, input: { opens: '13:00' } }, editor))).toEqual({ code: 'HOURS_CLOSES_BEFORE_OPENS', field: 'input.opens' });
    expect(refusal(await gql(t.api, UPDATE, { id, input: { startsOn: day(41) } }, editor))).toEqual({ code: 'HOURS_ENDS_BEFORE_START', field: 'input.startsOn' });
    expect(refusal(await gql(t.api, UPDATE, { id, input: { closed: true } }, editor))).toEqual({ code: 'HOURS_CLOSED_WITH_TIMES', field: 'input.opens' });
    expect(refusal(await gql(t.api, UPDATE, { id, input: { note: null } }, editor))).toEqual({ code: 'FIELD_REQUIRED', field: 'input.note' });
    expect(await audits()).toBe(before);

    const { updateStationHoursException } = await gqlOk<{ updateStationHoursException: Record<string, unknown> }>(
      t.api, UPDATE, { id, input: { closes: '11:30', note: { zh: '元旦节假日服务' } } }, editor,
    );
    expect(updateStationHoursException).toEqual({ startsOn: day(40), endsOn: day(40), closed: false, opens: '09:00', closes: '11:30', note: { zh: '元旦节假日服务', en: 'Holiday service' } });
    changes.length = 0;
    const closed = await gqlOk<{ updateStationHoursException: Record<string, unknown> }>(
      announcing, UPDATE, { id, input: { closed: true, opens: null, closes: null, endsOn: day(42) } }, editor,
    );
    expect(closed.updateStationHoursException).toMatchObject({ startsOn: day(40), endsOn: day(42), closed: true, opens: null, closes: null });
    expect(changes).toEqual([{ action: 'stationHoursException.update', entityType: 'StationHoursException', stationId: station.id }]);

    const listed = await gqlOk<Listed>(t.api, LIST, { slug: station.slug });
    expect(listed.station.hoursExceptions.edges.map((e) => e.node.id)).toContain(id);

    changes.length = 0;
    await gqlOk(announcing, DELETE, { id }, editor);
    expect(changes).toEqual([{ action: 'stationHoursException.delete', entityType: 'StationHoursException', stationId: station.id }]);
    const trail = await t.db.prisma.auditEntry.findMany({ where: { entityType: 'StationHoursException', entityId: Number(Buffer.from(id, 'base64').toString().split(':')[1]) }, orderBy: { id: 'asc' } });
    expect(trail.map((e) => [e.action, e.stationId, e.after === null])).toEqual([
      ['stationHoursException.create', station.id, false],
      ['stationHoursException.update', station.id, false],
      ['stationHoursException.update', station.id, false],
      ['stationHoursException.delete', station.id, true],
    ]);
    expect((await gqlOk<Listed>(t.api, LIST, { slug: station.slug })).station.hoursExceptions.edges.map((e) => e.node.id)).not.toContain(id);
  });

  it('lists only exceptions not yet over, by first day, and is a paged connection', async () => {
    const { prisma } = t.db;
    const at = (offset: number) => new Date(`${day(offset)}T00:00:00Z`);
    await prisma.stationHoursException.createMany({
      data: [
        { stationId: other.id, startsOn: at(-5), endsOn: at(-1), closed: true, noteZh: '已结束' },
        { stationId: other.id, startsOn: at(70), endsOn: at(70), opens: '09:00', closes: '12:00', noteZh: '以后' },
        { stationId: other.id, startsOn: at(-1), endsOn: at(1), opens: '10:00', closes: '11:00', noteZh: '进行中' },
      ],
    });
    const listed = await gqlOk<Listed>(t.api, LIST, { slug: other.slug });
    const notes = listed.station.hoursExceptions.edges.map((e) => e.node as unknown as { note: { zh: string } }).map((n) => n.note.zh);
    expect(notes.filter((n) => ['已结束', '以后', '进行中'].includes(n))).toEqual(['进行中', '以后']);
    const unpaged = await gql(t.api, '{ station(slug: "zhuze") { hoursExceptions { edges { node { id } } } } }');
    expect(unpaged.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a change drops the cached public answers that hold the station\'s hours', async () => {
    const cache = createResponseCache({ schema, redisUrl: null });
    const cached = createApi({ prisma: t.db.prisma, responseCache: cache });
    const read = async () => {
      const response = await cached.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: LIST, variables: { slug: station.slug } }),
      });
      return { cache: response.headers.get('x-response-cache'), body: (await response.json()) as { data: Listed } };
    };
    await read();
    expect((await read()).cache).toBe('HIT');
    const { createStationHoursException } = await gqlOk<{ createStationHoursException: { id: string } }>(
      cached, CREATE, { input: input({ startsOn: day(80), endsOn: day(80), note: { zh: '缓存测试' } }) }, editor,
    );
    const again = await read();
    expect(again.cache).toBe('MISS');
    expect(again.body.data.station.hoursExceptions.edges.map((e) => e.node.id)).toContain(createStationHoursException.id);
    await cache.close();
  });
});
