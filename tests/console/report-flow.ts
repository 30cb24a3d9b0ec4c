import { createStaffUser } from '@openstation/api/auth/accounts';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Account, ConsoleServer } from './harness.ts';

/** The station the report flow works on: its 2026-Q3 report is a draft in the demo data, its 2025-Q3 one published. */
export const REPORT_STATION = 'qianling';

/** What the flow writes, so that tests can look for it on the portal and in the database. */
export const WRITTEN = {
  summary: '2026年第三季度，迁陵派出所接报警情500起，群众安全感持续提升。',
  body: '本季度开展夜间巡逻，重点整治酒后滋事。',
  policeCalls: '500',
  /** The 2025-Q3 report's `police_calls`: 769. */
  change: '−35%',
  issue: '老西门口夜间噪音扰民',
  action: '增加夜间巡逻并约谈商户',
};

/** Creates an editor bound to {@link REPORT_STATION} (inside a test or hook). */
export async function createReportEditor(server: ConsoleServer): Promise<Account> {
  const account: Account = { email: 'editor@qianling.test', password: 'editor-password-qianling' };
  const station = await server.db.prisma.station.findUniqueOrThrow({ where: { slug: REPORT_STATION }, select: { id: true } });
  await createStaffUser(server.db.prisma, { ...account, name: '迁陵编辑', role: 'EDITOR', stations: [station.id] });
  return account;
}

const submit = (page: Page) => Promise.all([page.waitForEvent('load'), page.click('form.report-form button[type=submit]')]);

/**
 * The editor's way through a quarterly report, in the browser: from the home page's drafts to
 * the list; deletes the 2026-Q3 draft; starts the next unreported quarter (2026-Q3 again) from
 * the last report; is refused a percentage of 140 beside its field; writes the figures (the
 * change from last year shown as typed with JavaScript, after "save and check" without); adds a
 * concern with its area picked by name and linked to a residents' meeting; previews; publishes.
 * Answers the published report's page address and the preview's metric table.
 */
export async function writeAndPublishReport(server: ConsoleServer, page: Page, javaScript: boolean, check: (page: Page, what: string) => Promise<void> = async () => {}): Promise<{ reportPath: string; previewMetrics: string; previewProse: string }> {
  const { origin } = server;
  const prisma = server.db.prisma;
  const station = await prisma.station.findUniqueOrThrow({ where: { slug: REPORT_STATION } });

  await page.click(`[data-station="${REPORT_STATION}"] [data-clock="drafts"] a`);
  await page.waitForURL(`${origin}/staff/reports/?station=${REPORT_STATION}`);
  expect(await page.locator('#new-not-yet').count(), 'the next quarter (2026-Q4) has not ended').toBe(1);

  // Delete a draft.
  const draft = await prisma.workReport.findFirstOrThrow({ where: { stationId: station.id, year: 2026, quarter: 3 } });
  await page.click('#drafts tr[data-report="2026-Q3"] a[href$="/' + draft.id + '/"]');
  await Promise.all([page.waitForURL(/deleted=2026-Q3/), page.click('#delete')]);
  await page.waitForSelector('#deleted');
  expect(await prisma.workReport.findUnique({ where: { id: draft.id } })).toBeNull();
  expect(await prisma.auditEntry.count({ where: { entityType: 'WorkReport', entityId: draft.id, action: 'workReport.deleteDraft' } })).toBe(1);

  // New report: the next unreported quarter, pre-filled from the last published report.
  await page.click('#new-report');
  await page.waitForURL(/\/staff\/reports\/new\//);
  expect(await page.textContent('h1')).toContain('2026-Q3');
  const previous = await prisma.workReport.findFirstOrThrow({ where: { stationId: station.id, status: 'PUBLISHED', supersededAt: null }, orderBy: [{ year: 'desc' }, { quarter: 'desc' }], include: { sections: { orderBy: { position: 'asc' } } } });
  expect(await page.inputValue('[name="s0.headingZh"]')).toBe(previous.sections[0]?.headingZh);
  expect(await page.inputValue('[name="s0.bodyZh"]')).toBe('');
  expect(await page.inputValue('[name="m.police_calls"]')).toBe('');
  expect(await page.textContent('tr[data-metric="police_calls"]')).toContain('769');
  await check(page, 'new report form');

  await page.fill('[name="summaryZh"]', WRITTEN.summary);
  await page.fill('[name="s0.bodyZh"]', WRITTEN.body);
  for (const row of [1, 2]) for (const field of ['headingZh', 'headingEn']) await page.fill(`[name="s${row}.${field}"]`, '');
  await page.fill('[name="m.police_calls"]', WRITTEN.policeCalls);
  if (javaScript) expect(await page.textContent('tr[data-metric="police_calls"] output')).toBe(WRITTEN.change);
  await page.fill('[name="m.mediation_success_rate"]', '140');
  await page.fill('[name="p0.issueZh"]', WRITTEN.issue);
  await page.fill('[name="p0.raisedOn"]', '2026-07-08');
  await page.fill('[name="p0.actionZh"]', WRITTEN.action);
  await page.fill('[name="p0.actionOn"]', '2026-07-20');
  await page.selectOption('[name="p0.area"]', { label: '老西门口街巷' });
  await page.selectOption('[name="p0.link"]', { label: await page.locator('[name="p0.link"] option', { hasText: '老西门口街巷警民恳谈会' }).innerText() });

  // A rule's error beside its field, in Chinese; nothing is created.
  await submit(page);
  await page.waitForSelector('#problems');
  expect(await page.textContent('[id="f-m.mediation_success_rate-error"]')).toContain('超出该指标允许的范围');
  expect(await page.getAttribute('[name="m.mediation_success_rate"]', 'aria-invalid')).toBe('true');
  expect(await page.inputValue('[name="summaryZh"]')).toBe(WRITTEN.summary);
  expect(await prisma.workReport.count({ where: { stationId: station.id, year: 2026, quarter: 3 } })).toBe(0);
  await check(page, 'new report form with an error');

  await page.fill('[name="m.mediation_success_rate"]', '98.5');
  await submit(page);
  await page.waitForSelector('#saved');
  const reportPath = new URL(page.url()).pathname;
  // The change from last year, worked out by the server after "save" as well.
  expect(await page.textContent('tr[data-metric="police_calls"] output')).toBe(WRITTEN.change);
  const created = await prisma.workReport.findFirstOrThrow({ where: { stationId: station.id, year: 2026, quarter: 3 }, include: { priorities: { include: { area: true } }, sections: true } });
  expect(created.status).toBe('DRAFT');
  expect(created.sections.map((s) => s.headingZh)).toEqual([previous.sections[0]?.headingZh]);
  expect(created.priorities[0]?.area?.nameZh).toBe('老西门口街巷');
  expect(created.priorities[0]?.eventId).not.toBeNull();

  // Preview: the portal's report body.
  await page.click('#preview');
  await page.waitForSelector('#preview-note');
  expect(await page.textContent('h1')).toContain('2026年第三季度');
  expect(await page.textContent('p.lead')).toBe(WRITTEN.summary);
  const previewMetrics = await page.locator('table.metrics').evaluate((e) => e.outerHTML);
  const previewProse = await page.locator('div.prose').evaluate((e) => e.outerHTML);
  expect(previewMetrics).toContain('−35%');

  // Publish from the preview.
  await Promise.all([page.waitForURL(/published=1/), page.click('#publish')]);
  await page.waitForSelector('#published');
  const published = await prisma.workReport.findUniqueOrThrow({ where: { id: created.id } });
  expect(published.status).toBe('PUBLISHED');
  return { reportPath, previewMetrics, previewProse };
}

/** Corrects the published report: a new revision with its note; the figure changed. */
export async function correctReport(server: ConsoleServer, page: Page, reportPath: string): Promise<void> {
  const prisma = server.db.prisma;
  await page.goto(`${server.origin}${reportPath}`);
  await page.click('#correct summary');
  await page.fill('[name="correctionZh"]', '接报警情数录入有误，已更正为 510 起。');
  await page.fill('[name="m.police_calls"]', '510');
  await submit(page);
  await page.waitForSelector('#published');
  const station = await prisma.station.findUniqueOrThrow({ where: { slug: REPORT_STATION } });
  const revisions = await prisma.workReport.findMany({ where: { stationId: station.id, year: 2026, quarter: 3 }, orderBy: { revision: 'asc' }, include: { metrics: { include: { metric: true } } } });
  expect(revisions.map((r) => [r.revision, r.supersededAt !== null])).toEqual([[1, true], [2, false]]);
  expect(revisions[1]?.correctionNoteZh).toBe('接报警情数录入有误，已更正为 510 起。');
  expect(revisions[1]?.metrics.find((m) => m.metric.key === 'police_calls')?.value.toNumber()).toBe(510);
  expect(revisions[1]?.summaryZh).toBe(WRITTEN.summary);
  await page.goto(`${server.origin}/staff/reports/?station=${REPORT_STATION}`);
  expect(await page.textContent('#published tr[data-report="2026-Q3"]')).toContain('接报警情数录入有误');
}
