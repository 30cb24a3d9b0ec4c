import type { PrismaClient } from '@openstation/db';
import { parse } from 'csv-parse/sync';
import type { Principal } from '../src/auth/principal.ts';
import type { Actor } from '../src/domain/actor.ts';
import type { PublicChange } from '../src/domain/public-change.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCsv } from '../src/csv/export.ts';
import { importCsv } from '../src/csv/import.ts';
import { CSV_KINDS } from '../src/csv/kinds.ts';
import { createApi } from '../src/yoga.ts';
import { gql } from '../../../tests/support/graphql.ts';
import { createStaffPrincipals, type TestPrincipal } from '../../../tests/support/principals.ts';
import { openTestDatabase, type TestDatabase } from '../../../tests/support/test-database.ts';

const OFFICER_HEADER = 'station,badgeNumber,nameZh,nameEn,role,dutyPhone,photoUrl,contactHoursZh,contactHoursEn,lastVerifiedOn,primaryAreas,supportAreas';
const SERVICE_HEADER =
  'station,slug,category,titleZh,titleEn,conditionsZh,conditionsEn,materialsZh,materialsEn,stepsZh,stepsEn,timeLimitDays,timeLimitZh,timeLimitEn,feeZh,feeEn,feeBasisZh,feeBasisEn,locationZh,locationEn,hoursZh,hoursEn,onlineUrl,appointmentZh,appointmentEn,effectiveFrom';
const kind = (name: string) => {
  const found = CSV_KINDS[name];
  if (!found) throw new Error(`no CSV kind ${name}`);
  return found;
};

describe('CSV import and export', () => {
  let db: TestDatabase;
  let editor: TestPrincipal;
  let editorId: number;
  let station: { id: number; slug: string };
  let areas: [string, string];
  const tally = async () => ({
    officers: await db.prisma.officer.count(),
    areas: await db.prisma.area.count(),
    assignments: await db.prisma.officerAssignment.count(),
    serviceItems: await db.prisma.serviceItem.count(),
    audit: await db.prisma.auditEntry.count(),
  });

  beforeAll(async () => {
    db = await openTestDatabase();
    editor = (await createStaffPrincipals(db.prisma))[1] as TestPrincipal;
    editorId = (await db.prisma.staffUser.findUniqueOrThrow({ where: { email: 'editor@test.example' } })).id;
    const withAreas = await db.prisma.station.findFirstOrThrow({
      where: { areas: { some: {} } },
      orderBy: { id: 'asc' },
      include: { areas: { where: { retiredAt: null }, orderBy: { id: 'asc' }, take: 2 } },
    });
    station = { id: withAreas.id, slug: withAreas.slug };
    // Two areas nobody serves yet, so that a row may make its officer their primary one.
    areas = ['导入测试社区甲', '导入测试社区乙'];
    await db.prisma.area.createMany({ data: areas.map((nameZh) => ({ stationId: station.id, kind: 'COMMUNITY' as const, nameZh })) });
  });
  afterAll(() => db.close());

  /** The bureau-wide test editor as a domain actor (over `prisma`, e.g. one that fails on purpose). */
  const asEditor = (prisma: PrismaClient = db.prisma, principal: Principal = { kind: 'staff', userId: editorId, role: 'EDITOR', sessionId: null, stations: 'all' }): Actor => ({
    prisma,
    principal,
    publicChanged: () => {},
    warnings: [],
  });

  const officersWithBadRows = () =>
    [
      OFFICER_HEADER,
      `${station.slug},T-001,测试警官,Test Officer,COMMUNITY_OFFICER,0519-1234567,,工作日 9:00–17:00,,2026-01-05,${areas[0]},`,
      `${station.slug},T-002,王五,,COMMUNITY_OFFICER,call me,,,,,,`,
      `nowhere,T-003,李四,,COMMUNITY_OFFICER,,,,,,,`,
      `${station.slug},T-004,,Li Si,CASE_OFFICER,,,,,,,`,
      `${station.slug},T-005,赵六,,CASE_OFFICER,,,,,,,`,
      `${station.slug},T-005,钱七,,CASE_OFFICER,,,,,,,`,
      `${station.slug},T-006,孙八,,COMMUNITY_OFFICER,,,,,,不存在的社区,`,
      `${station.slug},T-007,周九,,CHIEF,,,,,,,`,
      `${station.slug},T-008,吴十,,GRID_WORKER,,,,,2026-13-01,,`,
      `${station.slug},T-009,郑十一,,GRID_WORKER,,,,Evenings,,,`,
      `${station.slug},bad badge!,冯十二,,GRID_WORKER,,,,,,,`,
    ].join('\n');

  it('a file with bad rows gives a precise report (row, column, code) and imports nothing', async () => {
    const before = await tally();
    const report = await importCsv(asEditor(), kind('officers'), officersWithBadRows());
    expect(report.issues.map(({ row, column, code }) => [row, column, code])).toEqual([
      [3, 'dutyPhone', 'invalid'],
      [4, 'station', 'unknown_station'],
      [5, 'nameZh', 'required'],
      [6, 'badgeNumber', 'duplicate_key'],
      [7, 'badgeNumber', 'duplicate_key'],
      [8, 'primaryAreas', 'unknown_area'],
      [9, 'role', 'invalid'],
      [10, 'lastVerifiedOn', 'invalid'],
      [11, 'contactHoursZh', 'required'],
      [12, 'badgeNumber', 'invalid'],
    ]);
    expect(report.issues[0]?.message).toBe('dutyPhone: digits, spaces and + - ( ) only');
    expect(report.issues[3]?.message).toBe('row 7 has the same key');
    expect(report.invalidRows).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(report.rows).toBe(11);
    expect(report.imported).toBe(false);
    expect(report.outcomes).toEqual([{ row: 2, outcome: 'created' }]);
    expect(await tally()).toEqual(before);
  });

  it('rejects a cell with the same rule and message as the GraphQL mutation', async () => {
    const api = createApi({ prisma: db.prisma });
    const stationId = Buffer.from(`Station:${station.id}`).toString('base64');
    const result = await gql(
      api,
      'mutation ($input: OfficerInput!) { createOfficer(input: $input) { id } }',
      { input: { stationId, role: 'COMMUNITY_OFFICER', name: { zh: '王五' }, dutyPhone: 'call me' } },
      editor.headers,
    );
    expect(result.errors?.[0]?.message).toContain('digits, spaces and + - ( ) only');
  });

  it('an unknown or missing column stops the whole file, even with validOnly', async () => {
    const before = await tally();
    const report = await importCsv(asEditor(), kind('areas'), `station,nameZh,name,kind,households,population\n${station.slug},新区,x,COMMUNITY,,\n`, {
      validOnly: true,
    });
    expect(report.issues.map(({ row, column, code }) => [row, column, code])).toEqual([
      [1, 'name', 'unknown_column'],
      [1, 'nameEn', 'missing_column'],
      [1, 'gridCount', 'missing_column'],
    ]);
    expect(report.imported).toBe(false);
    expect(await tally()).toEqual(before);
  });

  it('validOnly imports just the valid rows, audited as the staff user', async () => {
    const before = await tally();
    const report = await importCsv(asEditor(), kind('officers'), officersWithBadRows(), { validOnly: true });
    expect(report.imported).toBe(true);
    expect(report.counts).toEqual({ created: 1, updated: 0, unchanged: 0, skipped: 10 });
    const after = await tally();
    expect(after).toEqual({ ...before, officers: before.officers + 1, assignments: before.assignments + 1, audit: before.audit + 2 });
    const officer = await db.prisma.officer.findFirstOrThrow({
      where: { stationId: station.id, badgeNumber: 'T-001' },
      include: { assignments: { include: { area: true } } },
    });
    expect(officer).toMatchObject({ nameZh: '测试警官', dutyPhone: '0519-1234567', contactHoursZh: '工作日 9:00–17:00' });
    expect(officer.assignments.map((a) => [a.area.nameZh, a.isPrimary])).toEqual([[areas[0], true]]);
    const entries = await db.prisma.auditEntry.findMany({ orderBy: { id: 'desc' }, take: 2 });
    expect(entries.map((e) => [e.action, e.staffUserId])).toEqual([
      ['officerAssignment.create', editorId],
      ['officer.create', editorId],
    ]);
    expect(await db.prisma.officer.count({ where: { badgeNumber: { in: ['T-002', 'T-005', 'T-006'] } } })).toBe(0);
  });

  it('a row a content rule refuses (a contact verified after today) is reported with the rule\'s code and column; nothing is imported', async () => {
    const csv = `${OFFICER_HEADER}\n${station.slug},T-FUT,未来警官,,COMMUNITY_OFFICER,0519-1234567,,,,2099-01-05,,\n`;
    const before = await tally();
    const report = await importCsv(asEditor(), kind('officers'), csv);
    expect(report.imported).toBe(false);
    expect(report.issues).toEqual([expect.objectContaining({ row: 2, column: 'lastVerifiedOn', code: 'DATE_IN_FUTURE' })]);
    expect(await tally()).toEqual(before);
    const dry = await importCsv(asEditor(), kind('officers'), csv, { dryRun: true });
    expect(dry.issues.map((issue) => issue.code)).toEqual(['DATE_IN_FUTURE']);
  });

  it('a changed row replaces the officer and their areas, with an audit entry per change', async () => {
    const csv = `${OFFICER_HEADER}\n${station.slug},T-001,测试警官,Test Officer,COMMUNITY_OFFICER,0519-1234567,,工作日 9:00–17:00,,2026-01-05,,${areas[1]}@2025-03-01\n`;
    const before = await tally();
    const report = await importCsv(asEditor(), kind('officers'), csv);
    expect(report.outcomes).toEqual([{ row: 2, outcome: 'updated' }]);
    const officer = await db.prisma.officer.findFirstOrThrow({ where: { badgeNumber: 'T-001' }, include: { assignments: { include: { area: true } } } });
    expect(officer.assignments.map((a) => [a.area.nameZh, a.isPrimary, a.since.toISOString().slice(0, 10)])).toEqual([[areas[1], false, '2025-03-01']]);
    const entries = await db.prisma.auditEntry.findMany({ where: { id: { gt: 0 } }, orderBy: { id: 'desc' }, take: 2 });
    expect(entries.map((e) => e.action).sort()).toEqual(['officerAssignment.create', 'officerAssignment.delete']);
    expect(await tally()).toEqual({ ...before, audit: before.audit + 2 });
    const again = await importCsv(asEditor(), kind('officers'), csv);
    expect(again.outcomes).toEqual([{ row: 2, outcome: 'unchanged' }]);
  });

  it.each(['areas', 'officers', 'service-items'])('export then import of %s gives "unchanged" and writes nothing', async (name) => {
    const csv = await exportCsv(asEditor(), kind(name), station.slug);
    const before = await tally();
    const report = await importCsv(asEditor(), kind(name), csv);
    expect(report.issues).toEqual([]);
    expect(report.rows).toBeGreaterThan(1);
    expect(report.counts).toEqual({ created: 0, updated: 0, unchanged: report.rows, skipped: 0 });
    expect(await tally()).toEqual(before);
    expect(await exportCsv(asEditor(), kind(name), station.slug)).toBe(csv);
  });

  it('reads a UTF-8 file with a byte order mark, CRLF line ends and lists inside cells; updates keep the previous version', async () => {
    const row = (title: string) =>
      `${station.slug},csv-test-permit,PERMITS,${title},,"申请人持身份证到窗口办理，""当场""受理。",,"户口簿\r\n身份证",,"提交材料\r\n审核\r\n领证",,5,5个工作日,,免费,Free,,,派出所户籍窗口,,工作日 9:00–17:00,,,,,2026-02-01`;
    const file = (title: string) => Buffer.from(`\uFEFF${SERVICE_HEADER}\r\n${row(title)}\r\n`, 'utf8');
    const dry = await importCsv(asEditor(), kind('service-items'), file('临时许可'), { dryRun: true, station: station.slug });
    expect(dry).toMatchObject({ imported: false, issues: [], outcomes: [{ row: 2, outcome: 'created' }] });
    expect(await db.prisma.serviceItem.count({ where: { slug: 'csv-test-permit' } })).toBe(0);

    const created = await importCsv(asEditor(), kind('service-items'), file('临时许可'));
    expect(created.counts.created).toBe(1);
    const item = await db.prisma.serviceItem.findFirstOrThrow({ where: { slug: 'csv-test-permit' } });
    expect(item).toMatchObject({
      titleZh: '临时许可',
      conditionsZh: '申请人持身份证到窗口办理，"当场"受理。',
      materialsZh: ['户口簿', '身份证'],
      stepsZh: ['提交材料', '审核', '领证'],
      timeLimitDays: 5,
      version: 1,
    });

    const updated = await importCsv(asEditor(), kind('service-items'), file('临时许可证'));
    expect(updated.outcomes).toEqual([{ row: 2, outcome: 'updated' }]);
    const after = await db.prisma.serviceItem.findUniqueOrThrow({ where: { id: item.id }, include: { revisions: true } });
    expect(after.version).toBe(2);
    expect(after.revisions.map((r) => [r.version, (r.snapshot as { titleZh: string }).titleZh])).toEqual([[1, '临时许可']]);
    const entry = await db.prisma.auditEntry.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(entry).toMatchObject({ action: 'serviceItem.update', entityType: 'ServiceItem', entityId: item.id, staffUserId: editorId });
  });

  it('a write that fails part-way leaves nothing written', async () => {
    let creates = 0;
    const failing = db.prisma.$extends({
      query: {
        area: {
          create: ({ args, query }) => {
            creates += 1;
            if (creates === 2) throw new Error('disk full');
            return query(args);
          },
        },
      },
    }) as unknown as PrismaClient;
    const csv = `station,nameZh,nameEn,kind,households,population,gridCount\n${station.slug},甲社区,,COMMUNITY,,,\n${station.slug},乙社区,,COMMUNITY,,,\n`;
    const before = await tally();
    await expect(importCsv(asEditor(failing), kind('areas'), csv)).rejects.toThrow('disk full');
    expect(creates).toBe(2);
    expect(await tally()).toEqual(before);
  });

  it('--station fills an empty station cell and refuses rows of another station', async () => {
    const other = await db.prisma.station.findFirstOrThrow({ where: { id: { not: station.id } } });
    const csv = `station,nameZh,nameEn,kind,households,population,gridCount\n,导入社区,,COMMUNITY,10,20,1\n${other.slug},别处社区,,VILLAGE,,,\n`;
    const report = await importCsv(asEditor(), kind('areas'), csv, { station: station.slug, dryRun: true });
    expect(report.issues.map(({ row, column, code }) => [row, column, code])).toEqual([[3, 'station', 'station_mismatch']]);
    expect(report.outcomes).toEqual([{ row: 2, outcome: 'created' }]);
  });

  it('exports RFC 4180: a cell with two areas is quoted, a strict reader reads every row, and it imports back unchanged', async () => {
    const csv = `${OFFICER_HEADER}\n${station.slug},T-RFC,多区警官,,AUXILIARY_OFFICER,0519-7654321,,,,,,"${areas[0]}@2025-01-01\n${areas[1]}@2025-01-01"\n`;
    expect((await importCsv(asEditor(), kind('officers'), csv)).counts.created).toBe(1);
    const exported = await exportCsv(asEditor(), kind('officers'), station.slug);
    // Strict, and any line break outside quotes ends a record, as spreadsheet programs read it.
    const strict = { bom: true, relax_quotes: false, relax_column_count: false, skip_empty_lines: false, columns: true as const, record_delimiter: ['\r\n', '\n', '\r'] };
    const records = parse(exported, strict) as Record<string, string>[];
    expect(records.length).toBe(await db.prisma.officer.count({ where: { stationId: station.id, retiredAt: null } }));
    expect(records.find((r) => r['badgeNumber'] === 'T-RFC')?.['supportAreas']).toBe(`${areas[0]}@2025-01-01\n${areas[1]}@2025-01-01`);
    expect(exported).toContain(`"${areas[0]}@2025-01-01\n${areas[1]}@2025-01-01"`);
    const before = await tally();
    const again = await importCsv(asEditor(), kind('officers'), exported);
    expect(again.issues).toEqual([]);
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: records.length, skipped: 0 });
    expect(await tally()).toEqual(before);
  });

  it('a station-bound editor imports and exports only their stations; audit entries carry the row\'s station', async () => {
    const other = await db.prisma.station.findFirstOrThrow({ where: { id: { not: station.id } } });
    const bound = asEditor(db.prisma, { kind: 'staff', userId: editorId, role: 'EDITOR', sessionId: null, stations: [station.id] });
    const csv = `station,nameZh,nameEn,kind,households,population,gridCount\n${station.slug},本所社区,,COMMUNITY,,,\n${other.slug},他所社区,,VILLAGE,,,\n`;
    const refused = await importCsv(bound, kind('areas'), csv);
    expect(refused.issues.map(({ row, column, code }) => [row, column, code])).toEqual([[3, 'station', 'station_not_yours']]);
    expect(refused.imported).toBe(false);
    await expect(importCsv(bound, kind('areas'), csv, { station: other.slug })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(exportCsv(bound, kind('areas'), other.slug)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const mine = parse(await exportCsv(bound, kind('areas')), { bom: true, columns: true }) as { station: string }[];
    expect(new Set(mine.map((r) => r.station))).toEqual(new Set([station.slug]));

    const partial = await importCsv(bound, kind('areas'), csv, { validOnly: true });
    expect(partial.counts).toMatchObject({ created: 1, skipped: 1 });
    const entry = await db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'area.create' }, orderBy: { id: 'desc' } });
    expect(entry).toMatchObject({ stationId: station.id, staffUserId: editorId });
    const mediator: Principal = { kind: 'staff', userId: editorId, role: 'MEDIATOR', sessionId: null, stations: 'all' };
    await expect(importCsv(asEditor(db.prisma, mediator), kind('areas'), csv, { dryRun: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('importCsv takes a multipart upload, audits the caller, announces the change; exportCsv answers the file', async () => {
    const changes: PublicChange[] = [];
    const api = createApi({ prisma: db.prisma, onPublicChange: (change) => changes.push(change) });
    const csv = `\uFEFFstation,nameZh,nameEn,kind,households,population,gridCount\r\n${station.slug},上传社区,"Upload, ""quoted"" community",COMMUNITY,5,9,1\r\n`;
    const form = new FormData();
    form.set('operations', JSON.stringify({
      query: 'mutation ($file: File!) { importCsv(kind: AREAS, file: $file, validOnly: false) { imported counts { created } issues { code } outcomes { row outcome } } }',
      variables: { file: null },
    }));
    form.set('map', JSON.stringify({ 0: ['variables.file'] }));
    form.set('0', new Blob([csv], { type: 'text/csv' }), 'areas.csv');
    const response = await api.fetch('http://yoga/graphql', { method: 'POST', body: form, headers: { ...editor.headers } });
    const body = (await response.json()) as { data?: { importCsv: unknown }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.importCsv).toEqual({ imported: true, counts: { created: 1 }, issues: [], outcomes: [{ row: 2, outcome: 'CREATED' }] });
    expect(await db.prisma.area.findFirstOrThrow({ where: { nameZh: '上传社区' } })).toMatchObject({ nameEn: 'Upload, "quoted" community' });
    const entry = await db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'area.create' }, orderBy: { id: 'desc' } });
    expect(entry.staffUserId).toBe(editorId);
    expect(changes).toEqual([{ action: 'area.create', entityType: 'Area', stationId: station.id }]);

    const exported = await gql<{ exportCsv: string }>(api, 'query ($station: String) { exportCsv(kind: AREAS, station: $station) }', { station: station.slug }, editor.headers);
    expect(exported.data?.exportCsv).toContain(`${station.slug},上传社区,"Upload, ""quoted"" community",COMMUNITY,5,9,1\r\n`);
    const again = await gql<{ importCsv: { counts: { unchanged: number; created: number } } }>(
      api,
      'mutation ($file: File!) { importCsv(kind: AREAS, file: $file, dryRun: true) { counts { created unchanged } } }',
      { file: exported.data?.exportCsv },
      editor.headers,
    );
    expect(again.data?.importCsv.counts).toMatchObject({ created: 0 });
  });
});
