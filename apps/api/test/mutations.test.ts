import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../src/yoga.ts';
import { gql, gqlOk } from '../../../tests/support/graphql.ts';
import { createStaffPrincipals, type TestPrincipal } from '../../../tests/support/principals.ts';
import { openTestDatabase, type TestDatabase } from '../../../tests/support/test-database.ts';

const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');
const text = (zh: string) => ({ zh });

describe('staff mutations', () => {
  let db: TestDatabase;
  let api: ReturnType<typeof createApi>;
  let admin: TestPrincipal;
  let editor: TestPrincipal;
  let mediator: TestPrincipal;
  let station: { id: number; slug: string };
  const auditCount = () => db.prisma.auditEntry.count();

  beforeAll(async () => {
    db = await openTestDatabase();
    api = createApi({ prisma: db.prisma });
    [admin, editor, mediator] = (await createStaffPrincipals(db.prisma)) as [TestPrincipal, TestPrincipal, TestPrincipal];
    station = await db.prisma.station.findFirstOrThrow({ orderBy: { id: 'asc' }, select: { id: true, slug: true } });
  });
  afterAll(() => db.close());

  const stationInput = (slug: string) => ({
    slug,
    name: { zh: '测试派出所', en: 'Test station' },
    bureau: text('测试分局'),
    region: text('测试区'),
    address: text('测试路1号'),
    dutyPhone: '0512-1234567',
    openingHours: text('全天'),
    summary: text('测试'),
    population: 1000,
  });

  it('createStation writes the station and an audit entry naming the admin', async () => {
    const before = await auditCount();
    const { createStation } = await gqlOk<{ createStation: { id: string; slug: string; name: { en: string } } }>(
      api,
      'mutation ($input: StationInput!) { createStation(input: $input) { id slug name { en } } }',
      { input: stationInput('new-station') },
      admin.headers,
    );
    expect(createStation).toMatchObject({ slug: 'new-station', name: { en: 'Test station' } });
    expect(await auditCount()).toBe(before + 1);
    const entry = await db.prisma.auditEntry.findFirstOrThrow({ orderBy: { id: 'desc' }, include: { staffUser: true } });
    expect(entry).toMatchObject({ action: 'station.create', entityType: 'Station', before: null });
    expect(entry.staffUser?.role).toBe('ADMIN');
    expect(entry.after).toMatchObject({ slug: 'new-station', population: 1000 });
  });

  it('BAD_USER_INPUT names the invalid fields by path, and nothing is written', async () => {
    const before = await auditCount();
    const result = await gql(
      api,
      'mutation ($input: StationInput!) { createStation(input: $input) { slug } }',
      { input: { ...stationInput('Not A Slug'), name: { zh: '  ' } } },
      admin.headers,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const paths = (result.errors?.[0]?.extensions?.fields as { path: string }[]).map((f) => f.path).sort();
    expect(paths).toEqual(['input.name.zh', 'input.slug']);
    expect(await auditCount()).toBe(before);
  });

  it('CONFLICT for a unique clash, NOT_FOUND for a missing record, both without an audit entry', async () => {
    const before = await auditCount();
    const clash = await gql(
      api,
      'mutation ($input: StationInput!) { createStation(input: $input) { slug } }',
      { input: stationInput(station.slug) },
      admin.headers,
    );
    expect(clash.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const missing = await gql(
      api,
      'mutation ($id: ID!) { retireArea(id: $id) { id } }',
      { id: globalId('Area', 999999) },
      editor.headers,
    );
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const wrongType = await gql(
      api,
      'mutation ($id: ID!) { retireArea(id: $id) { id } }',
      { id: globalId('Station', station.id) },
      editor.headers,
    );
    expect(wrongType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const missingStation = await gql(
      api,
      'mutation ($input: AreaInput!) { createArea(input: $input) { id } }',
      { input: { stationId: globalId('Station', 999999), kind: 'VILLAGE', name: text('无此村') } },
      editor.headers,
    );
    expect(missingStation.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await auditCount()).toBe(before);
  });

  it('updateServiceItem keeps the previous version as a revision and bumps the version', async () => {
    const item = await db.prisma.serviceItem.findFirstOrThrow({ where: { stationId: station.id }, orderBy: { id: 'asc' } });
    const input = {
      slug: item.slug,
      category: item.category,
      title: { zh: `${item.titleZh}（新）`, en: item.titleEn },
      conditions: text(item.conditionsZh),
      materials: { zh: item.materialsZh },
      steps: { zh: item.stepsZh },
      timeLimit: text(item.timeLimitZh),
      fee: text('免费'),
      location: text(item.locationZh),
      hours: text(item.hoursZh),
      effectiveFrom: '2026-12-01',
    };
    const { updateServiceItem } = await gqlOk<{ updateServiceItem: { version: number; title: { zh: string } } }>(
      api,
      'mutation ($id: ID!, $input: ServiceItemPatch!) { updateServiceItem(id: $id, input: $input) { version title { zh } } }',
      { id: globalId('ServiceItem', item.id), input },
      editor.headers,
    );
    expect(updateServiceItem).toEqual({ version: item.version + 1, title: { zh: `${item.titleZh}（新）` } });
    const revision = await db.prisma.serviceItemRevision.findUniqueOrThrow({
      where: { serviceItemId_version: { serviceItemId: item.id, version: item.version } },
    });
    expect(revision.snapshot).toMatchObject({ titleZh: item.titleZh, feeZh: item.feeZh });
    const entry = await db.prisma.auditEntry.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(entry).toMatchObject({ action: 'serviceItem.update', entityId: item.id });
    expect(entry.before).toMatchObject({ version: item.version, feeZh: item.feeZh });
    expect(entry.after).toMatchObject({ version: item.version + 1, feeZh: '免费' });
  });

  it('a failed update leaves no revision, no version bump and no audit entry', async () => {
    const [first, second] = await db.prisma.serviceItem.findMany({ where: { stationId: station.id }, orderBy: { id: 'asc' }, take: 2 });
    if (!first || !second) throw new Error('the demo station needs two service items');
    const revisions = await db.prisma.serviceItemRevision.count();
    const audits = await auditCount();
    const result = await gql(
      api,
      'mutation ($id: ID!, $input: ServiceItemPatch!) { updateServiceItem(id: $id, input: $input) { version } }',
      {
        id: globalId('ServiceItem', second.id),
        input: {
          slug: first.slug,
          category: second.category,
          title: text('撞名'),
          conditions: text('无'),
          materials: { zh: [] },
          steps: { zh: [] },
          timeLimit: text('即时'),
          fee: text('免费'),
          location: text('大厅'),
          hours: text('工作日'),
          effectiveFrom: '2026-12-01',
        },
      },
      editor.headers,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await db.prisma.serviceItemRevision.count()).toBe(revisions);
    expect(await auditCount()).toBe(audits);
    const after = await db.prisma.serviceItem.findUniqueOrThrow({ where: { id: second.id } });
    expect(after).toEqual(second);
  });

  it('retired events, areas and officers leave the public lists', async () => {
    const event = await db.prisma.event.findFirstOrThrow({ where: { stationId: station.id } });
    const area = await db.prisma.area.findFirstOrThrow({ where: { stationId: station.id } });
    await gqlOk(api, 'mutation ($id: ID!) { retireEvent(id: $id) { id } }', { id: globalId('Event', event.id) }, editor.headers);
    await gqlOk(api, 'mutation ($id: ID!) { retireArea(id: $id) { id } }', { id: globalId('Area', area.id) }, editor.headers);
    const lists = await gqlOk<{ events: { edges: { node: { id: string } }[] }; areas: { edges: { node: { id: string } }[] } }>(
      api,
      'query ($s: String!) { events(first: 100, stationSlug: $s) { edges { node { id } } } areas(first: 100, stationSlug: $s) { edges { node { id } } } }',
      { s: station.slug },
    );
    expect(lists.events.edges.map((e) => e.node.id)).not.toContain(globalId('Event', event.id));
    expect(lists.areas.edges.map((e) => e.node.id)).not.toContain(globalId('Area', area.id));
    const actions = await db.prisma.auditEntry.findMany({ where: { action: { in: ['event.retire', 'area.retire'] } } });
    expect(actions.map((a) => a.action).sort()).toEqual(['area.retire', 'event.retire']);
  });

  it('assigns an officer to an area, changes and ends the assignment; one primary officer per area', async () => {
    const officer = await db.prisma.officer.findFirstOrThrow({ where: { stationId: station.id, retiredAt: null } });
    const area = await db.prisma.area.findFirstOrThrow({
      where: { stationId: station.id, retiredAt: null, assignments: { none: { officerId: officer.id }, some: { isPrimary: true } } },
    });
    const input = { officerId: globalId('Officer', officer.id), areaId: globalId('Area', area.id), isPrimary: false, since: '2026-03-01' };
    await gqlOk(api, 'mutation ($input: OfficerAssignmentInput!) { assignOfficer(input: $input) { isPrimary } }', { input }, editor.headers);
    const again = await gql(api, 'mutation ($input: OfficerAssignmentInput!) { assignOfficer(input: $input) { isPrimary } }', { input }, editor.headers);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const update = 'mutation ($input: OfficerAssignmentPatch!) { updateOfficerAssignment(input: $input) { isPrimary since } }';
    const key = { officerId: input.officerId, areaId: input.areaId };
    const second = await gql(api, update, { input: { ...key, isPrimary: true } }, editor.headers);
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'PRIMARY_OFFICER_TAKEN', field: 'input.isPrimary' });
    const { updateOfficerAssignment } = await gqlOk<{ updateOfficerAssignment: { isPrimary: boolean; since: string } }>(
      api,
      update,
      { input: { ...key, since: '2026-04-01' } },
      editor.headers,
    );
    expect(updateOfficerAssignment).toEqual({ isPrimary: false, since: '2026-04-01' });
    await gqlOk(api, 'mutation ($o: ID!, $a: ID!) { unassignOfficer(officerId: $o, areaId: $a) }', { o: input.officerId, a: input.areaId }, editor.headers);
    expect(await db.prisma.officerAssignment.count({ where: { officerId: officer.id, areaId: area.id } })).toBe(0);
  });

  it('mediators record cases; a closing date without a concluding status is refused; retired cases leave the statistics', async () => {
    const room = await db.prisma.mediationRoom.findFirstOrThrow({ include: { station: true } });
    const stats = async () =>
      (
        await gqlOk<{ mediationStats: { total: { received: number } } }>(
          api,
          'query ($s: String!) { mediationStats(stationSlug: $s) { total { received } } }',
          { s: room.station.slug },
        )
      ).mediationStats.total.received;
    const received = await stats();
    const invalid = await gql(
      api,
      'mutation ($input: MediationCaseInput!) { createMediationCase(input: $input) { id } }',
      { input: { roomId: globalId('MediationRoom', room.id), reference: 'T-2026-1', category: 'NEIGHBOUR', source: 'WALK_IN', status: 'RESOLVED', receivedOn: '2026-02-01' } },
      mediator.headers,
    );
    expect(invalid.errors?.[0]?.extensions).toMatchObject({ code: 'CLOSED_ON_MISMATCH', field: 'input.closedOn' });
    const { createMediationCase } = await gqlOk<{ createMediationCase: { id: string } }>(
      api,
      'mutation ($input: MediationCaseInput!) { createMediationCase(input: $input) { id } }',
      { input: { roomId: globalId('MediationRoom', room.id), reference: 'T-2026-1', category: 'NEIGHBOUR', source: 'WALK_IN', status: 'RESOLVED', receivedOn: '2026-02-01', closedOn: '2026-02-03' } },
      mediator.headers,
    );
    expect(await stats()).toBe(received + 1);

    await gqlOk(api, 'mutation ($id: ID!) { retireMediationCase(id: $id) { id } }', { id: createMediationCase.id }, mediator.headers);
    expect(await stats()).toBe(received);
  });
});
