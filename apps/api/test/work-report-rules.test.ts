import { beforeAll, describe, expect, it } from 'vitest';
import { gql, gqlOk } from '../../../tests/support/graphql.ts';
import { createStaffPrincipals, type TestPrincipal } from '../../../tests/support/principals.ts';
import { useTestApi } from '../../../tests/support/test-api.ts';

const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');
const dbId = (value: string) => Number(Buffer.from(value, 'base64').toString().split(':')[1]);

/** Today in China (UTC+8) as `YYYY-MM-DD`, shifted by `days`. */
function chinaDay(days = 0): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** The quarter today falls in (China date): never hard-coded, so the tests hold in any year. */
function currentQuarter(): { year: number; quarter: number } {
  const today = new Date(`${chinaDay()}T00:00:00Z`);
  return { year: today.getUTCFullYear(), quarter: Math.floor(today.getUTCMonth() / 3) + 1 };
}

const CREATE = `mutation ($s: ID!, $y: Int!, $q: Int!, $c: WorkReportContentInput!) {
  createWorkReport(stationId: $s, year: $y, quarter: $q, content: $c) { id title { zh en } }
}`;
const UPDATE = 'mutation ($id: ID!, $c: WorkReportContentPatch!) { updateWorkReport(id: $id, content: $c) { id } }';

type Errors = { errors?: { extensions?: Record<string, unknown> }[] };
const refusal = (result: Errors) => result.errors?.map((e) => [e.extensions?.code, e.extensions?.field]);

describe('quarterly reports: content rules', () => {
  const t = useTestApi();
  let editor: TestPrincipal;
  let station: { id: number; slug: string };
  const summary = { zh: '本季度工作情况' };

  beforeAll(async () => {
    [, editor] = (await createStaffPrincipals(t.db.prisma)) as [TestPrincipal, TestPrincipal];
    station = await t.db.prisma.station.findUniqueOrThrow({ where: { slug: 'zhuze' }, select: { id: true, slug: true } });
  });

  const create = (year: number, quarter: number, content: Record<string, unknown>) =>
    gql<{ createWorkReport: { id: string; title: { zh: string; en: string | null } } }>(
      t.api,
      CREATE,
      { s: globalId('Station', station.id), y: year, q: quarter, c: { summary, ...content } },
      editor.headers,
    );

  /** Nothing was written: no report of the quarter, no audit entry. */
  async function nothingWritten(year: number, quarter: number, audits: number) {
    expect(await t.db.prisma.workReport.count({ where: { stationId: station.id, year, quarter } })).toBe(0);
    expect(await t.db.prisma.auditEntry.count()).toBe(audits);
  }

  it('refuses a report for a quarter that has not ended: the current one and one years ahead (REPORT_PERIOD_NOT_ENDED)', async () => {
    const audits = await t.db.prisma.auditEntry.count();
    const now = currentQuarter();
    expect(refusal(await create(now.year, now.quarter, {}))).toEqual([['REPORT_PERIOD_NOT_ENDED', 'quarter']]);
    expect(refusal(await create(2031, 3, {}))).toEqual([['REPORT_PERIOD_NOT_ENDED', 'quarter']]);
    await nothingWritten(now.year, now.quarter, audits);
    await nothingWritten(2031, 3, audits);
  });

  it('refuses to publish a stored draft whose quarter has not ended', async () => {
    const now = currentQuarter();
    const draft = await t.db.prisma.workReport.create({
      data: { stationId: station.id, year: now.year + 1, quarter: now.quarter, titleZh: '草稿', summaryZh: '草稿' },
    });
    const result = await gql(t.api, 'mutation ($id: ID!) { publishWorkReport(id: $id) { status } }', { id: globalId('WorkReport', draft.id) }, editor.headers);
    expect(refusal(result)).toEqual([['REPORT_PERIOD_NOT_ENDED', 'quarter']]);
    expect((await t.db.prisma.workReport.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe('DRAFT');
  });

  it('refuses a title naming another quarter or year (REPORT_TITLE_MISMATCH) and writes one from the period when left out', async () => {
    const audits = await t.db.prisma.auditEntry.count();
    expect(refusal(await create(2019, 3, { title: { zh: '2019年第四季度工作报告' } }))).toEqual([['REPORT_TITLE_MISMATCH', 'content.title']]);
    expect(refusal(await create(2019, 3, { title: { zh: '2018年第三季度工作报告' } }))).toEqual([['REPORT_TITLE_MISMATCH', 'content.title']]);
    expect(refusal(await create(2019, 3, { title: { zh: '第三季度工作报告', en: 'Work report, Q4' } }))).toEqual([['REPORT_TITLE_MISMATCH', 'content.title']]);
    await nothingWritten(2019, 3, audits);

    const derived = await create(2019, 3, {});
    expect(derived.data?.createWorkReport.title).toEqual({ zh: '2019年第三季度工作报告', en: 'Work report, 2019 Q3' });
    const id = derived.data?.createWorkReport.id as string;
    expect(refusal(await gql(t.api, UPDATE, { id, c: { title: { zh: '第四季度工作报告' } } }, editor.headers))).toEqual([['REPORT_TITLE_MISMATCH', 'content.title']]);
    await gqlOk(t.api, UPDATE, { id, c: { title: { zh: '竹箦派出所2019年第三季度工作报告' } } }, editor.headers);
    // null writes the title from the period again.
    await gqlOk(t.api, UPDATE, { id, c: { title: null } }, editor.headers);
    expect((await t.db.prisma.workReport.findUniqueOrThrow({ where: { id: dbId(id) } })).titleZh).toBe('2019年第三季度工作报告');
  });

  it('refuses priority dates in the future (DATE_IN_FUTURE) and an action before its issue (ACTION_BEFORE_ISSUE), naming the field', async () => {
    const audits = await t.db.prisma.auditEntry.count();
    const fine = { issue: { zh: '夜间停车难' }, raisedOn: '2018-01-10', action: { zh: '新增车位' }, actionOn: '2018-02-01' };
    const tomorrow = chinaDay(1);
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ ...fine, raisedOn: tomorrow, actionOn: null }, 'DATE_IN_FUTURE', 'content.priorities.1.raisedOn'],
      [{ ...fine, actionOn: tomorrow }, 'DATE_IN_FUTURE', 'content.priorities.1.actionOn'],
      [{ ...fine, raisedOn: '2018-03-01', actionOn: '2018-02-28' }, 'ACTION_BEFORE_ISSUE', 'content.priorities.1.actionOn'],
    ];
    for (const [priority, code, field] of cases) {
      expect(refusal(await create(2018, 1, { priorities: [fine, priority] }))).toEqual([[code, field]]);
    }
    await nothingWritten(2018, 1, audits);
    const today = { ...fine, raisedOn: chinaDay(-1), actionOn: chinaDay() };
    expect((await create(2018, 1, { priorities: [fine, today] })).errors).toBeUndefined();
  });

  it('refuses metric values outside their kind (METRIC_OUT_OF_RANGE) and exposes Metric.kind', async () => {
    const { metrics } = await gqlOk<{ metrics: { key: string; kind: string }[] }>(t.api, '{ metrics { key kind } }');
    expect(metrics.find((m) => m.key === 'police_calls')?.kind).toBe('COUNT');
    expect(metrics.find((m) => m.key === 'mediation_success_rate')?.kind).toBe('PERCENT');
    const audits = await t.db.prisma.auditEntry.count();
    const ok = { metricKey: 'criminal_cases', value: 3 };
    expect(refusal(await create(2018, 2, { metrics: [ok, { metricKey: 'police_calls', value: -5 }] }))).toEqual([['METRIC_OUT_OF_RANGE', 'content.metrics.1.value']]);
    expect(refusal(await create(2018, 2, { metrics: [ok, { metricKey: 'police_calls', value: 2.5 }] }))).toEqual([['METRIC_OUT_OF_RANGE', 'content.metrics.1.value']]);
    expect(refusal(await create(2018, 2, { metrics: [{ metricKey: 'mediation_success_rate', value: 140 }] }))).toEqual([['METRIC_OUT_OF_RANGE', 'content.metrics.0.value']]);
    await nothingWritten(2018, 2, audits);
    expect((await create(2018, 2, { metrics: [ok, { metricKey: 'mediation_success_rate', value: 100 }] })).errors).toBeUndefined();
  });

  it('refuses to publish a stored draft whose figures break the rules', async () => {
    const metric = await t.db.prisma.metric.findUniqueOrThrow({ where: { key: 'police_calls' } });
    const draft = await t.db.prisma.workReport.create({
      data: { stationId: station.id, year: 2017, quarter: 1, titleZh: '2017年第一季度工作报告', summaryZh: '草稿', metrics: { create: [{ metricId: metric.id, value: -5 }] } },
    });
    const result = await gql(t.api, 'mutation ($id: ID!) { publishWorkReport(id: $id) { status } }', { id: globalId('WorkReport', draft.id) }, editor.headers);
    expect(refusal(result)).toEqual([['METRIC_OUT_OF_RANGE', 'content.metrics.0.value']]);
  });

  it('updates are patches: parts left out are unchanged, an empty or no-op patch writes nothing', async () => {
    const content = {
      title: { zh: '2016年第一季度工作报告', en: 'Q1 2016' },
      sections: [{ heading: { zh: '治安形势' }, body: { zh: '总体平稳' } }],
      metrics: [{ metricKey: 'police_calls', value: 120 }],
      priorities: [{ issue: { zh: '夜间停车难' }, raisedOn: '2016-01-10' }],
    };
    const id = (await create(2016, 1, content)).data?.createWorkReport.id as string;
    const audits = () => t.db.prisma.auditEntry.count({ where: { entityType: 'WorkReport', entityId: dbId(id) } });
    expect(await audits()).toBe(1);
    await gqlOk(t.api, UPDATE, { id, c: {} }, editor.headers);
    await gqlOk(t.api, UPDATE, { id, c: { summary, sections: content.sections, metrics: content.metrics, priorities: content.priorities } }, editor.headers);
    expect(await audits()).toBe(1);
    await gqlOk(t.api, UPDATE, { id, c: { summary: { zh: '改过的摘要' } } }, editor.headers);
    expect(await audits()).toBe(2);
    const stored = await t.db.prisma.workReport.findUniqueOrThrow({ where: { id: dbId(id) }, include: { sections: true, metrics: true, priorities: true } });
    expect([stored.titleZh, stored.titleEn, stored.summaryZh]).toEqual(['2016年第一季度工作报告', 'Q1 2016', '改过的摘要']);
    expect([stored.sections.length, stored.metrics[0]?.value.toNumber(), stored.priorities[0]?.issueZh]).toEqual([1, 120, '夜间停车难']);
    expect(refusal(await gql(t.api, UPDATE, { id, c: { summary: null } }, editor.headers))).toEqual([['FIELD_REQUIRED', 'content.summary']]);
    await gqlOk(t.api, UPDATE, { id, c: { priorities: null } }, editor.headers);
    expect(await t.db.prisma.reportPriority.count({ where: { reportId: dbId(id) } })).toBe(0);
  });

  it('warns when the mediation figure differs from the recorded cases of the quarter, and WorkReport.warnings shows it to staff', async () => {
    const room = await t.db.prisma.mediationRoom.findFirstOrThrow({ where: { stationId: station.id } });
    await t.db.prisma.mediationCase.createMany({
      data: ['2015-10-02', '2015-11-15', '2015-12-31', '2016-01-01'].map((day, i) => ({
        roomId: room.id, reference: `WARN-${i}`, category: 'OTHER', source: 'WALK_IN', status: 'RECEIVED', receivedOn: new Date(`${day}T00:00:00Z`),
      })),
    });
    const metrics = [{ metricKey: 'police_calls', value: 10 }, { metricKey: 'mediation_received', value: 5 }];
    const created = await create(2015, 4, { metrics });
    expect(created.errors).toBeUndefined();
    expect((created as { extensions?: { warnings?: unknown } }).extensions?.warnings).toEqual([
      { code: 'MEDIATION_FIGURE_DIFFERS', field: 'content.metrics.1.value', message: expect.stringContaining('3 cases') },
    ]);
    const id = created.data?.createWorkReport.id as string;
    const query = 'query ($id: ID!) { node(id: $id) { ... on WorkReport { warnings { code field } metrics { metric { key } } } } }';
    const read = await gqlOk<{ node: { warnings: { code: string; field: string }[]; metrics: { metric: { key: string } }[] } }>(t.api, query, { id }, editor.headers);
    const index = read.node.metrics.findIndex((m) => m.metric.key === 'mediation_received');
    expect(read.node.warnings).toEqual([{ code: 'MEDIATION_FIGURE_DIFFERS', field: `content.metrics.${index}.value` }]);
    const fixed = await gql(t.api, UPDATE, { id, c: { metrics: [{ metricKey: 'mediation_received', value: 3 }] } }, editor.headers);
    expect(fixed.errors).toBeUndefined();
    expect((fixed as { extensions?: { warnings?: unknown } }).extensions?.warnings).toBeUndefined();
    expect((await gqlOk<{ node: { warnings: unknown[] } }>(t.api, query, { id }, editor.headers)).node.warnings).toEqual([]);
    const published = await t.db.prisma.workReport.findFirstOrThrow({ where: { status: 'PUBLISHED', stationId: station.id } });
    const anonymous = await gql(t.api, 'query ($id: ID!) { node(id: $id) { ... on WorkReport { warnings { code } } } }', { id: globalId('WorkReport', published.id) });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('links a priority to what residents said, of the report\'s station only', async () => {
    const other = await t.db.prisma.station.findUniqueOrThrow({ where: { slug: 'qiandeng' } });
    const campaignOf = (stationId: number) => t.db.prisma.surveyCampaign.findFirstOrThrow({ where: { stationId, status: 'PUBLISHED' } });
    const meetingOf = (stationId: number) =>
      t.db.prisma.event.create({
        data: { stationId, kind: 'RESIDENTS_MEETING', titleZh: '警民恳谈会', descriptionZh: '听取意见', locationZh: '社区', startsAt: new Date('2014-02-01T02:00:00Z') },
      });
    const [own, foreign] = await Promise.all([campaignOf(station.id), campaignOf(other.id)]);
    const [meeting, foreignMeeting] = await Promise.all([meetingOf(station.id), meetingOf(other.id)]);
    const openDay = await t.db.prisma.event.create({
      data: { stationId: station.id, kind: 'OPEN_DAY', titleZh: '开放日', descriptionZh: '开放', locationZh: '所内', startsAt: new Date('2014-02-01T02:00:00Z') },
    });
    const priority = (link: Record<string, unknown>) => ({ priorities: [{ issue: { zh: '夜间巡逻少' }, raisedOn: '2014-02-01', ...link }] });
    const survey = (id: number, indicator = 'PREVENTION_PUBLICITY') => ({ surveyCampaignId: globalId('SurveyCampaign', id), indicator });
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [survey(foreign.id), 'CAMPAIGN_OF_ANOTHER_STATION', 'content.priorities.0.surveyCampaignId'],
      [{ eventId: globalId('Event', foreignMeeting.id) }, 'EVENT_OF_ANOTHER_STATION', 'content.priorities.0.eventId'],
      [{ areaId: globalId('Area', (await t.db.prisma.area.findFirstOrThrow({ where: { stationId: other.id } })).id) }, 'AREA_OF_ANOTHER_STATION', 'content.priorities.0.areaId'],
      [{ indicator: 'BASIC_MANAGEMENT' }, 'PRIORITY_LINK_INVALID', 'content.priorities.0.surveyCampaignId'],
      [{ surveyCampaignId: globalId('SurveyCampaign', own.id) }, 'PRIORITY_LINK_INVALID', 'content.priorities.0.indicator'],
      [{ ...survey(own.id), eventId: globalId('Event', meeting.id) }, 'PRIORITY_LINK_INVALID', 'content.priorities.0.eventId'],
      [{ eventId: globalId('Event', openDay.id) }, 'PRIORITY_LINK_INVALID', 'content.priorities.0.eventId'],
    ];
    for (const [link, code, field] of cases) expect(refusal(await create(2014, 1, priority(link))), code).toEqual([[code, field]]);

    const linked = await create(2014, 1, priority(survey(own.id)));
    expect(linked.errors).toBeUndefined();
    const id = linked.data?.createWorkReport.id as string;
    await gqlOk(t.api, UPDATE, { id, c: { priorities: [priority(survey(own.id)).priorities[0], { issue: { zh: '噪音' }, raisedOn: '2014-02-02', eventId: globalId('Event', meeting.id) }] } }, editor.headers);
    const read = await gqlOk<{ node: { priorities: unknown[] } }>(
      t.api,
      'query ($id: ID!) { node(id: $id) { ... on WorkReport { priorities { surveyCampaign { id } indicator event { id } } } } }',
      { id },
      editor.headers,
    );
    expect(read.node.priorities).toEqual([
      { surveyCampaign: { id: globalId('SurveyCampaign', own.id) }, indicator: 'PREVENTION_PUBLICITY', event: null },
      { surveyCampaign: null, indicator: null, event: { id: globalId('Event', meeting.id) } },
    ]);
  });

  it('deletes a draft, audited, and refuses to delete a published report (INVALID_STATE)', async () => {
    const id = (await create(2013, 2, {})).data?.createWorkReport.id as string;
    const DELETE = 'mutation ($id: ID!) { deleteWorkReportDraft(id: $id) }';
    expect((await gqlOk<{ deleteWorkReportDraft: boolean }>(t.api, DELETE, { id }, editor.headers)).deleteWorkReportDraft).toBe(true);
    expect(await t.db.prisma.workReport.count({ where: { id: dbId(id) } })).toBe(0);
    const audit = await t.db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'workReport.deleteDraft', entityId: dbId(id) } });
    expect([audit.stationId, audit.after]).toEqual([station.id, null]);
    expect(refusal(await gql(t.api, DELETE, { id }, editor.headers))).toEqual([['NOT_FOUND', undefined]]);
    const published = await t.db.prisma.workReport.findFirstOrThrow({ where: { status: 'PUBLISHED', stationId: station.id } });
    expect(refusal(await gql(t.api, DELETE, { id: globalId('WorkReport', published.id) }, editor.headers))).toEqual([['INVALID_STATE', undefined]]);
  });
});
