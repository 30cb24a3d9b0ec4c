import { beforeAll, describe, expect, it } from 'vitest';
import { gql, gqlOk } from '../../../tests/support/graphql.ts';
import { createStaffPrincipals, type TestPrincipal } from '../../../tests/support/principals.ts';
import { useTestApi } from '../../../tests/support/test-api.ts';

const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');

const CREATE = `mutation ($s: ID!, $c: WorkReportContentInput!) {
  createWorkReport(stationId: $s, year: 2021, quarter: 1, content: $c) { id status revision }
}`;
const PUBLIC = `query ($slug: String!) {
  workReports(first: 10, stationSlug: $slug, year: 2021, quarter: 1) {
    edges { node { id revision title { zh } correctionNote { zh } metrics { metric { key } value } } }
  }
}`;

interface PublicReports {
  workReports: {
    edges: { node: { id: string; revision: number; title: { zh: string }; correctionNote: { zh: string } | null; metrics: { metric: { key: string }; value: number }[] } }[];
  };
}

describe('quarterly reports: draft → published → corrected', () => {
  const t = useTestApi();
  let editor: TestPrincipal;
  let station: { id: number; slug: string };
  let metricKeys: string[];
  const content = (title: string, value: number) => ({
    title: { zh: title },
    summary: { zh: '本季度工作情况' },
    sections: [{ heading: { zh: '治安形势' }, body: { zh: '总体平稳' } }],
    metrics: [{ metricKey: metricKeys[0], value }],
    priorities: [{ issue: { zh: '夜间停车难' }, raisedOn: '2021-01-10', action: { zh: '新增车位' }, actionOn: '2021-02-01' }],
  });

  beforeAll(async () => {
    [, editor] = (await createStaffPrincipals(t.db.prisma)) as [TestPrincipal, TestPrincipal];
    station = await t.db.prisma.station.findFirstOrThrow({ orderBy: { id: 'asc' }, select: { id: true, slug: true } });
    metricKeys = (await t.db.prisma.metric.findMany({ orderBy: { position: 'asc' }, select: { key: true } })).map((m) => m.key);
  });

  it('walks a report through its life, writing an audit entry at each step', async () => {
    const { api, db } = t;
    const created = await gqlOk<{ createWorkReport: { id: string; status: string; revision: number } }>(
      api,
      CREATE,
      { s: globalId('Station', station.id), c: content('2021年第一季度工作报告（草稿）', 10) },
      editor.headers,
    );
    expect(created.createWorkReport).toMatchObject({ status: 'DRAFT', revision: 1 });
    const draftId = created.createWorkReport.id;

    // A draft is not public: not in lists, and node(id) refuses anonymous callers.
    const hidden = await gqlOk<PublicReports>(api, PUBLIC, { slug: station.slug });
    expect(hidden.workReports.edges).toEqual([]);
    const byId = await gql(api, 'query ($id: ID!) { node(id: $id) { id } }', { id: draftId });
    expect(byId.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const drafts = await gqlOk<{ workReportDrafts: { edges: { node: { id: string } }[] } }>(
      api,
      '{ workReportDrafts(first: 50) { edges { node { id } } } }',
      {},
      editor.headers,
    );
    expect(drafts.workReportDrafts.edges.map((e) => e.node.id)).toContain(draftId);

    const again = await gql(api, CREATE, { s: globalId('Station', station.id), c: content('重复', 1) }, editor.headers);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    await gqlOk(
      api,
      'mutation ($id: ID!, $c: WorkReportContentPatch!) { updateWorkReport(id: $id, content: $c) { id } }',
      { id: draftId, c: content('2021年第一季度工作报告', 12) },
      editor.headers,
    );
    await gqlOk(api, 'mutation ($id: ID!) { publishWorkReport(id: $id) { status publishedAt } }', { id: draftId }, editor.headers);

    const published = await gqlOk<PublicReports>(api, PUBLIC, { slug: station.slug });
    expect(published.workReports.edges).toHaveLength(1);
    expect(published.workReports.edges[0]?.node).toMatchObject({ revision: 1, title: { zh: '2021年第一季度工作报告' }, correctionNote: null });
    expect(published.workReports.edges[0]?.node.metrics).toEqual([{ metric: { key: metricKeys[0] }, value: 12 }]);

    // Published reports are never edited in place.
    const edit = await gql(
      api,
      'mutation ($id: ID!, $c: WorkReportContentPatch!) { updateWorkReport(id: $id, content: $c) { id } }',
      { id: draftId, c: content('改动', 99) },
      editor.headers,
    );
    expect(edit.errors?.[0]?.extensions?.code).toBe('INVALID_STATE');
    const twice = await gql(api, 'mutation ($id: ID!) { publishWorkReport(id: $id) { id } }', { id: draftId }, editor.headers);
    expect(twice.errors?.[0]?.extensions?.code).toBe('INVALID_STATE');

    const corrected = await gqlOk<{ correctWorkReport: { id: string; revision: number; correctionNote: { zh: string } } }>(
      api,
      `mutation ($id: ID!, $c: WorkReportContentPatch!) {
        correctWorkReport(id: $id, content: $c, correctionNote: { zh: "更正了接警数" }) { id revision correctionNote { zh } }
      }`,
      { id: draftId, c: { metrics: [{ metricKey: metricKeys[0], value: 13 }] } },
      editor.headers,
    );
    expect(corrected.correctWorkReport).toMatchObject({ revision: 2, correctionNote: { zh: '更正了接警数' } });

    const after = await gqlOk<PublicReports>(api, PUBLIC, { slug: station.slug });
    expect(after.workReports.edges.map((e) => e.node.revision)).toEqual([2]);
    expect(after.workReports.edges[0]?.node.correctionNote).toEqual({ zh: '更正了接警数' });
    expect(after.workReports.edges[0]?.node.metrics[0]?.value).toBe(13);
    // A correction is a patch over the corrected revision: the parts left out are kept.
    expect(after.workReports.edges[0]?.node.title).toEqual({ zh: '2021年第一季度工作报告' });

    const stale = await gql(
      api,
      'mutation ($id: ID!, $c: WorkReportContentPatch!) { correctWorkReport(id: $id, content: $c, correctionNote: { zh: "再改" }) { id } }',
      { id: draftId, c: content('x', 1) },
      editor.headers,
    );
    expect(stale.errors?.[0]?.extensions?.code).toBe('INVALID_STATE');

    const original = await db.prisma.workReport.findFirstOrThrow({ where: { stationId: station.id, year: 2021, quarter: 1, revision: 1 }, include: { metrics: true } });
    expect(original.metrics[0]?.value.toNumber()).toBe(12);
    expect(original.supersededAt).not.toBeNull();

    const actions = await db.prisma.auditEntry.findMany({ where: { entityType: 'WorkReport' }, orderBy: { id: 'asc' }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(['workReport.create', 'workReport.update', 'workReport.publish', 'workReport.correct']);
  });

  it('an unknown metric key fails the whole report: no report, no audit entry', async () => {
    const { api, db } = t;
    const reports = await db.prisma.workReport.count();
    const audits = await db.prisma.auditEntry.count();
    const bad = { ...content('坏数据', 1), metrics: [{ metricKey: metricKeys[0], value: 1 }, { metricKey: 'no_such_metric', value: 2 }] };
    const result = await gql(
      api,
      'mutation ($s: ID!, $c: WorkReportContentInput!) { createWorkReport(stationId: $s, year: 2021, quarter: 2, content: $c) { id } }',
      { s: globalId('Station', station.id), c: bad },
      editor.headers,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.fields).toEqual([{ path: 'content.metrics.1.metricKey', message: 'unknown metric key' }]);
    expect(await db.prisma.workReport.count()).toBe(reports);
    expect(await db.prisma.auditEntry.count()).toBe(audits);
  });
});
