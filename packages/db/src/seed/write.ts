import { addDays, chinaTime, quarterEnd, toDate } from './calendar.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { StationBuild } from './build.ts';
import { bulkInsert, reserveIds } from './bulk.ts';
import { METRICS } from './metrics.ts';
import { demoPhone } from './people.ts';
import type { ServiceItemSeed } from './types.ts';

type Db = Prisma.TransactionClient;

/** Rows per table, as returned by the seed entry points. */
export interface SeedCounts {
  stations: number;
  honours: number;
  areas: number;
  officers: number;
  officerAssignments: number;
  serviceItems: number;
  serviceItemRevisions: number;
  metrics: number;
  workReports: number;
  reportSections: number;
  metricValues: number;
  reportPriorities: number;
  mediationRooms: number;
  mediationCases: number;
  mediationCasePartners: number;
  partnerAgencies: number;
  referrals: number;
  volunteerTeams: number;
  events: number;
}

export async function countRows(db: Db): Promise<SeedCounts> {
  const [
    stations, honours, areas, officers, officerAssignments, serviceItems, serviceItemRevisions, metrics, workReports,
    reportSections, metricValues, reportPriorities, mediationRooms, mediationCases, mediationCasePartners,
    partnerAgencies, referrals, volunteerTeams, events,
  ] = await Promise.all([
    db.station.count(), db.honour.count(), db.area.count(), db.officer.count(), db.officerAssignment.count(),
    db.serviceItem.count(), db.serviceItemRevision.count(), db.metric.count(), db.workReport.count(),
    db.reportSection.count(), db.metricValue.count(), db.reportPriority.count(), db.mediationRoom.count(),
    db.mediationCase.count(), db.mediationCasePartner.count(), db.partnerAgency.count(), db.referral.count(),
    db.volunteerTeam.count(), db.event.count(),
  ]);
  return {
    stations, honours, areas, officers, officerAssignments, serviceItems, serviceItemRevisions, metrics, workReports,
    reportSections, metricValues, reportPriorities, mediationRooms, mediationCases, mediationCasePartners,
    partnerAgencies, referrals, volunteerTeams, events,
  };
}

function assign<T>(ids: readonly number[], items: readonly T[]): Array<[number, T]> {
  return items.map((item, index) => {
    const id = ids[index];
    if (id === undefined) throw new Error('ran out of reserved ids');
    return [id, item];
  });
}

function lookup(map: ReadonlyMap<string, number>, key: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`seed data refers to unknown ${key}`);
  return id;
}

/** Writes the metric catalogue (skipping keys that exist) and returns id by key. */
export async function ensureMetrics(db: Db): Promise<Map<string, number>> {
  await db.metric.createMany({
    data: METRICS.map((metric, index) => ({
      key: metric.key,
      nameZh: metric.nameZh,
      nameEn: metric.nameEn,
      definitionZh: metric.definitionZh,
      definitionEn: metric.definitionEn,
      unitZh: metric.unitZh,
      unitEn: metric.unitEn,
      higherIsBetter: metric.higherIsBetter,
      kind: metric.kind,
      position: index + 1,
    })),
    skipDuplicates: true,
  });
  const rows = await db.metric.findMany({ select: { id: true, key: true } });
  return new Map(rows.map((row) => [row.key, row.id]));
}

function serviceSnapshot(item: ServiceItemSeed, changes: Partial<ServiceItemSeed>, effectiveFrom: string): Prisma.InputJsonObject {
  const merged = { ...item, ...changes };
  return {
    slug: merged.slug, category: merged.category, titleZh: merged.titleZh, titleEn: merged.titleEn,
    conditionsZh: merged.conditionsZh, conditionsEn: merged.conditionsEn, materialsZh: merged.materialsZh,
    materialsEn: merged.materialsEn, stepsZh: merged.stepsZh, stepsEn: merged.stepsEn,
    timeLimitDays: merged.timeLimitDays, timeLimitZh: merged.timeLimitZh, timeLimitEn: merged.timeLimitEn,
    feeZh: merged.feeZh, feeEn: merged.feeEn, feeBasisZh: merged.feeBasisZh, feeBasisEn: merged.feeBasisEn,
    locationZh: merged.locationZh, locationEn: merged.locationEn, hoursZh: merged.hoursZh, hoursEn: merged.hoursEn,
    onlineUrl: merged.onlineUrl, appointmentZh: merged.appointmentZh, appointmentEn: merged.appointmentEn, effectiveFrom,
  };
}

/** Marks, in the name, an area invented to illustrate the demo. */
const ILLUSTRATIVE_MARK = '（示例）';

const TEXT = 'text';
const TEXT_ARRAY = 'text[]';
const INT = 'int4';
const DATE = 'date';
const TIMESTAMP = 'timestamp';

/**
 * Writes built stations with everything that belongs to them: ids are reserved first,
 * then each table is written with a few bulk statements, whatever the number of stations.
 */
export async function writeStations(db: Db, builds: readonly StationBuild[], metricIds: ReadonlyMap<string, number>): Promise<void> {
  const now = new Date();
  const stations = assign(await reserveIds(db, 'Station', builds.length), builds);
  const stationRows = stations.map(([id, { seed }]) => ({
    id, slug: seed.slug, nameZh: seed.nameZh, nameEn: seed.nameEn, bureauZh: seed.bureauZh, bureauEn: seed.bureauEn,
    regionZh: seed.regionZh, regionEn: seed.regionEn, addressZh: seed.addressZh, addressEn: seed.addressEn,
    dutyPhone: seed.dutyPhone, openingHoursZh: seed.openingHoursZh, openingHoursEn: seed.openingHoursEn,
    summaryZh: seed.summaryZh, summaryEn: seed.summaryEn, areaKm2: seed.areaKm2?.toFixed(2) ?? null,
    population: seed.population ?? null, households: seed.households ?? null, registeredUnits: seed.registeredUnits ?? null,
    policeOfficers: seed.policeOfficers ?? null, auxiliaryOfficers: seed.auxiliaryOfficers ?? null,
    gridWorkers: seed.gridWorkers ?? null, sourceTitleZh: seed.source.titleZh,
    sourcePublishedOn: seed.source.publishedOn ? toDate(seed.source.publishedOn) : null, updatedAt: now,
    // Duty phones and addresses in the demo are placeholders, never the stations' real ones.
    contactIsDemo: true,
  }) satisfies Prisma.StationCreateManyInput);
  const honourRows = stations.flatMap(([stationId, { seed }]) =>
    seed.honours.map((h) => ({
      stationId, titleZh: h.titleZh, titleEn: h.titleEn, awardedBy: h.awardedBy, year: h.year, month: h.month ?? null,
      awardedOn: h.awardedOn ? toDate(h.awardedOn) : null,
    }) satisfies Prisma.HonourCreateManyInput),
  );

  const areaKeys = stations.flatMap(([stationId, b]) => b.seed.areas.map((area) => ({ stationId, area })));
  const areaIds = new Map<string, number>();
  const areaRows = assign(await reserveIds(db, 'Area', areaKeys.length), areaKeys).map(([id, { stationId, area }]) => {
    areaIds.set(`${stationId}|${area.nameZh}`, id);
    return {
      id, stationId, kind: area.kind, nameZh: area.nameZh, nameEn: area.nameEn,
      households: area.households ?? null, population: area.population ?? null, gridCount: area.gridCount ?? null,
      isIllustrative: area.nameZh.includes(ILLUSTRATIVE_MARK),
    } satisfies Prisma.AreaCreateManyInput;
  });

  const officerKeys = stations.flatMap(([stationId, b]) => b.staff.map((officer) => ({ stationId, officer })));
  const officerIds = new Map<string, number>();
  const officerRows = assign(await reserveIds(db, 'Officer', officerKeys.length), officerKeys).map(([id, { stationId, officer }]) => {
    officerIds.set(officer.key, id);
    return {
      id, stationId, role: officer.role, nameZh: officer.nameZh, nameEn: officer.nameEn, badgeNumber: officer.badgeNumber,
      dutyPhone: officer.dutyPhone, contactHoursZh: officer.contactHoursZh, contactHoursEn: officer.contactHoursEn,
      lastVerifiedOn: toDate(officer.lastVerifiedOn), isDemo: true,
    } satisfies Prisma.OfficerCreateManyInput;
  });
  const assignmentRows = officerKeys.flatMap(({ stationId, officer }) =>
    officer.assignments.map((assignment) => ({
      officerId: lookup(officerIds, officer.key),
      areaId: lookup(areaIds, `${stationId}|${assignment.area}`),
      isPrimary: assignment.isPrimary,
      since: toDate(assignment.since),
    }) satisfies Prisma.OfficerAssignmentCreateManyInput),
  );

  const partnerKeys = stations.flatMap(([stationId, b]) => b.seed.partners.map((partner) => ({ stationId, partner })));
  const partnerIds = new Map<string, number>();
  const partnerRows = assign(await reserveIds(db, 'PartnerAgency', partnerKeys.length), partnerKeys).map(([id, { stationId, partner }]) => {
    partnerIds.set(`${stationId}|${partner.slug}`, id);
    return { id, stationId, slug: partner.slug, kind: partner.kind, nameZh: partner.nameZh, nameEn: partner.nameEn } satisfies Prisma.PartnerAgencyCreateManyInput;
  });

  const roomKeys = stations.flatMap(([stationId, b]) => b.seed.rooms.map((room, index) => ({ stationId, b, room, index })));
  const rooms = assign(await reserveIds(db, 'MediationRoom', roomKeys.length), roomKeys);
  const roomRows = rooms.map(([id, { stationId, b, room, index }]) => {
    const lead = b.staff.find((officer) => officer.room === room.slug);
    return {
      id, stationId, slug: room.slug, nameZh: room.nameZh, nameEn: room.nameEn, descriptionZh: room.descriptionZh,
      descriptionEn: room.descriptionEn, locationZh: room.locationZh, locationEn: room.locationEn,
      phone: demoPhone(b.seed.dutyPhone.split('-')[0] ?? '000', 900 + index),
      openingHoursZh: room.openingHoursZh, openingHoursEn: room.openingHoursEn, foundedYear: room.foundedYear ?? null,
      leadMediatorId: lead ? lookup(officerIds, lead.key) : null,
    } satisfies Prisma.MediationRoomCreateManyInput;
  });

  const caseKeys = rooms.flatMap(([roomId, { stationId, b, room }]) =>
    (b.cases.get(room.slug) ?? []).map((plan) => ({ roomId, stationId, plan })),
  );
  const cases = assign(await reserveIds(db, 'MediationCase', caseKeys.length), caseKeys);
  const caseRows = cases.map(([id, { roomId, plan }]) => ({
    id, roomId, reference: plan.reference, category: plan.category, source: plan.source, status: plan.status,
    receivedOn: toDate(plan.receivedOn), closedOn: plan.closedOn ? toDate(plan.closedOn) : null,
  }) satisfies Prisma.MediationCaseCreateManyInput);
  const casePartnerRows = cases.flatMap(([caseId, { stationId, plan }]) =>
    plan.partners.map((slug) => ({ caseId, partnerId: lookup(partnerIds, `${stationId}|${slug}`) }) satisfies Prisma.MediationCasePartnerCreateManyInput),
  );
  const referralRows = cases.flatMap(([caseId, { stationId, plan }]) => {
    const referral = plan.referral;
    if (!referral) return [];
    return [{
      stationId, caseId, partnerId: lookup(partnerIds, `${stationId}|${referral.partner}`), direction: referral.direction,
      status: referral.status, summaryZh: referral.summaryZh, summaryEn: referral.summaryEn,
      createdOn: toDate(referral.createdOn), updatedAt: now,
    } satisfies Prisma.ReferralCreateManyInput];
  });

  const serviceKeys = stations.flatMap(([stationId, b]) => b.seed.services.map((item) => ({ stationId, item })));
  const services = assign(await reserveIds(db, 'ServiceItem', serviceKeys.length), serviceKeys);
  const serviceRows = services.map(([id, { stationId, item }]) => ({
    id, stationId, slug: item.slug, category: item.category, titleZh: item.titleZh, titleEn: item.titleEn,
    conditionsZh: item.conditionsZh, conditionsEn: item.conditionsEn, materialsZh: item.materialsZh, materialsEn: item.materialsEn,
    stepsZh: item.stepsZh, stepsEn: item.stepsEn, timeLimitDays: item.timeLimitDays, timeLimitZh: item.timeLimitZh,
    timeLimitEn: item.timeLimitEn, feeZh: item.feeZh, feeEn: item.feeEn, feeBasisZh: item.feeBasisZh, feeBasisEn: item.feeBasisEn,
    locationZh: item.locationZh, locationEn: item.locationEn, hoursZh: item.hoursZh, hoursEn: item.hoursEn,
    onlineUrl: item.onlineUrl, appointmentZh: item.appointmentZh, appointmentEn: item.appointmentEn,
    effectiveFrom: toDate(item.effectiveFrom), version: (item.history?.length ?? 0) + 1,
  }) satisfies Prisma.ServiceItemCreateManyInput);
  const revisionRows = services.flatMap(([serviceItemId, { item }]) =>
    (item.history ?? []).map((old, index, all) => ({
      serviceItemId, version: index + 1, snapshot: serviceSnapshot(item, old.changes, old.effectiveFrom),
      effectiveFrom: toDate(old.effectiveFrom),
      replacedAt: chinaTime(`${all[index + 1]?.effectiveFrom ?? item.effectiveFrom} 00:00`),
    }) satisfies Prisma.ServiceItemRevisionCreateManyInput),
  );

  const reportKeys = stations.flatMap(([stationId, b]) => b.reports.map((report) => ({ stationId, report })));
  const reports = assign(await reserveIds(db, 'WorkReport', reportKeys.length), reportKeys);
  const reportRows = reports.map(([id, { stationId, report }]) => ({
    id, stationId, year: report.year, quarter: report.quarter, revision: 1, status: report.status,
    titleZh: report.titleZh, titleEn: report.titleEn, summaryZh: report.summaryZh, summaryEn: report.summaryEn,
    publishedAt: report.publishedAt, createdAt: chinaTime(`${addDays(quarterEnd(report.year, report.quarter), 3)} 09:00`),
  }) satisfies Prisma.WorkReportCreateManyInput);
  const sectionRows = reports.flatMap(([reportId, { report }]) =>
    report.sections.map((section, index) => ({
      reportId, position: index + 1, headingZh: section.headingZh, headingEn: section.headingEn,
      bodyZh: section.bodyZh, bodyEn: section.bodyEn,
    }) satisfies Prisma.ReportSectionCreateManyInput),
  );
  const valueRows = reports.flatMap(([reportId, { report }]) =>
    report.metrics.map(({ metric, value }) => ({
      reportId, metricId: lookup(metricIds, metric), value: value.toFixed(2),
    }) satisfies Prisma.MetricValueCreateManyInput),
  );
  const priorityRows = reports.flatMap(([reportId, { stationId, report }]) =>
    report.priorities.map((p, index) => ({
      reportId, position: index + 1, areaId: p.area ? lookup(areaIds, `${stationId}|${p.area}`) : null,
      issueZh: p.issueZh, issueEn: p.issueEn, raisedOn: toDate(p.raisedOn), actionZh: p.actionZh, actionEn: p.actionEn,
      actionOn: p.actionOn ? toDate(p.actionOn) : null,
    }) satisfies Prisma.ReportPriorityCreateManyInput),
  );

  const teamRows = stations.flatMap(([stationId, { seed }]) =>
    seed.volunteerTeams.map((team) => ({
      stationId, nameZh: team.nameZh, nameEn: team.nameEn, descriptionZh: team.descriptionZh,
      descriptionEn: team.descriptionEn, memberCount: team.memberCount ?? null, foundedYear: team.foundedYear ?? null,
    }) satisfies Prisma.VolunteerTeamCreateManyInput),
  );
  const eventRows = stations.flatMap(([stationId, { seed }]) =>
    seed.events.map((event) => ({
      stationId, areaId: event.area ? lookup(areaIds, `${stationId}|${event.area}`) : null, kind: event.kind,
      titleZh: event.titleZh, titleEn: event.titleEn, descriptionZh: event.descriptionZh, descriptionEn: event.descriptionEn,
      locationZh: event.locationZh, locationEn: event.locationEn, startsAt: chinaTime(event.startsAt), endsAt: chinaTime(event.endsAt),
    }) satisfies Prisma.EventCreateManyInput),
  );

  const exceptionRows = stations.flatMap(([stationId, { seed }]) =>
    (seed.hoursExceptions ?? []).map((e) => ({
      stationId, startsOn: toDate(e.startsOn), endsOn: toDate(e.endsOn), closed: e.hours === 'closed',
      opens: e.hours === 'closed' ? null : e.hours.opens, closes: e.hours === 'closed' ? null : e.hours.closes,
      noteZh: e.noteZh, noteEn: e.noteEn, isDemo: true, createdAt: now, updatedAt: now,
    }) satisfies Prisma.StationHoursExceptionCreateManyInput),
  );

  await bulkInsert(db, 'Station', {
    id: INT, slug: TEXT, nameZh: TEXT, nameEn: TEXT, bureauZh: TEXT, bureauEn: TEXT, regionZh: TEXT, regionEn: TEXT,
    addressZh: TEXT, addressEn: TEXT, dutyPhone: TEXT, openingHoursZh: TEXT, openingHoursEn: TEXT, summaryZh: TEXT,
    summaryEn: TEXT, areaKm2: 'numeric', population: INT, households: INT, registeredUnits: INT, policeOfficers: INT,
    auxiliaryOfficers: INT, gridWorkers: INT, sourceTitleZh: TEXT, sourcePublishedOn: DATE, updatedAt: TIMESTAMP,
    contactIsDemo: 'bool',
  }, stationRows);
  await bulkInsert(db, 'Honour', {
    stationId: INT, titleZh: TEXT, titleEn: TEXT, awardedBy: TEXT, year: INT, month: INT, awardedOn: DATE,
  }, honourRows);
  await bulkInsert(db, 'Area', {
    id: INT, stationId: INT, kind: { enum: 'AreaKind' }, nameZh: TEXT, nameEn: TEXT, households: INT, population: INT, gridCount: INT,
    isIllustrative: 'bool',
  }, areaRows);
  await bulkInsert(db, 'Officer', {
    id: INT, stationId: INT, role: { enum: 'OfficerRole' }, nameZh: TEXT, nameEn: TEXT, badgeNumber: TEXT, dutyPhone: TEXT,
    contactHoursZh: TEXT, contactHoursEn: TEXT, lastVerifiedOn: DATE, isDemo: 'bool',
  }, officerRows);
  await bulkInsert(db, 'OfficerAssignment', { officerId: INT, areaId: INT, isPrimary: 'bool', since: DATE }, assignmentRows);
  await bulkInsert(db, 'PartnerAgency', { id: INT, stationId: INT, slug: TEXT, kind: { enum: 'PartnerKind' }, nameZh: TEXT, nameEn: TEXT }, partnerRows);
  await bulkInsert(db, 'MediationRoom', {
    id: INT, stationId: INT, slug: TEXT, nameZh: TEXT, nameEn: TEXT, descriptionZh: TEXT, descriptionEn: TEXT, locationZh: TEXT,
    locationEn: TEXT, phone: TEXT, openingHoursZh: TEXT, openingHoursEn: TEXT, foundedYear: INT, leadMediatorId: INT,
  }, roomRows);
  await bulkInsert(db, 'MediationCase', {
    id: INT, roomId: INT, reference: TEXT, category: { enum: 'MediationCategory' }, source: { enum: 'CaseSource' },
    status: { enum: 'CaseStatus' }, receivedOn: DATE, closedOn: DATE,
  }, caseRows);
  await bulkInsert(db, 'MediationCasePartner', { caseId: INT, partnerId: INT }, casePartnerRows);
  await bulkInsert(db, 'Referral', {
    stationId: INT, caseId: INT, partnerId: INT, direction: { enum: 'ReferralDirection' }, status: { enum: 'ReferralStatus' },
    summaryZh: TEXT, summaryEn: TEXT, createdOn: DATE, updatedAt: TIMESTAMP,
  }, referralRows);
  await bulkInsert(db, 'ServiceItem', {
    id: INT, stationId: INT, slug: TEXT, category: { enum: 'ServiceCategory' }, titleZh: TEXT, titleEn: TEXT, conditionsZh: TEXT,
    conditionsEn: TEXT, materialsZh: TEXT_ARRAY, materialsEn: TEXT_ARRAY, stepsZh: TEXT_ARRAY, stepsEn: TEXT_ARRAY,
    timeLimitDays: INT, timeLimitZh: TEXT, timeLimitEn: TEXT, feeZh: TEXT, feeEn: TEXT, feeBasisZh: TEXT, feeBasisEn: TEXT,
    locationZh: TEXT, locationEn: TEXT, hoursZh: TEXT, hoursEn: TEXT, onlineUrl: TEXT, appointmentZh: TEXT, appointmentEn: TEXT,
    effectiveFrom: DATE, version: INT,
  }, serviceRows);
  await bulkInsert(db, 'ServiceItemRevision', {
    serviceItemId: INT, version: INT, snapshot: 'jsonb', effectiveFrom: DATE, replacedAt: TIMESTAMP,
  }, revisionRows);
  await bulkInsert(db, 'WorkReport', {
    id: INT, stationId: INT, year: INT, quarter: INT, revision: INT, status: { enum: 'ReportStatus' }, titleZh: TEXT, titleEn: TEXT,
    summaryZh: TEXT, summaryEn: TEXT, publishedAt: TIMESTAMP, createdAt: TIMESTAMP,
  }, reportRows);
  await bulkInsert(db, 'ReportSection', { reportId: INT, position: INT, headingZh: TEXT, headingEn: TEXT, bodyZh: TEXT, bodyEn: TEXT }, sectionRows);
  await bulkInsert(db, 'MetricValue', { reportId: INT, metricId: INT, value: 'numeric' }, valueRows);
  await bulkInsert(db, 'ReportPriority', {
    reportId: INT, position: INT, areaId: INT, issueZh: TEXT, issueEn: TEXT, raisedOn: DATE, actionZh: TEXT, actionEn: TEXT, actionOn: DATE,
  }, priorityRows);
  await bulkInsert(db, 'VolunteerTeam', {
    stationId: INT, nameZh: TEXT, nameEn: TEXT, descriptionZh: TEXT, descriptionEn: TEXT, memberCount: INT, foundedYear: INT,
  }, teamRows);
  await bulkInsert(db, 'Event', {
    stationId: INT, areaId: INT, kind: { enum: 'EventKind' }, titleZh: TEXT, titleEn: TEXT, descriptionZh: TEXT, descriptionEn: TEXT,
    locationZh: TEXT, locationEn: TEXT, startsAt: TIMESTAMP, endsAt: TIMESTAMP,
  }, eventRows);
  await bulkInsert(db, 'StationHoursException', {
    stationId: INT, startsOn: DATE, endsOn: DATE, closed: 'bool', opens: TEXT, closes: TEXT, noteZh: TEXT, noteEn: TEXT,
    isDemo: 'bool', createdAt: TIMESTAMP, updatedAt: TIMESTAMP,
  }, exceptionRows);
}
