import type { StaffRole } from '@openstation/db';
import type { GraphQLFieldMap, GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiScope } from '../src/auth/scopes.ts';
import { schema } from '../src/schema/index.ts';
import { createApi } from '../src/yoga.ts';
import { gql } from '../../../tests/support/graphql.ts';
import { createAllPrincipals, type TestPrincipal } from '../../../tests/support/principals.ts';
import { openTestDatabase, type TestDatabase } from '../../../tests/support/test-database.ts';

/** Root fields anyone may call. Adding a root field to neither list below fails this file. */
const PUBLIC_FIELDS = new Set([
  'Query.areas',
  'Query.events',
  'Query.latestReport',
  'Query.mediationStats',
  'Query.metrics',
  'Query.node',
  'Query.nodes',
  'Query.officers',
  'Query.serviceItems',
  'Query.station',
  'Query.stations',
  'Query.surveyCampaigns',
  'Query.surveyCampaignsConnection',
  'Query.viewer',
  'Query.surveyResults',
  'Query.workReports',
  'Mutation.login',
  'Mutation.submitSurveyResponse',
  'Mutation.issueSurveyFormToken',
]);

type Allowed = (p: TestPrincipal) => boolean;
const roles =
  (...allowed: StaffRole[]): Allowed =>
  (p) => p.role !== null && allowed.includes(p.role);
const scope =
  (s: ApiScope): Allowed =>
  (p) => p.scopes?.includes(s) ?? false;
const either =
  (...checks: Allowed[]): Allowed =>
  (p) => checks.some((c) => c(p));

const ADMIN = roles('ADMIN');
const EDITORS = roles('ADMIN', 'EDITOR');
const MEDIATORS = roles('ADMIN', 'MEDIATOR');
const STAFF = roles('ADMIN', 'EDITOR', 'MEDIATOR');
const REFERRERS = either(MEDIATORS, scope('referrals:write'));

/** A global id no record has, of the given type. */
const missing = (type: string) => Buffer.from(`${type}:999999`).toString('base64');

interface Case {
  allowed: Allowed;
  query: string;
  variables?: Record<string, unknown>;
  /** Variables that name records of the test database, read before the case runs. */
  prepare?: (db: TestDatabase) => Promise<Record<string, unknown>>;
}

const text = { zh: '测试' };
const STATION = {
  slug: 'matrix-test',
  name: text,
  bureau: text,
  region: text,
  address: text,
  dutyPhone: '0512-0000000',
  openingHours: text,
  summary: text,
};
const AREA = { stationId: missing('Station'), kind: 'COMMUNITY', name: text };
const OFFICER = { stationId: missing('Station'), role: 'COMMUNITY_OFFICER', name: text };
const ASSIGNMENT = { officerId: missing('Officer'), areaId: missing('Area'), isPrimary: true, since: '2026-01-01' };
const SERVICE_ITEM = {
  stationId: missing('Station'),
  slug: 'matrix-test',
  category: 'OTHER',
  title: text,
  conditions: text,
  materials: { zh: [] },
  steps: { zh: [] },
  timeLimit: text,
  fee: text,
  location: text,
  hours: text,
  effectiveFrom: '2026-01-01',
};
const REPORT = { title: text, summary: text, sections: [], metrics: [], priorities: [] };
const TEAM = { stationId: missing('Station'), name: text, description: text };
const EVENT = { stationId: missing('Station'), kind: 'OPEN_DAY', title: text, description: text, location: text, startsAt: '2026-05-01T09:00:00Z' };
const HOURS_EXCEPTION = { stationId: missing('Station'), startsOn: '2099-01-01', endsOn: '2099-01-01', closed: true, note: text };
const ROOM = { stationId: missing('Station'), slug: 'matrix-test', name: text, description: text, location: text };
const CASE = { roomId: missing('MediationRoom'), reference: 'T-1', category: 'OTHER', source: 'WALK_IN', status: 'RECEIVED', receivedOn: '2026-01-01' };

/** A retire mutation of a record that does not exist. */
function retire(field: string, type: string): Omit<Case, 'allowed'> {
  return { query: `mutation ($id: ID!) { ${field}(id: $id) { id } }`, variables: { id: missing(type) } };
}

/**
 * Every protected root field: who may call it, and a request that reaches it. Requests name
 * records that do not exist where they can, so that allowed callers get NOT_FOUND or
 * BAD_USER_INPUT (never an auth code) and the database stays as it was.
 */
const PROTECTED: Record<string, Case> = {
  'Query.me': { allowed: STAFF, query: '{ me { email } }' },
  'Query.portalBuildStatus': { allowed: STAFF, query: '{ portalBuildStatus { build { running } } }' },
  'Query.apiClients': { allowed: ADMIN, query: '{ apiClients { name } }' },
  'Query.apiClientsConnection': { allowed: ADMIN, query: '{ apiClientsConnection(first: 1) { edges { node { label } } } }' },
  'Query.staffUsers': { allowed: ADMIN, query: '{ staffUsers { email } }' },
  'Query.staffUsersConnection': { allowed: ADMIN, query: '{ staffUsersConnection(first: 1) { edges { node { email } } } }' },
  'Query.auditEntries': { allowed: ADMIN, query: '{ auditEntries(first: 1) { edges { node { action } } } }' },
  'Mutation.logout': { allowed: STAFF, query: 'mutation { logout }' },
  'Mutation.createApiClient': {
    allowed: ADMIN,
    query: 'mutation { createApiClient(name: "", scopes: []) { key } }',
  },
  'Query.mediationCases': {
    allowed: either(MEDIATORS, scope('mediation:read')),
    query: '{ mediationCases(first: 1) { edges { node { reference } } } }',
  },
  'Mutation.createStation': {
    allowed: ADMIN,
    query: 'mutation ($input: StationInput!) { createStation(input: $input) { slug } }',
    variables: { input: STATION },
  },
  'Mutation.updateStation': {
    allowed: EDITORS,
    query: 'mutation ($id: ID!, $input: StationPatch!) { updateStation(id: $id, input: $input) { slug } }',
    variables: { id: missing('Station'), input: {} },
  },
  'Mutation.retireStation': { allowed: ADMIN, ...retire('retireStation', 'Station') },
  'Mutation.createArea': {
    allowed: EDITORS,
    query: 'mutation ($input: AreaInput!) { createArea(input: $input) { kind } }',
    variables: { input: AREA },
  },
  'Mutation.updateArea': {
    allowed: EDITORS,
    query: 'mutation ($id: ID!, $input: AreaPatch!) { updateArea(id: $id, input: $input) { kind } }',
    variables: { id: missing('Area'), input: {} },
  },
  'Mutation.retireArea': { allowed: EDITORS, ...retire('retireArea', 'Area') },
  'Mutation.createOfficer': {
    allowed: EDITORS,
    query: 'mutation ($input: OfficerInput!) { createOfficer(input: $input) { role } }',
    variables: { input: OFFICER },
  },
  'Mutation.updateOfficer': {
    allowed: EDITORS,
    query: 'mutation ($id: ID!, $input: OfficerPatch!) { updateOfficer(id: $id, input: $input) { role } }',
    variables: { id: missing('Officer'), input: {} },
  },
  'Mutation.retireOfficer': { allowed: EDITORS, ...retire('retireOfficer', 'Officer') },
  'Mutation.assignOfficer': {
    allowed: EDITORS,
    query: 'mutation ($input: OfficerAssignmentInput!) { assignOfficer(input: $input) { isPrimary } }',
    variables: { input: ASSIGNMENT },
  },
  'Mutation.updateOfficerAssignment': {
    allowed: EDITORS,
    query: 'mutation ($input: OfficerAssignmentPatch!) { updateOfficerAssignment(input: $input) { isPrimary } }',
    variables: { input: { officerId: ASSIGNMENT.officerId, areaId: ASSIGNMENT.areaId } },
  },
  'Mutation.moveOfficer': {
    allowed: EDITORS,
    query: 'mutation ($input: MoveOfficerInput!) { moveOfficer(input: $input) { isPrimary } }',
    variables: { input: { officerId: missing('Officer'), fromAreaId: missing('Area'), toAreaId: missing('Area'), since: '2026-01-01' } },
  },
  'Mutation.unassignOfficer': {
    allowed: EDITORS,
    query: 'mutation ($o: ID!, $a: ID!) { unassignOfficer(officerId: $o, areaId: $a) }',
    variables: { o: missing('Officer'), a: missing('Area') },
  },
  'Mutation.setOfficerPhoto': {
    allowed: EDITORS,
    query: 'mutation ($o: ID!, $p: File!) { setOfficerPhoto(officerId: $o, photo: $p) { photoUrl } }',
    variables: { o: missing('Officer'), p: 'not a photo' },
  },
  'Mutation.removeOfficerPhoto': {
    allowed: EDITORS,
    query: 'mutation ($o: ID!) { removeOfficerPhoto(officerId: $o) { photoUrl } }',
    variables: { o: missing('Officer') },
  },
  'Mutation.createServiceItem': {
    allowed: EDITORS,
    query: 'mutation ($input: ServiceItemInput!) { createServiceItem(input: $input) { slug } }',
    variables: { input: SERVICE_ITEM },
  },
  'Mutation.updateServiceItem': {
    allowed: EDITORS,
    query: 'mutation ($id: ID!, $input: ServiceItemPatch!) { updateServiceItem(id: $id, input: $input) { slug } }',
    variables: { id: missing('ServiceItem'), input: {} },
  },
  'Mutation.retireServiceItem': { allowed: EDITORS, ...retire('retireServiceItem', 'ServiceItem') },
  'Mutation.createVolunteerTeam': {
    allowed: EDITORS,
    query: 'mutation ($input: VolunteerTeamInput!) { createVolunteerTeam(input: $input) { memberCount } }',
    variables: { input: TEAM },
  },
  'Mutation.updateVolunteerTeam': {
    allowed: EDITORS,
    query: 'mutation ($id: ID!, $input: VolunteerTeamPatch!) { updateVolunteerTeam(id: $id, input: $input) { memberCount } }',
    variables: { id: missing('VolunteerTeam'), input: { memberCount: 1 } },
  },
  'Mutation.retireVolunteerTeam': { allowed: EDITORS, ...retire('retireVolunteerTeam', 'VolunteerTeam') },
  'Mutation.createEvent': {
    allowed: EDITORS,
    query: 'mutation ($input: EventInput!) { createEvent(input: $input) { kind } }',
    variables: { input: EVENT },
  },
  'Mutation.updateEvent': {
    allowed: EDITORS,
    query: 'mutation ($id: ID!, $input: EventPatch!) { updateEvent(id: $id, input: $input) { kind } }',
    variables: { id: missing('Event'), input: { kind: 'OPEN_DAY' } },
  },
  'Mutation.retireEvent': { allowed: EDITORS, ...retire('retireEvent', 'Event') },
  'Mutation.createStationHoursException': {
    allowed: EDITORS,
    query: 'mutation ($input: StationHoursExceptionInput!) { createStationHoursException(input: $input) { closed } }',
    variables: { input: HOURS_EXCEPTION },
  },
  'Mutation.updateStationHoursException': {
    allowed: EDITORS,
    query: 'mutation ($id: ID!, $input: StationHoursExceptionPatch!) { updateStationHoursException(id: $id, input: $input) { closed } }',
    variables: { id: missing('StationHoursException'), input: { closed: true } },
  },
  'Mutation.deleteStationHoursException': {
    allowed: EDITORS,
    query: 'mutation ($id: ID!) { deleteStationHoursException(id: $id) }',
    variables: { id: missing('StationHoursException') },
  },
  'Mutation.createMediationRoom': {
    allowed: either(EDITORS, MEDIATORS),
    query: 'mutation ($input: MediationRoomInput!) { createMediationRoom(input: $input) { slug } }',
    variables: { input: ROOM },
  },
  'Mutation.updateMediationRoom': {
    allowed: either(EDITORS, MEDIATORS),
    query: 'mutation ($id: ID!, $input: MediationRoomPatch!) { updateMediationRoom(id: $id, input: $input) { slug } }',
    variables: { id: missing('MediationRoom'), input: { slug: 'matrix-test' } },
  },
  'Mutation.retireMediationRoom': { allowed: either(EDITORS, MEDIATORS), ...retire('retireMediationRoom', 'MediationRoom') },
  'Mutation.createMediationCase': {
    allowed: MEDIATORS,
    query: 'mutation ($input: MediationCaseInput!) { createMediationCase(input: $input) { reference } }',
    variables: { input: CASE },
  },
  'Mutation.updateMediationCase': {
    allowed: MEDIATORS,
    query: 'mutation ($id: ID!, $input: MediationCasePatch!) { updateMediationCase(id: $id, input: $input) { reference } }',
    variables: { id: missing('MediationCase'), input: { reference: 'T-1' } },
  },
  'Mutation.retireMediationCase': { allowed: MEDIATORS, ...retire('retireMediationCase', 'MediationCase') },
  'Query.workReportDrafts': { allowed: EDITORS, query: '{ workReportDrafts(first: 1) { edges { node { year } } } }' },
  'Mutation.createWorkReport': {
    allowed: EDITORS,
    query: 'mutation ($s: ID!, $c: WorkReportContentInput!) { createWorkReport(stationId: $s, year: 2026, quarter: 1, content: $c) { id } }',
    variables: { s: missing('Station'), c: REPORT },
  },
  'Mutation.updateWorkReport': {
    allowed: EDITORS,
    query: 'mutation ($id: ID!, $c: WorkReportContentPatch!) { updateWorkReport(id: $id, content: $c) { id } }',
    variables: { id: missing('WorkReport'), c: REPORT },
  },
  'Mutation.deleteWorkReportDraft': { allowed: EDITORS, query: 'mutation ($id: ID!) { deleteWorkReportDraft(id: $id) }', variables: { id: missing('WorkReport') } },
  'Mutation.publishWorkReport': { allowed: EDITORS, ...retire('publishWorkReport', 'WorkReport') },
  'Mutation.correctWorkReport': {
    allowed: EDITORS,
    query: 'mutation ($id: ID!, $c: WorkReportContentPatch!) { correctWorkReport(id: $id, content: $c, correctionNote: { zh: "更正" }) { id } }',
    variables: { id: missing('WorkReport'), c: REPORT },
  },
  'Query.referrals': { allowed: REFERRERS, query: '{ referrals(first: 1) { edges { node { status } } } }' },
  'Mutation.createReferral': {
    allowed: REFERRERS,
    query: 'mutation ($input: ReferralInput!) { createReferral(input: $input) { id } }',
    // At the station of the test keys' partner agency, so a partner key gets past its station;
    // a missing partner (staff) or a date after today (the key's own partner) then refuses it.
    prepare: async (db) => {
      const partner = await db.prisma.partnerAgency.findFirstOrThrow({ orderBy: { id: 'asc' } });
      const stationId = Buffer.from(`Station:${partner.stationId}`).toString('base64');
      return { input: { stationId, partnerId: missing('PartnerAgency'), summary: text, createdOn: '2099-01-01' } };
    },
  },
  'Mutation.acceptReferral': { allowed: REFERRERS, ...retire('acceptReferral', 'Referral') },
  'Mutation.updateReferral': {
    allowed: REFERRERS,
    query: 'mutation ($id: ID!) { updateReferral(id: $id, note: "进展") { id } }',
    variables: { id: missing('Referral') },
  },
  'Mutation.returnReferral': {
    allowed: REFERRERS,
    query: 'mutation ($id: ID!) { returnReferral(id: $id, reason: "不属本单位职责") { id } }',
    variables: { id: missing('Referral') },
  },
  'Mutation.resolveReferral': {
    allowed: REFERRERS,
    query: 'mutation ($id: ID!) { resolveReferral(id: $id, outcome: "已解决", resolvedOn: "2026-02-01") { id } }',
    variables: { id: missing('Referral') },
  },
  'Query.surveyResponses': {
    allowed: either(STAFF, scope('surveys:raw')),
    query: 'query ($id: ID!) { surveyResponses(campaignId: $id, first: 1) { edges { node { channel } } } }',
    variables: { id: missing('SurveyCampaign') },
  },
  'Mutation.enterSurveyResponses': {
    allowed: EDITORS,
    query: 'mutation ($id: ID!) { enterSurveyResponses(campaignId: $id, responses: [{ channel: PAPER, submittedOn: "2026-01-01", answers: [] }]) { count } }',
    variables: { id: missing('SurveyCampaign') },
  },
  'Mutation.createSurveyCampaign': {
    allowed: EDITORS,
    query: 'mutation ($input: SurveyCampaignInput!) { createSurveyCampaign(input: $input) { id } }',
    variables: {
      input: { stationId: missing('Station'), period: '2030-H1', title: text, opensOn: '2030-01-01', closesOn: '2030-01-31', accessMode: 'OPEN' },
    },
  },
  'Query.surveyCampaignDrafts': { allowed: EDITORS, query: '{ surveyCampaignDrafts { period } }' },
  'Query.surveyCampaignDraftsConnection': { allowed: EDITORS, query: '{ surveyCampaignDraftsConnection(first: 1) { edges { node { period } } } }' },
  'Mutation.updateSurveyCampaign': {
    allowed: EDITORS,
    query: 'mutation ($id: ID!) { updateSurveyCampaign(id: $id, input: { title: { zh: "测试" } }) { id } }',
    variables: { id: missing('SurveyCampaign') },
  },
  'Mutation.publishSurveyCampaign': { allowed: EDITORS, ...retire('publishSurveyCampaign', 'SurveyCampaign') },
  'Mutation.closeSurveyCampaign': { allowed: EDITORS, ...retire('closeSurveyCampaign', 'SurveyCampaign') },
  'Mutation.deleteSurveyCampaignDraft': {
    allowed: EDITORS,
    query: 'mutation ($id: ID!) { deleteSurveyCampaignDraft(id: $id) }',
    variables: { id: missing('SurveyCampaign') },
  },
  'Mutation.disableStaffUser': { allowed: ADMIN, ...retire('disableStaffUser', 'StaffUser') },
  'Mutation.enableStaffUser': { allowed: ADMIN, ...retire('enableStaffUser', 'StaffUser') },
  'Mutation.generateInvitationCodes': {
    allowed: EDITORS,
    query: 'mutation ($id: ID!) { generateInvitationCodes(campaignId: $id, count: 1) { csv } }',
    variables: { id: missing('SurveyCampaign') },
  },
  'Mutation.revokeApiClient': {
    allowed: ADMIN,
    query: 'mutation ($id: ID!) { revokeApiClient(id: $id) { name } }',
    variables: { id: missing('ApiClient') },
  },
  'Query.trustedOperations': { allowed: ADMIN, query: '{ trustedOperations { sha256Hash } }' },
  'Query.trustedOperationsConnection': { allowed: ADMIN, query: '{ trustedOperationsConnection(first: 1) { edges { node { sha256Hash } } } }' },
  'Mutation.registerTrustedOperation': {
    allowed: ADMIN,
    query: 'mutation ($client: ID!) { registerTrustedOperation(document: "query Matrix { metrics { key } }", apiClientId: $client) { sha256Hash } }',
    variables: { client: missing('ApiClient') },
  },
  'Mutation.registerTrustedOperations': {
    allowed: ADMIN,
    query: 'mutation ($client: ID!) { registerTrustedOperations(documents: ["query Matrix { metrics { key } }"], apiClientId: $client) { sha256Hash } }',
    variables: { client: missing('ApiClient') },
  },
  'Mutation.createStaffUser': {
    allowed: ADMIN,
    query: 'mutation { createStaffUser(input: { email: "matrix@test.example", name: "Matrix", role: EDITOR }) { password } }',
  },
  'Mutation.updateStaffUser': {
    allowed: ADMIN,
    query: 'mutation ($id: ID!) { updateStaffUser(id: $id, input: { name: "Matrix" }) { id } }',
    variables: { id: missing('StaffUser') },
  },
  'Mutation.resetStaffPassword': {
    allowed: ADMIN,
    query: 'mutation ($id: ID!) { resetStaffPassword(id: $id) { password } }',
    variables: { id: missing('StaffUser') },
  },
  'Mutation.changeOwnPassword': {
    allowed: STAFF,
    query: 'mutation { changeOwnPassword(currentPassword: "not the password", newPassword: "another long password") }',
  },
  'Query.exportCsv': { allowed: EDITORS, query: '{ exportCsv(kind: AREAS, station: "no-such-station") }' },
  'Mutation.importCsv': {
    allowed: EDITORS,
    query: 'mutation { importCsv(kind: AREAS, file: "station,nameZh", station: "no-such-station", dryRun: true) { rows } }',
  },
  'Mutation.revokeTrustedOperation': {
    allowed: ADMIN,
    query: 'mutation { revokeTrustedOperation(sha256Hash: "0000000000000000000000000000000000000000000000000000000000000000") { sha256Hash } }',
  },
};

/** Object types readable only by some callers (through `node(id:)` or a relation). */
const PROTECTED_TYPES: Record<string, Allowed> = {
  ApiClient: ADMIN,
  AuditEntry: ADMIN,
  /** A case of the test keys' partner agency's station: its `mediation:read` key reads it. */
  MediationCase: either(MEDIATORS, scope('mediation:read')),
  /** Drafts only: published reports are public. */
  WorkReport: EDITORS,
  /** A referral of the test keys' partner agency: its `referrals:write` key sees it. */
  Referral: REFERRERS,
  StaffUser: STAFF,
  /** Drafts only: published campaigns are public. */
  SurveyCampaign: EDITORS,
};

function rootFields(): { name: string; scoped: boolean }[] {
  const roots = [schema.getQueryType(), schema.getMutationType()].filter((t): t is GraphQLObjectType => t != null);
  return roots.flatMap((type) =>
    Object.values(type.getFields() as GraphQLFieldMap<unknown, unknown>).map((field) => ({
      name: `${type.name}.${field.name}`,
      scoped: (field.extensions.pothosOptions as { authScopes?: unknown } | undefined)?.authScopes !== undefined,
    })),
  );
}

const AUTH_CODES = ['UNAUTHENTICATED', 'FORBIDDEN'];

describe('authorization matrix', () => {
  let db: TestDatabase;
  let api: ReturnType<typeof createApi>;
  let principals: TestPrincipal[];
  beforeAll(async () => {
    db = await openTestDatabase();
    api = createApi({ prisma: db.prisma });
    principals = await createAllPrincipals(db.prisma);
  });
  afterAll(() => db.close());

  it('every root field is either public or declares authScopes, and every protected one is in the matrix', () => {
    const fields = rootFields();
    const unprotected = fields.filter((f) => !f.scoped && !PUBLIC_FIELDS.has(f.name)).map((f) => f.name);
    expect(unprotected, 'root fields with no authScopes that are not listed as public').toEqual([]);
    const scoped = fields.filter((f) => f.scoped).map((f) => f.name).sort();
    expect(scoped).toEqual(Object.keys(PROTECTED).sort());
    expect(fields.filter((f) => f.scoped && PUBLIC_FIELDS.has(f.name))).toEqual([]);
  });

  it('every object type with authScopes is in the type matrix', () => {
    const scopedTypes = Object.values(schema.getTypeMap())
      .filter((t) => (t.extensions.pothosOptions as { authScopes?: unknown } | undefined)?.authScopes !== undefined)
      .map((t) => t.name)
      .sort();
    expect(scopedTypes).toEqual(Object.keys(PROTECTED_TYPES).sort());
  });

  it.each(Object.entries(PROTECTED))('%s: allowed callers get through, others are refused', async (_name, testCase) => {
    const outcomes: string[] = [];
    const variables = testCase.prepare ? await testCase.prepare(db) : (testCase.variables ?? {});
    for (const principal of principals) {
      const result = await gql(api, testCase.query, variables, await principal.freshHeaders());
      const codes = (result.errors ?? []).map((e) => String(e.extensions?.code));
      const expected = testCase.allowed(principal);
      const got = codes.some((c) => AUTH_CODES.includes(c)) ? codes.find((c) => AUTH_CODES.includes(c)) : 'allowed';
      const want = expected ? 'allowed' : principal.name === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
      outcomes.push(`${principal.name}: ${got}${got === want ? '' : ` (expected ${want})`}`);
      if (!expected) expect(result.data == null || Object.values(result.data).every((v) => v == null)).toBe(true);
    }
    expect(outcomes.filter((o) => o.includes('expected'))).toEqual([]);
  });

  /** The partner agency the test keys with station-bound scopes belong to. */
  const keysPartner = () => db.prisma.partnerAgency.findFirstOrThrow({ orderBy: { id: 'asc' } });

  it.each(Object.entries(PROTECTED_TYPES))('%s through node(id:): allowed callers only', async (type, allowed) => {
    const record =
      type === 'ApiClient'
        ? await db.prisma.apiClient.findFirstOrThrow()
        : type === 'StaffUser'
          ? await db.prisma.staffUser.findFirstOrThrow({ where: { role: 'MEDIATOR' } })
          : type === 'MediationCase'
            ? await db.prisma.mediationCase.findFirstOrThrow({ where: { room: { stationId: (await keysPartner()).stationId } } })
            : type === 'WorkReport'
              ? await db.prisma.workReport.findFirstOrThrow({ where: { status: 'DRAFT' } })
              : type === 'Referral'
                ? await db.prisma.referral.findFirstOrThrow({ where: { partnerId: (await keysPartner()).id } })
              : type === 'SurveyCampaign'
                ? await db.prisma.surveyCampaign.create({
                    data: { stationId: (await db.prisma.station.findFirstOrThrow()).id, period: '2039-H1', titleZh: '草稿', opensOn: new Date(), closesOn: new Date() },
                  })
          : await db.prisma.auditEntry.create({ data: { action: 'test', entityType: 'Test' } });
    const id = Buffer.from(`${type}:${record.id}`).toString('base64');
    for (const principal of principals) {
      const result = await gql<{ node: { id: string } | null }>(
        api,
        'query ($id: ID!) { node(id: $id) { id } }',
        { id },
        await principal.freshHeaders(),
      );
      // A staff member may see their own StaffUser record only (admins see all).
      const mayRead = type === 'StaffUser' ? principal.role === 'ADMIN' || principal.role === 'MEDIATOR' : allowed(principal);
      expect({ who: principal.name, readable: result.data?.node != null }).toEqual({ who: principal.name, readable: mayRead });
      if (!mayRead) {
        expect(AUTH_CODES).toContain(result.errors?.[0]?.extensions?.code);
      }
    }
  });
});

describe('unauthorized answers', () => {
  it('UNAUTHENTICATED for anonymous callers, FORBIDDEN for a signed-in caller without the role', async () => {
    const db = await openTestDatabase();
    const api = createApi({ prisma: db.prisma });
    const [, , editor] = await createAllPrincipals(db.prisma);
    const anonymous = await gql(api, '{ apiClients { name } }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const forbidden = await gql(api, '{ apiClients { name } }', {}, editor?.headers);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await db.close();
  });
});
