import { beforeAll, describe, expect, it } from 'vitest';
import { gql, type GraphQLResponse, gqlOk } from '../../../tests/support/graphql.ts';
import { createBoundStaff } from '../../../tests/support/principals.ts';
import { useTestApi } from '../../../tests/support/test-api.ts';

const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');
const refusal = (result: GraphQLResponse) => ({ code: result.errors?.[0]?.extensions?.code, field: result.errors?.[0]?.extensions?.field });

const CREATE_TEAM = 'mutation ($input: VolunteerTeamInput!) { createVolunteerTeam(input: $input) { id } }';
const UPDATE_TEAM = 'mutation ($id: ID!, $input: VolunteerTeamPatch!) { updateVolunteerTeam(id: $id, input: $input) { name { zh en } description { zh } memberCount foundedYear } }';
const CREATE_EVENT = 'mutation ($input: EventInput!) { createEvent(input: $input) { id } }';
const UPDATE_EVENT = 'mutation ($id: ID!, $input: EventPatch!) { updateEvent(id: $id, input: $input) { kind title { zh } startsAt endsAt area { id } } }';

describe('volunteer teams and events through the domain layer', () => {
  const t = useTestApi();
  let station: { id: number; area: number };
  let other: { id: number; area: number };
  let editor: Record<string, string>;
  let otherEditor: Record<string, string>;
  const audits = () => t.db.prisma.auditEntry.count();

  beforeAll(async () => {
    const { prisma } = t.db;
    const [first, second] = await prisma.station.findMany({ orderBy: { id: 'asc' }, take: 2, include: { areas: { where: { retiredAt: null }, take: 1 } } });
    if (!first?.areas[0] || !second?.areas[0]) throw new Error('the demo data needs two stations with areas');
    station = { id: first.id, area: first.areas[0].id };
    other = { id: second.id, area: second.areas[0].id };
    editor = (await createBoundStaff(prisma, 'EDITOR', [station.id])).headers;
    otherEditor = (await createBoundStaff(prisma, 'EDITOR', [other.id])).headers;
  });

  it('volunteer teams: created by the station\'s editors, updated as patches, a duplicate name is a CONFLICT naming input.name', async () => {
    const { api, db } = t;
    const input = { stationId: globalId('Station', station.id), name: { zh: '测试守望队', en: 'Test watch' }, description: { zh: '巡逻' }, memberCount: 12, foundedYear: 2019 };
    const elsewhere = await gql(api, CREATE_TEAM, { input }, otherEditor);
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { createVolunteerTeam } = await gqlOk<{ createVolunteerTeam: { id: string } }>(api, CREATE_TEAM, { input }, editor);
    const { id } = createVolunteerTeam;
    expect(refusal(await gql(api, CREATE_TEAM, { input }, editor))).toEqual({ code: 'CONFLICT', field: 'input.name' });

    const before = await audits();
    for (const patch of [{}, { memberCount: 12, name: { zh: '测试守望队' } }]) await gqlOk(api, UPDATE_TEAM, { id, input: patch }, editor);
    expect(await audits()).toBe(before);
    const { updateVolunteerTeam } = await gqlOk<{ updateVolunteerTeam: Record<string, unknown> }>(api, UPDATE_TEAM, { id, input: { memberCount: 15, foundedYear: null } }, editor);
    expect(updateVolunteerTeam).toEqual({ name: { zh: '测试守望队', en: 'Test watch' }, description: { zh: '巡逻' }, memberCount: 15, foundedYear: null });
    expect(refusal(await gql(api, UPDATE_TEAM, { id, input: { name: null } }, editor))).toEqual({ code: 'FIELD_REQUIRED', field: 'input.name' });
    expect((await gql(api, UPDATE_TEAM, { id, input: { memberCount: 1 } }, otherEditor)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const retire = 'mutation ($id: ID!) { retireVolunteerTeam(id: $id) { id } }';
    expect((await gql(api, retire, { id }, otherEditor)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await gqlOk(api, retire, { id }, editor);
    await gqlOk(api, retire, { id }, editor);
    expect(await audits()).toBe(before + 2);
    const trail = await db.prisma.auditEntry.findMany({ where: { entityType: 'VolunteerTeam' }, orderBy: { id: 'asc' } });
    expect(trail.map((e) => [e.action, e.stationId])).toEqual([
      ['volunteerTeam.create', station.id],
      ['volunteerTeam.update', station.id],
      ['volunteerTeam.retire', station.id],
    ]);
  });

  it('events: the end not before the start, the area of the event\'s station, patches, station-bound editors', async () => {
    const { api } = t;
    const input = {
      stationId: globalId('Station', station.id),
      areaId: globalId('Area', station.area),
      kind: 'RESIDENTS_MEETING',
      title: { zh: '警民恳谈会' },
      description: { zh: '听取意见' },
      location: { zh: '社区会议室' },
      startsAt: '2027-01-10T06:00:00.000Z',
      endsAt: '2027-01-10T08:00:00.000Z',
    };
    const before = await audits();
    expect(refusal(await gql(api, CREATE_EVENT, { input: { ...input, endsAt: '2027-01-10T05:59:00.000Z' } }, editor))).toEqual({
      code: 'EVENT_ENDS_BEFORE_START',
      field: 'input.endsAt',
    });
    expect(refusal(await gql(api, CREATE_EVENT, { input: { ...input, areaId: globalId('Area', other.area) } }, editor))).toEqual({
      code: 'AREA_OF_ANOTHER_STATION',
      field: 'input.areaId',
    });
    expect(refusal(await gql(api, CREATE_EVENT, { input: { ...input, startsAt: '2200-01-01T00:00:00.000Z', endsAt: null } }, editor))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.startsAt',
    });
    expect((await gql(api, CREATE_EVENT, { input }, otherEditor)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await audits()).toBe(before);

    const { createEvent } = await gqlOk<{ createEvent: { id: string } }>(api, CREATE_EVENT, { input }, editor);
    const { id } = createEvent;
    const afterCreate = await audits();
    for (const patch of [{}, { kind: 'RESIDENTS_MEETING', startsAt: input.startsAt }]) await gqlOk(api, UPDATE_EVENT, { id, input: patch }, editor);
    expect(await audits()).toBe(afterCreate);
    expect(refusal(await gql(api, UPDATE_EVENT, { id, input: { startsAt: '2027-01-10T09:00:00.000Z' } }, editor))).toEqual({
      code: 'EVENT_ENDS_BEFORE_START',
      field: 'input.startsAt',
    });
    expect(refusal(await gql(api, UPDATE_EVENT, { id, input: { title: null } }, editor))).toEqual({ code: 'FIELD_REQUIRED', field: 'input.title' });
    expect(refusal(await gql(api, UPDATE_EVENT, { id, input: { areaId: globalId('Area', other.area) } }, editor))).toEqual({
      code: 'AREA_OF_ANOTHER_STATION',
      field: 'input.areaId',
    });
    expect((await gql(api, UPDATE_EVENT, { id, input: { title: { zh: '改' } } }, otherEditor)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql(api, 'mutation ($id: ID!) { retireEvent(id: $id) { id } }', { id }, otherEditor)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await audits()).toBe(afterCreate);

    const { updateEvent } = await gqlOk<{ updateEvent: Record<string, unknown> }>(
      api,
      UPDATE_EVENT,
      { id, input: { areaId: null, endsAt: null, startsAt: '2027-01-10T09:00:00.000Z' } },
      editor,
    );
    expect(updateEvent).toEqual({ kind: 'RESIDENTS_MEETING', title: { zh: '警民恳谈会' }, startsAt: '2027-01-10T09:00:00.000Z', endsAt: null, area: null });
    expect(await audits()).toBe(afterCreate + 1);
  });
});
