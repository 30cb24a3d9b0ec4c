import type { GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../src/auth/accounts.ts';
import { schema } from '../src/schema/index.ts';
import { createApi } from '../src/yoga.ts';
import { gql, type GraphQLResponse } from '../../../tests/support/graphql.ts';
import { createBoundStaff, partnerKeyHeaders } from '../../../tests/support/principals.ts';
import { openTestDatabase, type TestDatabase } from '../../../tests/support/test-database.ts';

/**
 * The auth matrix's station dimension: callers bound to station A (an ADMIN, whose role allows
 * everything, and a key of A's partner agency with every scope) against station B's records.
 * Every protected root field is either here or named station-free; a new one fails the file.
 */

const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');
const text = { zh: '越界测试' };

/** Protected root fields that are not about any station's records. */
const STATION_FREE = new Set(['Query.me', 'Query.portalBuildStatus', 'Mutation.logout', 'Mutation.changeOwnPassword']);

/** Station B's records, made once. */
interface B {
  station: { id: number; slug: string };
  area: number;
  otherArea: number;
  officer: number;
  serviceItem: number;
  team: number;
  event: number;
  hoursException: number;
  room: number;
  mediationCase: number;
  draftReport: number;
  publishedReport: number;
  referral: number;
  partner: number;
  openCampaign: number;
  draftCampaign: number;
  staff: number;
  apiClient: number;
  operationHash: string;
}

type Who = 'admin' | 'key';

interface Case {
  as: Who;
  query: string;
  variables: (b: B) => Record<string, unknown>;
  /** For lists: true when the answer shows none of B's records (default: the answer is FORBIDDEN). */
  hides?: (data: Record<string, unknown>, b: B) => boolean;
}

const forbidden = (as: Who, query: string, variables: (b: B) => Record<string, unknown>): Case => ({ as, query, variables });
const byId = (field: string, type: keyof B, typename: string, selection = '{ id }'): Case =>
  forbidden('admin', `mutation ($id: ID!) { ${field}(id: $id) ${selection} }`, (b) => ({ id: globalId(typename, b[type] as number) }));
const ids = (data: unknown): string[] => JSON.stringify(data).match(/"id":"[^"]+"/g) ?? [];
const shows = (data: Record<string, unknown>, typename: string, id: number) => ids(data).includes(`"id":"${globalId(typename, id)}"`);

const CASES: Record<string, Case> = {
  'Query.apiClients': { as: 'admin', query: '{ apiClients { id } }', variables: () => ({}), hides: (d, b) => !shows(d, 'ApiClient', b.apiClient) },
  'Query.staffUsers': { as: 'admin', query: '{ staffUsers { id } }', variables: () => ({}), hides: (d, b) => !shows(d, 'StaffUser', b.staff) },
  'Query.auditEntries': {
    as: 'admin',
    query: '{ auditEntries(first: 100) { edges { node { stationId } } } }',
    variables: () => ({}),
    hides: (d, b) => !JSON.stringify(d).includes(`"stationId":${b.station.id}`),
  },
  'Query.mediationCases': {
    as: 'key',
    query: '{ mediationCases(first: 100) { edges { node { id } } } }',
    variables: () => ({}),
    hides: (d, b) => !shows(d, 'MediationCase', b.mediationCase),
  },
  'Query.workReportDrafts': {
    as: 'admin',
    query: '{ workReportDrafts(first: 100) { edges { node { id } } } }',
    variables: () => ({}),
    hides: (d, b) => !shows(d, 'WorkReport', b.draftReport),
  },
  'Query.referrals': { as: 'key', query: '{ referrals(first: 100) { edges { node { id } } } }', variables: () => ({}), hides: (d, b) => !shows(d, 'Referral', b.referral) },
  'Query.surveyCampaignDrafts': { as: 'admin', query: '{ surveyCampaignDrafts { id } }', variables: () => ({}), hides: (d, b) => !shows(d, 'SurveyCampaign', b.draftCampaign) },
  'Query.trustedOperations': {
    as: 'admin',
    query: '{ trustedOperations { sha256Hash } }',
    variables: () => ({}),
    hides: (d, b) => !JSON.stringify(d).includes(b.operationHash),
  },
  'Query.apiClientsConnection': {
    as: 'admin',
    query: '{ apiClientsConnection(first: 100) { edges { node { id } } } }',
    variables: () => ({}),
    hides: (d, b) => !shows(d, 'ApiClient', b.apiClient),
  },
  'Query.staffUsersConnection': {
    as: 'admin',
    query: '{ staffUsersConnection(first: 100) { edges { node { id } } } }',
    variables: () => ({}),
    hides: (d, b) => !shows(d, 'StaffUser', b.staff),
  },
  'Query.surveyCampaignDraftsConnection': {
    as: 'admin',
    query: '{ surveyCampaignDraftsConnection(first: 100) { edges { node { id } } } }',
    variables: () => ({}),
    hides: (d, b) => !shows(d, 'SurveyCampaign', b.draftCampaign),
  },
  'Query.trustedOperationsConnection': {
    as: 'admin',
    query: '{ trustedOperationsConnection(first: 100) { edges { node { sha256Hash } } } }',
    variables: () => ({}),
    hides: (d, b) => !JSON.stringify(d).includes(b.operationHash),
  },
  'Query.surveyResponses': {
    as: 'key',
    query: 'query ($id: ID!) { surveyResponses(campaignId: $id, first: 100) { edges { node { channel } } } }',
    variables: (b) => ({ id: globalId('SurveyCampaign', b.openCampaign) }),
    hides: (d) => !JSON.stringify(d).includes('channel'),
  },
  'Query.exportCsv': forbidden('admin', 'query ($s: String!) { exportCsv(kind: OFFICERS, station: $s) }', (b) => ({ s: b.station.slug })),
  'Mutation.importCsv': forbidden('admin', 'mutation ($s: String!) { importCsv(kind: AREAS, station: $s, file: "station,nameZh,kind\\n,越界社区,COMMUNITY\\n") { imported } }', (b) => ({ s: b.station.slug })),
  'Mutation.createApiClient': forbidden('admin', 'mutation ($p: ID!) { createApiClient(name: "越界", scopes: [MEDIATION_READ], partnerId: $p) { key } }', (b) => ({ p: globalId('PartnerAgency', b.partner) })),
  'Mutation.revokeApiClient': byId('revokeApiClient', 'apiClient', 'ApiClient'),
  'Mutation.registerTrustedOperation': forbidden('admin', 'mutation ($c: ID!) { registerTrustedOperation(document: "query Cross { metrics { key } }", apiClientId: $c) { sha256Hash } }', (b) => ({ c: globalId('ApiClient', b.apiClient) })),
  'Mutation.registerTrustedOperations': forbidden('admin', 'mutation ($c: ID!) { registerTrustedOperations(documents: ["query CrossMany { metrics { key } }"], apiClientId: $c) { sha256Hash } }', (b) => ({ c: globalId('ApiClient', b.apiClient) })),
  'Mutation.revokeTrustedOperation': forbidden('admin', 'mutation ($h: String!) { revokeTrustedOperation(sha256Hash: $h) { sha256Hash } }', (b) => ({ h: b.operationHash })),
  'Mutation.createStaffUser': forbidden('admin', 'mutation ($s: ID!) { createStaffUser(input: { email: "cross@test.example", name: "越界", role: EDITOR, stationIds: [$s] }) { password } }', (b) => ({ s: globalId('Station', b.station.id) })),
  'Mutation.updateStaffUser': forbidden('admin', 'mutation ($id: ID!) { updateStaffUser(id: $id, input: { name: "改名" }) { id } }', (b) => ({ id: globalId('StaffUser', b.staff) })),
  'Mutation.disableStaffUser': byId('disableStaffUser', 'staff', 'StaffUser'),
  'Mutation.enableStaffUser': byId('enableStaffUser', 'staff', 'StaffUser'),
  'Mutation.resetStaffPassword': byId('resetStaffPassword', 'staff', 'StaffUser', '{ password }'),
  'Mutation.createStation': forbidden('admin', 'mutation ($input: StationInput!) { createStation(input: $input) { id } }', () => ({
    input: { slug: 'cross-station', name: text, bureau: text, region: text, address: text, dutyPhone: '0512-0000000', openingHours: text, summary: text },
  })),
  'Mutation.updateStation': forbidden('admin', 'mutation ($id: ID!) { updateStation(id: $id, input: { dutyPhone: "110" }) { id } }', (b) => ({ id: globalId('Station', b.station.id) })),
  'Mutation.retireStation': forbidden('admin', 'mutation ($id: ID!) { retireStation(id: $id) { id } }', (b) => ({ id: globalId('Station', b.station.id) })),
  'Mutation.createArea': forbidden('admin', 'mutation ($s: ID!) { createArea(input: { stationId: $s, kind: COMMUNITY, name: { zh: "越界社区" } }) { id } }', (b) => ({ s: globalId('Station', b.station.id) })),
  'Mutation.updateArea': forbidden('admin', 'mutation ($id: ID!) { updateArea(id: $id, input: { households: 1 }) { id } }', (b) => ({ id: globalId('Area', b.area) })),
  'Mutation.retireArea': byId('retireArea', 'area', 'Area'),
  'Mutation.createOfficer': forbidden('admin', 'mutation ($s: ID!) { createOfficer(input: { stationId: $s, role: AUXILIARY_OFFICER, name: { zh: "越界" } }) { id } }', (b) => ({ s: globalId('Station', b.station.id) })),
  'Mutation.updateOfficer': forbidden('admin', 'mutation ($id: ID!) { updateOfficer(id: $id, input: { dutyPhone: "110" }) { id } }', (b) => ({ id: globalId('Officer', b.officer) })),
  'Mutation.retireOfficer': byId('retireOfficer', 'officer', 'Officer'),
  'Mutation.assignOfficer': forbidden('admin', 'mutation ($o: ID!, $a: ID!) { assignOfficer(input: { officerId: $o, areaId: $a, isPrimary: false, since: "2026-01-01" }) { isPrimary } }', (b) => ({ o: globalId('Officer', b.officer), a: globalId('Area', b.otherArea) })),
  'Mutation.updateOfficerAssignment': forbidden('admin', 'mutation ($o: ID!, $a: ID!) { updateOfficerAssignment(input: { officerId: $o, areaId: $a, since: "2026-01-01" }) { isPrimary } }', (b) => ({ o: globalId('Officer', b.officer), a: globalId('Area', b.area) })),
  'Mutation.moveOfficer': forbidden('admin', 'mutation ($o: ID!, $a: ID!, $t: ID!) { moveOfficer(input: { officerId: $o, fromAreaId: $a, toAreaId: $t, since: "2026-01-01" }) { isPrimary } }', (b) => ({ o: globalId('Officer', b.officer), a: globalId('Area', b.area), t: globalId('Area', b.otherArea) })),
  'Mutation.unassignOfficer': forbidden('admin', 'mutation ($o: ID!, $a: ID!) { unassignOfficer(officerId: $o, areaId: $a) }', (b) => ({ o: globalId('Officer', b.officer), a: globalId('Area', b.area) })),
  'Mutation.setOfficerPhoto': forbidden('admin', 'mutation ($o: ID!, $p: File!) { setOfficerPhoto(officerId: $o, photo: $p) { photoUrl } }', (b) => ({ o: globalId('Officer', b.officer), p: 'not a photo' })),
  'Mutation.removeOfficerPhoto': forbidden('admin', 'mutation ($o: ID!) { removeOfficerPhoto(officerId: $o) { photoUrl } }', (b) => ({ o: globalId('Officer', b.officer) })),
  'Mutation.createServiceItem': forbidden('admin', 'mutation ($s: ID!) { createServiceItem(input: { stationId: $s, slug: "cross", category: OTHER, title: { zh: "越界" }, conditions: { zh: "无" }, materials: { zh: [] }, steps: { zh: [] }, timeLimit: { zh: "当场" }, fee: { zh: "免费" }, location: { zh: "所" }, hours: { zh: "全天" }, effectiveFrom: "2026-01-01" }) { id } }', (b) => ({ s: globalId('Station', b.station.id) })),
  'Mutation.updateServiceItem': forbidden('admin', 'mutation ($id: ID!) { updateServiceItem(id: $id, input: { fee: { zh: "免费" } }) { id } }', (b) => ({ id: globalId('ServiceItem', b.serviceItem) })),
  'Mutation.retireServiceItem': byId('retireServiceItem', 'serviceItem', 'ServiceItem'),
  'Mutation.createVolunteerTeam': forbidden('admin', 'mutation ($s: ID!) { createVolunteerTeam(input: { stationId: $s, name: { zh: "越界队" }, description: { zh: "无" } }) { id } }', (b) => ({ s: globalId('Station', b.station.id) })),
  'Mutation.updateVolunteerTeam': forbidden('admin', 'mutation ($id: ID!) { updateVolunteerTeam(id: $id, input: { memberCount: 1 }) { id } }', (b) => ({ id: globalId('VolunteerTeam', b.team) })),
  'Mutation.retireVolunteerTeam': byId('retireVolunteerTeam', 'team', 'VolunteerTeam'),
  'Mutation.createEvent': forbidden('admin', 'mutation ($s: ID!) { createEvent(input: { stationId: $s, kind: OPEN_DAY, title: { zh: "越界" }, description: { zh: "无" }, location: { zh: "所" }, startsAt: "2026-05-01T09:00:00Z" }) { id } }', (b) => ({ s: globalId('Station', b.station.id) })),
  'Mutation.updateEvent': forbidden('admin', 'mutation ($id: ID!) { updateEvent(id: $id, input: { location: { zh: "别处" } }) { id } }', (b) => ({ id: globalId('Event', b.event) })),
  'Mutation.retireEvent': byId('retireEvent', 'event', 'Event'),
  'Mutation.createStationHoursException': forbidden('admin', 'mutation ($s: ID!) { createStationHoursException(input: { stationId: $s, startsOn: "2099-01-01", endsOn: "2099-01-01", closed: true, note: { zh: "越界" } }) { id } }', (b) => ({ s: globalId('Station', b.station.id) })),
  'Mutation.updateStationHoursException': forbidden('admin', 'mutation ($id: ID!) { updateStationHoursException(id: $id, input: { note: { zh: "越界" } }) { id } }', (b) => ({ id: globalId('StationHoursException', b.hoursException) })),
  'Mutation.deleteStationHoursException': forbidden('admin', 'mutation ($id: ID!) { deleteStationHoursException(id: $id) }', (b) => ({ id: globalId('StationHoursException', b.hoursException) })),
  'Mutation.createMediationRoom': forbidden('admin', 'mutation ($s: ID!) { createMediationRoom(input: { stationId: $s, slug: "cross", name: { zh: "越界室" }, description: { zh: "无" }, location: { zh: "所" } }) { id } }', (b) => ({ s: globalId('Station', b.station.id) })),
  'Mutation.updateMediationRoom': forbidden('admin', 'mutation ($id: ID!) { updateMediationRoom(id: $id, input: { phone: "110" }) { id } }', (b) => ({ id: globalId('MediationRoom', b.room) })),
  'Mutation.retireMediationRoom': byId('retireMediationRoom', 'room', 'MediationRoom'),
  'Mutation.createMediationCase': forbidden('admin', 'mutation ($r: ID!) { createMediationCase(input: { roomId: $r, reference: "CROSS-1", category: OTHER, source: WALK_IN, status: RECEIVED, receivedOn: "2026-01-01" }) { id } }', (b) => ({ r: globalId('MediationRoom', b.room) })),
  'Mutation.updateMediationCase': forbidden('admin', 'mutation ($id: ID!) { updateMediationCase(id: $id, input: { category: OTHER }) { id } }', (b) => ({ id: globalId('MediationCase', b.mediationCase) })),
  'Mutation.retireMediationCase': byId('retireMediationCase', 'mediationCase', 'MediationCase'),
  'Mutation.createWorkReport': forbidden('admin', 'mutation ($s: ID!) { createWorkReport(stationId: $s, year: 2021, quarter: 1, content: { summary: { zh: "越界" } }) { id } }', (b) => ({ s: globalId('Station', b.station.id) })),
  'Mutation.updateWorkReport': forbidden('admin', 'mutation ($id: ID!) { updateWorkReport(id: $id, content: { summary: { zh: "越界" } }) { id } }', (b) => ({ id: globalId('WorkReport', b.draftReport) })),
  'Mutation.deleteWorkReportDraft': forbidden('admin', 'mutation ($id: ID!) { deleteWorkReportDraft(id: $id) }', (b) => ({ id: globalId('WorkReport', b.draftReport) })),
  'Mutation.publishWorkReport': byId('publishWorkReport', 'draftReport', 'WorkReport'),
  'Mutation.correctWorkReport': forbidden('admin', 'mutation ($id: ID!) { correctWorkReport(id: $id, content: {}, correctionNote: { zh: "越界" }) { id } }', (b) => ({ id: globalId('WorkReport', b.publishedReport) })),
  'Mutation.createReferral': forbidden('key', 'mutation ($s: ID!, $p: ID!) { createReferral(input: { stationId: $s, partnerId: $p, summary: { zh: "越界" }, createdOn: "2026-01-01" }) { id } }', (b) => ({ s: globalId('Station', b.station.id), p: globalId('PartnerAgency', b.partner) })),
  'Mutation.acceptReferral': forbidden('admin', 'mutation ($id: ID!) { acceptReferral(id: $id) { id } }', (b) => ({ id: globalId('Referral', b.referral) })),
  'Mutation.updateReferral': forbidden('admin', 'mutation ($id: ID!) { updateReferral(id: $id, note: "越界") { id } }', (b) => ({ id: globalId('Referral', b.referral) })),
  'Mutation.resolveReferral': forbidden('admin', 'mutation ($id: ID!) { resolveReferral(id: $id, outcome: "越界", resolvedOn: "2026-02-01") { id } }', (b) => ({ id: globalId('Referral', b.referral) })),
  'Mutation.returnReferral': forbidden('admin', 'mutation ($id: ID!) { returnReferral(id: $id, reason: "越界") { id } }', (b) => ({ id: globalId('Referral', b.referral) })),
  'Mutation.enterSurveyResponses': forbidden('admin', 'mutation ($id: ID!) { enterSurveyResponses(campaignId: $id, responses: [{ channel: PAPER, submittedOn: "2026-11-20", answers: [] }]) { count } }', (b) => ({ id: globalId('SurveyCampaign', b.openCampaign) })),
  'Mutation.createSurveyCampaign': forbidden('admin', 'mutation ($s: ID!) { createSurveyCampaign(input: { stationId: $s, period: "2031-H1", title: { zh: "越界" }, opensOn: "2031-01-01", closesOn: "2031-02-01", accessMode: OPEN }) { id } }', (b) => ({ s: globalId('Station', b.station.id) })),
  'Mutation.updateSurveyCampaign': forbidden('admin', 'mutation ($id: ID!) { updateSurveyCampaign(id: $id, input: { title: { zh: "越界" } }) { id } }', (b) => ({ id: globalId('SurveyCampaign', b.draftCampaign) })),
  'Mutation.publishSurveyCampaign': byId('publishSurveyCampaign', 'draftCampaign', 'SurveyCampaign'),
  'Mutation.closeSurveyCampaign': byId('closeSurveyCampaign', 'openCampaign', 'SurveyCampaign'),
  'Mutation.deleteSurveyCampaignDraft': forbidden('admin', 'mutation ($id: ID!) { deleteSurveyCampaignDraft(id: $id) }', (b) => ({ id: globalId('SurveyCampaign', b.draftCampaign) })),
  'Mutation.generateInvitationCodes': forbidden('admin', 'mutation ($id: ID!) { generateInvitationCodes(campaignId: $id, count: 1) { count } }', (b) => ({ id: globalId('SurveyCampaign', b.openCampaign) })),
};

/** Root fields that declare `authScopes` (the protected ones), as `Type.field`. */
function protectedRootFields(): string[] {
  return (['Query', 'Mutation'] as const).flatMap((typeName) => {
    const type = schema.getType(typeName) as GraphQLObjectType;
    return Object.values(type.getFields())
      .filter((field) => (field.extensions as { pothosOptions?: { authScopes?: unknown } }).pothosOptions?.authScopes !== undefined)
      .map((field) => `${typeName}.${field.name}`);
  });
}

describe('station-bound access: station A\'s callers on station B\'s records', () => {
  let db: TestDatabase;
  let api: ReturnType<typeof createApi>;
  let b: B;
  const headers: Record<Who, Record<string, string>> = { admin: {}, key: {} };

  beforeAll(async () => {
    db = await openTestDatabase();
    api = createApi({ prisma: db.prisma });
    const { prisma } = db;
    const [a, station] = await prisma.station.findMany({ orderBy: { id: 'asc' }, take: 2, select: { id: true, slug: true } });
    if (!a || !station) throw new Error('the demo data needs two stations');
    headers.admin = (await createBoundStaff(prisma, 'ADMIN', [a.id])).headers;
    const partnerOfA = await prisma.partnerAgency.findFirstOrThrow({ where: { stationId: a.id } });
    headers.key = await partnerKeyHeaders(prisma, partnerOfA.id, ['public:read', 'mediation:read', 'referrals:write', 'surveys:raw']);

    const s = station.id;
    const assignment = await prisma.officerAssignment.findFirstOrThrow({ where: { officer: { stationId: s, retiredAt: null }, area: { retiredAt: null } } });
    const otherArea = await prisma.area.findFirstOrThrow({ where: { stationId: s, retiredAt: null, id: { not: assignment.areaId }, assignments: { none: { officerId: assignment.officerId } } } });
    const partner = await prisma.partnerAgency.findFirstOrThrow({ where: { stationId: s } });
    const room = await prisma.mediationRoom.findFirstOrThrow({ where: { stationId: s } });
    const mediationCase = await prisma.mediationCase.findFirstOrThrow({ where: { roomId: room.id } });
    const published = await prisma.workReport.findFirstOrThrow({ where: { stationId: s, status: 'PUBLISHED', supersededAt: null } });
    const draft = await prisma.workReport.create({ data: { stationId: s, year: 2020, quarter: 1, titleZh: '2020年第一季度工作报告', summaryZh: '草稿' } });
    const open = await prisma.surveyCampaign.findFirstOrThrow({ where: { stationId: s, status: 'PUBLISHED' }, orderBy: { closesOn: 'desc' } });
    const draftCampaign = await prisma.surveyCampaign.create({
      data: { stationId: s, period: '2030-H2', titleZh: '草稿评议', opensOn: new Date('2030-11-01'), closesOn: new Date('2030-11-30'), accessMode: 'OPEN' },
    });
    const referral = await prisma.referral.create({
      data: { stationId: s, partnerId: partner.id, direction: 'POLICE_TO_PARTNER', summaryZh: '越界测试', createdOn: new Date('2026-01-01') },
    });
    const staff = await createBoundStaff(prisma, 'EDITOR', [s]);
    const { client } = await createApiClient(prisma, { name: 'B partner', scopes: ['mediation:read'], partnerId: partner.id });
    const operation = await prisma.trustedOperation.create({ data: { id: 'b'.repeat(64), document: 'query B { metrics { key } }', operationName: 'B', apiClientId: client.id } });
    await prisma.auditEntry.create({ data: { action: 'test.cross', entityType: 'Test', stationId: s } });
    b = {
      station,
      area: assignment.areaId,
      otherArea: otherArea.id,
      officer: assignment.officerId,
      serviceItem: (await prisma.serviceItem.findFirstOrThrow({ where: { stationId: s } })).id,
      team: (await prisma.volunteerTeam.findFirstOrThrow({ where: { stationId: s } })).id,
      event: (await prisma.event.findFirstOrThrow({ where: { stationId: s } })).id,
      hoursException: (await prisma.stationHoursException.create({ data: { stationId: s, startsOn: new Date('2099-02-01'), endsOn: new Date('2099-02-01'), closed: true, noteZh: '越界测试' } })).id,
      room: room.id,
      mediationCase: mediationCase.id,
      draftReport: draft.id,
      publishedReport: published.id,
      referral: referral.id,
      partner: partner.id,
      openCampaign: open.id,
      draftCampaign: draftCampaign.id,
      staff: staff.id,
      apiClient: client.id,
      operationHash: operation.id,
    };
  });
  afterAll(() => db?.close());

  it('every protected root field is checked here or is station-free', () => {
    const missing = protectedRootFields().filter((name) => !(name in CASES) && !STATION_FREE.has(name));
    expect(missing).toEqual([]);
  });

  it.each(Object.entries(CASES))('%s', async (_name, c) => {
    const audits = await db.prisma.auditEntry.count();
    const result: GraphQLResponse = await gql(api, c.query, c.variables(b), headers[c.as]);
    if (c.hides) {
      expect(result.errors).toBeUndefined();
      expect(c.hides(result.data ?? {}, b)).toBe(true);
    } else {
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await db.prisma.auditEntry.count()).toBe(audits);
  });
});
