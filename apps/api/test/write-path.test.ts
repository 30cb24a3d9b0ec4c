import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../src/yoga.ts';
import { gql, gqlOk } from '../../../tests/support/graphql.ts';
import { createBoundStaff, createStaffPrincipals, type TestPrincipal } from '../../../tests/support/principals.ts';
import { openTestDatabase, type TestDatabase } from '../../../tests/support/test-database.ts';

const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');
const UPDATE_OFFICER = 'mutation ($id: ID!, $input: OfficerPatch!) { updateOfficer(id: $id, input: $input) { badgeNumber name { zh en } dutyPhone lastVerifiedOn } }';

/** Findings of issue 8 for areas, officers, stations and service items: patches, rules, station-bound access. */
describe('one write path: patches, content rules, station-bound access', () => {
  let db: TestDatabase;
  let api: ReturnType<typeof createApi>;
  let editor: TestPrincipal;
  let stationA: { id: number; slug: string };
  let stationB: { id: number; slug: string };
  let editorOfA: { headers: Record<string, string> };
  let adminOfA: { headers: Record<string, string> };
  const audits = () => db.prisma.auditEntry.count();

  beforeAll(async () => {
    db = await openTestDatabase();
    api = createApi({ prisma: db.prisma });
    [, editor] = (await createStaffPrincipals(db.prisma)) as [TestPrincipal, TestPrincipal, TestPrincipal];
    [stationA, stationB] = (await db.prisma.station.findMany({ orderBy: { id: 'asc' }, take: 2, select: { id: true, slug: true } })) as [
      { id: number; slug: string },
      { id: number; slug: string },
    ];
    editorOfA = await createBoundStaff(db.prisma, 'EDITOR', [stationA.id], 'editor-a@test.example');
    adminOfA = await createBoundStaff(db.prisma, 'ADMIN', [stationA.id], 'admin-a@test.example');
  });
  afterAll(() => db.close());

  const officerWithBadge = (stationId: number) =>
    db.prisma.officer.findFirstOrThrow({ where: { stationId, retiredAt: null, badgeNumber: { not: null }, nameEn: { not: null } }, orderBy: { id: 'asc' } });

  it('updateOfficer with some fields changes only those: badge number and English name stay', async () => {
    const officer = await officerWithBadge(stationA.id);
    const { updateOfficer } = await gqlOk<{ updateOfficer: Record<string, unknown> }>(
      api,
      UPDATE_OFFICER,
      { id: globalId('Officer', officer.id), input: { dutyPhone: '0519-87654321', contactHours: { zh: '工作日 9:00-17:00' }, lastVerifiedOn: '2026-01-05' } },
      editor.headers,
    );
    expect(updateOfficer).toEqual({ badgeNumber: officer.badgeNumber, name: { zh: officer.nameZh, en: officer.nameEn }, dutyPhone: '0519-87654321', lastVerifiedOn: '2026-01-05' });
    const entry = await db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'officer.update', entityId: officer.id }, orderBy: { id: 'desc' } });
    expect(entry.stationId).toBe(stationA.id);
    expect(entry.after).toMatchObject({ badgeNumber: officer.badgeNumber, nameEn: officer.nameEn });
  });

  it('null clears an optional field; null on a required one answers FIELD_REQUIRED naming it and changes nothing', async () => {
    const officer = await officerWithBadge(stationA.id);
    const cleared = await gqlOk<{ updateOfficer: { badgeNumber: string | null } }>(api, UPDATE_OFFICER, { id: globalId('Officer', officer.id), input: { badgeNumber: null } }, editor.headers);
    expect(cleared.updateOfficer.badgeNumber).toBeNull();
    const refused = await gql(api, UPDATE_OFFICER, { id: globalId('Officer', officer.id), input: { name: null, dutyPhone: '0519-1' } }, editor.headers);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FIELD_REQUIRED', field: 'input.name' });
    expect((await db.prisma.officer.findUniqueOrThrow({ where: { id: officer.id } })).nameZh).toBe(officer.nameZh);
  });

  it('an empty or unchanged patch changes nothing and writes no audit entry, for every update mutation', async () => {
    const officer = await officerWithBadge(stationA.id);
    const area = await db.prisma.area.findFirstOrThrow({ where: { stationId: stationA.id } });
    const item = await db.prisma.serviceItem.findFirstOrThrow({ where: { stationId: stationA.id } });
    const assignment = await db.prisma.officerAssignment.findFirstOrThrow({ where: { officer: { stationId: stationA.id } } });
    const cases: [string, Record<string, unknown>][] = [
      ['mutation ($id: ID!, $input: OfficerPatch!) { updateOfficer(id: $id, input: $input) { id } }', { id: globalId('Officer', officer.id) }],
      ['mutation ($id: ID!, $input: AreaPatch!) { updateArea(id: $id, input: $input) { id } }', { id: globalId('Area', area.id) }],
      ['mutation ($id: ID!, $input: StationPatch!) { updateStation(id: $id, input: $input) { id } }', { id: globalId('Station', stationA.id) }],
      ['mutation ($id: ID!, $input: ServiceItemPatch!) { updateServiceItem(id: $id, input: $input) { version } }', { id: globalId('ServiceItem', item.id) }],
    ];
    const before = await audits();
    for (const [query, variables] of cases) await gqlOk(api, query, { ...variables, input: {} }, editor.headers);
    await gqlOk(
      api,
      'mutation ($input: OfficerAssignmentPatch!) { updateOfficerAssignment(input: $input) { isPrimary } }',
      { input: { officerId: globalId('Officer', assignment.officerId), areaId: globalId('Area', assignment.areaId) } },
      editor.headers,
    );
    await gqlOk(api, cases[1]?.[0] ?? '', { id: globalId('Area', area.id), input: { name: { zh: area.nameZh }, kind: area.kind } }, editor.headers);
    expect(await audits()).toBe(before);
    expect((await db.prisma.serviceItem.findUniqueOrThrow({ where: { id: item.id } })).version).toBe(item.version);
  });

  it('a contact verified after today answers DATE_IN_FUTURE; the year 0 answers BAD_USER_INPUT (outside the Date scalar range); nothing is written', async () => {
    const officer = await officerWithBadge(stationA.id);
    const before = await audits();
    const future = await gql(api, UPDATE_OFFICER, { id: globalId('Officer', officer.id), input: { lastVerifiedOn: '2027-06-01' } }, editor.headers);
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'DATE_IN_FUTURE', field: 'input.lastVerifiedOn' });
    const area = await db.prisma.area.findFirstOrThrow({ where: { stationId: stationA.id, assignments: { none: { officerId: officer.id } } } });
    const ancient = await gql(
      api,
      'mutation ($input: OfficerAssignmentInput!) { assignOfficer(input: $input) { isPrimary } }',
      { input: { officerId: globalId('Officer', officer.id), areaId: globalId('Area', area.id), isPrimary: false, since: '0000-01-01' } },
      editor.headers,
    );
    expect(ancient.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.since' } });
    expect(await audits()).toBe(before);
  });

  it('retiring an area that officers still serve warns AREA_HAS_OFFICERS beside the result', async () => {
    const area = await db.prisma.area.findFirstOrThrow({ where: { stationId: stationA.id, retiredAt: null, assignments: { some: { officer: { retiredAt: null } } } } });
    const result = await gql(api, 'mutation ($id: ID!) { retireArea(id: $id) { id } }', { id: globalId('Area', area.id) }, editor.headers);
    expect(result.errors).toBeUndefined();
    expect(result.extensions?.warnings).toEqual([expect.objectContaining({ code: 'AREA_HAS_OFFICERS' })]);
  });

  it('a station-bound editor changes their station and gets FORBIDDEN on another, with nothing written', async () => {
    const own = await officerWithBadge(stationA.id);
    const other = await officerWithBadge(stationB.id);
    await gqlOk(api, UPDATE_OFFICER, { id: globalId('Officer', own.id), input: { dutyPhone: '0519-1111111' } }, editorOfA.headers);
    const before = await audits();
    const refused = [
      await gql(api, UPDATE_OFFICER, { id: globalId('Officer', other.id), input: { dutyPhone: '0519-2222222' } }, editorOfA.headers),
      await gql(api, 'mutation ($input: AreaInput!) { createArea(input: $input) { id } }', { input: { stationId: globalId('Station', stationB.id), kind: 'COMMUNITY', name: { zh: '越界社区' } } }, editorOfA.headers),
      await gql(api, 'mutation ($id: ID!, $input: StationPatch!) { updateStation(id: $id, input: $input) { id } }', { id: globalId('Station', stationB.id), input: { dutyPhone: '110' } }, editorOfA.headers),
      await gql(api, 'mutation ($id: ID!) { retireOfficer(id: $id) { id } }', { id: globalId('Officer', other.id) }, editorOfA.headers),
      await gql(api, 'mutation ($id: ID!) { retireStation(id: $id) { id } }', { id: globalId('Station', stationA.id) }, adminOfA.headers),
    ];
    expect(refused.map((r) => r.errors?.[0]?.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(await audits()).toBe(before);
  });

  it('an id outside the database range answers NOT_FOUND, not an internal error', async () => {
    const result = await gql(api, 'mutation ($id: ID!) { retireArea(id: $id) { id } }', { id: Buffer.from('Area:2147483648').toString('base64') }, editor.headers);
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('a duplicate slug answers CONFLICT naming the field', async () => {
    const [first, second] = await db.prisma.serviceItem.findMany({ where: { stationId: stationA.id }, orderBy: { id: 'asc' }, take: 2 });
    if (!first || !second) throw new Error('the demo station needs two service items');
    const result = await gql(api, 'mutation ($id: ID!, $input: ServiceItemPatch!) { updateServiceItem(id: $id, input: $input) { id } }', { id: globalId('ServiceItem', second.id), input: { slug: first.slug } }, editor.headers);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'slug' });
  });
});
