import { beforeAll, describe, expect, it } from 'vitest';
import { gql, type GraphQLResponse, gqlOk } from '../../../tests/support/graphql.ts';
import { createStaffPrincipals, type TestPrincipal } from '../../../tests/support/principals.ts';
import { partnerKeyHeaders, createBoundStaff } from '../../../tests/support/principals.ts';
import { useTestApi } from '../../../tests/support/test-api.ts';

const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');
/** A day of next year (China time), as `YYYY-MM-DD`: after today, so dates that record the past refuse it. */
const nextYear = (monthDay: string) => `${new Date(Date.now() + 8 * 3_600_000).getUTCFullYear() + 1}-${monthDay}`;
const dbId = (id: string) => Number(Buffer.from(id, 'base64').toString().split(':')[1]);
const refusal = (result: GraphQLResponse) => ({ code: result.errors?.[0]?.extensions?.code, field: result.errors?.[0]?.extensions?.field });

const CREATE_CASE = 'mutation ($input: MediationCaseInput!) { createMediationCase(input: $input) { id reference status receivedOn closedOn } }';
const UPDATE_CASE = 'mutation ($id: ID!, $input: MediationCasePatch!) { updateMediationCase(id: $id, input: $input) { id reference category status receivedOn closedOn } }';
const RETIRE_CASE = 'mutation ($id: ID!) { retireMediationCase(id: $id) { id } }';
const CREATE_ROOM = 'mutation ($input: MediationRoomInput!) { createMediationRoom(input: $input) { id slug phone leadMediator { id } } }';
const UPDATE_ROOM =
  'mutation ($id: ID!, $input: MediationRoomPatch!) { updateMediationRoom(id: $id, input: $input) { slug name { zh en } phone foundedYear leadMediator { id } } }';
const CASES = 'query ($r: ID) { mediationCases(first: 100, roomId: $r) { edges { node { id room { station { slug } } } } } }';

interface Case {
  id: string;
  reference: string;
  category?: string;
  status: string;
  receivedOn: string;
  closedOn: string | null;
}

describe('mediation rooms and cases through the domain layer', () => {
  const t = useTestApi();
  let mediator: TestPrincipal;
  let zhuze: { id: number; room: number };
  let other: { id: number; slug: string; room: number };
  let zhuzeMediator: Record<string, string>;
  let zhuzeEditor: Record<string, string>;
  const audits = () => t.db.prisma.auditEntry.count();
  const caseInput = (reference: string, extra: Record<string, unknown> = {}) => ({
    roomId: globalId('MediationRoom', zhuze.room),
    reference,
    category: 'NEIGHBOUR',
    source: 'WALK_IN',
    status: 'RECEIVED',
    receivedOn: '2026-11-02',
    ...extra,
  });

  beforeAll(async () => {
    const { prisma } = t.db;
    mediator = (await createStaffPrincipals(prisma)).find((p) => p.role === 'MEDIATOR') as TestPrincipal;
    const zhuzeStation = await prisma.station.findUniqueOrThrow({ where: { slug: 'zhuze' }, include: { mediationRooms: true } });
    const otherStation = await prisma.station.findFirstOrThrow({ where: { slug: { not: 'zhuze' }, mediationRooms: { some: {} } }, include: { mediationRooms: true } });
    zhuze = { id: zhuzeStation.id, room: zhuzeStation.mediationRooms[0]?.id ?? 0 };
    other = { id: otherStation.id, slug: otherStation.slug, room: otherStation.mediationRooms[0]?.id ?? 0 };
    expect(await prisma.mediationCase.count({ where: { roomId: other.room } })).toBeGreaterThan(0);
    zhuzeMediator = (await createBoundStaff(prisma, 'MEDIATOR', [zhuze.id])).headers;
    zhuzeEditor = (await createBoundStaff(prisma, 'EDITOR', [zhuze.id])).headers;
  });

  it('a mediation:read key of a zhuze partner reads zhuze cases and none of another station, by list or by node(id:)', async () => {
    const { api, db } = t;
    const justice = await db.prisma.partnerAgency.findUniqueOrThrow({ where: { stationId_slug: { stationId: zhuze.id, slug: 'justice-office' } } });
    const key = await partnerKeyHeaders(db.prisma, justice.id, ['mediation:read']);
    const { createMediationCase } = await gqlOk<{ createMediationCase: Case }>(api, CREATE_CASE, { input: caseInput('ZZ-READ-1') }, mediator.headers);

    const listed = await gqlOk<{ mediationCases: { edges: { node: { id: string; room: { station: { slug: string } } } }[] } }>(api, CASES, {}, key);
    expect(listed.mediationCases.edges.length).toBeGreaterThan(0);
    expect(new Set(listed.mediationCases.edges.map((e) => e.node.room.station.slug))).toEqual(new Set(['zhuze']));
    const ofOtherRoom = await gqlOk<{ mediationCases: { edges: unknown[] } }>(api, CASES, { r: globalId('MediationRoom', other.room) }, key);
    expect(ofOtherRoom.mediationCases.edges).toEqual([]);

    const own = await gqlOk<{ node: { reference: string } }>(api, 'query ($id: ID!) { node(id: $id) { ... on MediationCase { reference } } }', { id: createMediationCase.id }, key);
    expect(own.node.reference).toBe('ZZ-READ-1');
    const foreign = await db.prisma.mediationCase.findFirstOrThrow({ where: { roomId: other.room } });
    const peek = await gql<{ node: unknown }>(api, 'query ($id: ID!) { node(id: $id) { ... on MediationCase { reference } } }', { id: globalId('MediationCase', foreign.id) }, key);
    expect(peek.data?.node ?? null).toBeNull();
    expect(peek.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const staffList = await gqlOk<{ mediationCases: { edges: { node: { room: { station: { slug: string } } } }[] } }>(api, CASES, {}, zhuzeMediator);
    expect(new Set(staffList.mediationCases.edges.map((e) => e.node.room.station.slug))).toEqual(new Set(['zhuze']));
  });

  it('a mediator of one station cannot create, update or retire the cases of another station\'s rooms', async () => {
    const { api, db } = t;
    const before = await audits();
    const create = await gql(api, CREATE_CASE, { input: { ...caseInput('ZZ-X-1'), roomId: globalId('MediationRoom', other.room) } }, zhuzeMediator);
    expect(create.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const foreign = await db.prisma.mediationCase.findFirstOrThrow({ where: { roomId: other.room, retiredAt: null } });
    const id = globalId('MediationCase', foreign.id);
    const update = await gql(api, UPDATE_CASE, { id, input: { category: 'OTHER' } }, zhuzeMediator);
    expect(update.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const retire = await gql(api, RETIRE_CASE, { id }, zhuzeMediator);
    expect(retire.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { createMediationCase } = await gqlOk<{ createMediationCase: Case }>(api, CREATE_CASE, { input: caseInput('ZZ-X-2') }, zhuzeMediator);
    const moveAway = await gql(api, UPDATE_CASE, { id: createMediationCase.id, input: { roomId: globalId('MediationRoom', other.room) } }, zhuzeMediator);
    expect(moveAway.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const editorCase = await gql(api, CREATE_CASE, { input: caseInput('ZZ-X-3') }, zhuzeEditor);
    expect(editorCase.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await db.prisma.mediationCase.findUniqueOrThrow({ where: { id: foreign.id } })).toEqual(foreign);
    expect(await audits()).toBe(before + 1);
  });

  it('refuses a case received next year (the finding: 2027), closed in the future, closed before received, or dated out of range, naming the field', async () => {
    const { api } = t;
    const before = await audits();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ receivedOn: nextYear('01-15') }, 'DATE_IN_FUTURE', 'input.receivedOn'],
      [{ status: 'RESOLVED', closedOn: nextYear('03-01') }, 'DATE_IN_FUTURE', 'input.closedOn'],
      [{ status: 'RESOLVED', receivedOn: '2026-11-02', closedOn: '2026-11-01' }, 'CLOSED_BEFORE_RECEIVED', 'input.closedOn'],
      [{ receivedOn: '1800-01-01' }, 'BAD_USER_INPUT', 'input.receivedOn'],
      [{ status: 'RESOLVED' }, 'CLOSED_ON_MISMATCH', 'input.closedOn'],
      [{ status: 'IN_PROGRESS', closedOn: '2026-11-20' }, 'CLOSED_ON_MISMATCH', 'input.closedOn'],
    ];
    for (const [extra, code, field] of cases) {
      expect(refusal(await gql(api, CREATE_CASE, { input: caseInput('ZZ-RULE-1', extra) }, mediator.headers))).toEqual({ code, field });
    }
    expect(await audits()).toBe(before);
  });

  it('a duplicate case reference answers CONFLICT naming input.reference, on create and on update', async () => {
    const { api, db } = t;
    await gqlOk(api, CREATE_CASE, { input: caseInput('ZZ-DUP-1') }, mediator.headers);
    const { createMediationCase } = await gqlOk<{ createMediationCase: Case }>(api, CREATE_CASE, { input: caseInput('ZZ-DUP-2') }, mediator.headers);
    const before = await audits();
    const again = await gql(api, CREATE_CASE, { input: caseInput('ZZ-DUP-1') }, mediator.headers);
    expect(refusal(again)).toEqual({ code: 'CONFLICT', field: 'input.reference' });
    const renamed = await gql(api, UPDATE_CASE, { id: createMediationCase.id, input: { reference: 'ZZ-DUP-1' } }, mediator.headers);
    expect(refusal(renamed)).toEqual({ code: 'CONFLICT', field: 'input.reference' });
    expect(await audits()).toBe(before);
    expect(await db.prisma.mediationCase.count({ where: { roomId: zhuze.room, reference: 'ZZ-DUP-1' } })).toBe(1);
  });

  it('updateMediationCase is a patch: left-out fields stay, an empty or unchanged patch writes no audit entry', async () => {
    const { api, db } = t;
    const { createMediationCase: created } = await gqlOk<{ createMediationCase: Case }>(api, CREATE_CASE, { input: caseInput('ZZ-PATCH-1') }, mediator.headers);
    const before = await audits();
    for (const input of [{}, { category: 'NEIGHBOUR', receivedOn: '2026-11-02' }]) {
      const { updateMediationCase } = await gqlOk<{ updateMediationCase: Case }>(api, UPDATE_CASE, { id: created.id, input }, mediator.headers);
      expect(updateMediationCase).toMatchObject({ reference: 'ZZ-PATCH-1', category: 'NEIGHBOUR', status: 'RECEIVED' });
    }
    expect(await audits()).toBe(before);

    const closing = await gql(api, UPDATE_CASE, { id: created.id, input: { status: 'RESOLVED' } }, mediator.headers);
    expect(refusal(closing)).toEqual({ code: 'CLOSED_ON_MISMATCH', field: 'input.status' });
    const early = await gql(api, UPDATE_CASE, { id: created.id, input: { status: 'RESOLVED', closedOn: '2026-10-01' } }, mediator.headers);
    expect(refusal(early)).toEqual({ code: 'CLOSED_BEFORE_RECEIVED', field: 'input.closedOn' });
    const cleared = await gql(api, UPDATE_CASE, { id: created.id, input: { reference: null } }, mediator.headers);
    expect(refusal(cleared)).toEqual({ code: 'FIELD_REQUIRED', field: 'input.reference' });
    const future = await gql(api, UPDATE_CASE, { id: created.id, input: { receivedOn: nextYear('02-01') } }, mediator.headers);
    expect(refusal(future)).toEqual({ code: 'DATE_IN_FUTURE', field: 'input.receivedOn' });
    expect(await audits()).toBe(before);

    const { updateMediationCase: closed } = await gqlOk<{ updateMediationCase: Case }>(
      api,
      UPDATE_CASE,
      { id: created.id, input: { status: 'RESOLVED', closedOn: '2026-11-20' } },
      mediator.headers,
    );
    expect(closed).toMatchObject({ reference: 'ZZ-PATCH-1', category: 'NEIGHBOUR', status: 'RESOLVED', receivedOn: '2026-11-02', closedOn: '2026-11-20' });
    const receivedLate = await gql(api, UPDATE_CASE, { id: created.id, input: { receivedOn: '2026-11-25' } }, mediator.headers);
    expect(refusal(receivedLate)).toEqual({ code: 'CLOSED_BEFORE_RECEIVED', field: 'input.receivedOn' });
    const { updateMediationCase: reopened } = await gqlOk<{ updateMediationCase: Case }>(
      api,
      UPDATE_CASE,
      { id: created.id, input: { status: 'IN_PROGRESS', closedOn: null } },
      mediator.headers,
    );
    expect(reopened).toMatchObject({ status: 'IN_PROGRESS', closedOn: null });
    const trail = await db.prisma.auditEntry.findMany({ where: { entityType: 'MediationCase', entityId: dbId(created.id) }, orderBy: { id: 'asc' } });
    expect(trail.map((e) => [e.action, e.stationId])).toEqual([
      ['mediationCase.create', zhuze.id],
      ['mediationCase.update', zhuze.id],
      ['mediationCase.update', zhuze.id],
    ]);

    await gqlOk(api, RETIRE_CASE, { id: created.id }, mediator.headers);
    await gqlOk(api, RETIRE_CASE, { id: created.id }, mediator.headers);
    expect(await db.prisma.auditEntry.count({ where: { action: 'mediationCase.retire', entityId: dbId(created.id) } })).toBe(1);
  });

  it('mediation rooms: editors and mediators of the station; lead mediator of the same station; patches; retired rooms take no cases', async () => {
    const { api, db } = t;
    const ownOfficer = await db.prisma.officer.findFirstOrThrow({ where: { stationId: zhuze.id, retiredAt: null } });
    const foreignOfficer = await db.prisma.officer.findFirstOrThrow({ where: { stationId: other.id, retiredAt: null } });
    const input = {
      stationId: globalId('Station', zhuze.id),
      slug: 'test-room',
      name: { zh: '测试调解室', en: 'Test room' },
      description: { zh: '测试' },
      location: { zh: '竹箦派出所' },
      phone: '0519-1234567',
      foundedYear: 2020,
    };
    const foreignLead = await gql(api, CREATE_ROOM, { input: { ...input, leadMediatorId: globalId('Officer', foreignOfficer.id) } }, zhuzeEditor);
    expect(refusal(foreignLead)).toEqual({ code: 'LEAD_MEDIATOR_OF_ANOTHER_STATION', field: 'input.leadMediatorId' });
    const elsewhere = await gql(api, CREATE_ROOM, { input: { ...input, stationId: globalId('Station', other.id) } }, zhuzeEditor);
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { createMediationRoom: room } = await gqlOk<{ createMediationRoom: { id: string } }>(
      api,
      CREATE_ROOM,
      { input: { ...input, leadMediatorId: globalId('Officer', ownOfficer.id) } },
      zhuzeEditor,
    );
    const clash = await gql(api, CREATE_ROOM, { input }, zhuzeMediator);
    expect(refusal(clash)).toEqual({ code: 'CONFLICT', field: 'input.slug' });

    const before = await audits();
    for (const patch of [{}, { slug: 'test-room', foundedYear: 2020 }]) {
      await gqlOk(api, UPDATE_ROOM, { id: room.id, input: patch }, zhuzeMediator);
    }
    expect(await audits()).toBe(before);
    const { updateMediationRoom } = await gqlOk<{ updateMediationRoom: Record<string, unknown> }>(
      api,
      UPDATE_ROOM,
      { id: room.id, input: { phone: null, leadMediatorId: null, name: { zh: '新调解室' } } },
      zhuzeMediator,
    );
    expect(updateMediationRoom).toEqual({ slug: 'test-room', name: { zh: '新调解室', en: 'Test room' }, phone: null, foundedYear: 2020, leadMediator: null });
    expect(refusal(await gql(api, UPDATE_ROOM, { id: room.id, input: { location: null } }, zhuzeMediator))).toEqual({ code: 'FIELD_REQUIRED', field: 'input.location' });
    const otherRoom = await gql(api, UPDATE_ROOM, { id: globalId('MediationRoom', other.room), input: { phone: '0000-000' } }, zhuzeEditor);
    expect(otherRoom.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await audits()).toBe(before + 1);

    await gqlOk(api, 'mutation ($id: ID!) { retireMediationRoom(id: $id) { id } }', { id: room.id }, zhuzeEditor);
    const intoRetired = await gql(api, CREATE_CASE, { input: { ...caseInput('ZZ-RETIRED-1'), roomId: room.id } }, zhuzeMediator);
    expect(refusal(intoRetired)).toEqual({ code: 'ROOM_RETIRED', field: 'input.roomId' });
  });
});
