import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium } from '../portal/browser.ts';
import { type Account, OWN_STATION, useConsoleServer } from './harness.ts';
import { correctReport, createReportEditor, REPORT_STATION, WRITTEN, writeAndPublishReport } from './report-flow.ts';
import { signIn } from './signed-in.ts';

const server = useConsoleServer({ portal: true });
let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
let editor: Account | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  editor = await createReportEditor(server);
});
afterAll(async () => {
  await browser?.close();
});

async function expectNoViolations(page: Page, what: string) {
  const violations = await axeViolations(page);
  expect(violations, `${what}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/** Waits for the published report's page (which looks again every 5 s with JavaScript) to say the portal shows the report, or failed. */
async function waitForPortal(page: Page, ms: number): Promise<string | null> {
  await page.waitForSelector('#portal-status[data-state="updated"], #portal-status[data-state="failed"]', { timeout: ms }).catch(() => {
    throw new Error(`The portal was not updated within ${ms} ms: ${JSON.stringify(server.portalStatus())}`);
  });
  return page.getAttribute('#portal-status', 'data-state');
}

describe('quarterly reports in the staff console, in Chromium', () => {
  it('an editor deletes a draft, writes the next report from the last one, previews it, publishes it and sees it on the rebuilt portal exactly as previewed; then corrects it', async () => {
    if (!browser || !editor) throw new Error('not set up');
    const { context, page } = await signIn(browser, server.origin, editor);
    const { reportPath, previewMetrics, previewProse } = await writeAndPublishReport(server, page, true, expectNoViolations);
    expect(await page.getAttribute('#portal-status', 'data-state')).toBe('updating');

    expect(await waitForPortal(page, 300_000), JSON.stringify(server.portalStatus())).toBe('updated');
    await page.click('#portal-status a');
    await page.waitForURL(`${server.origin}/${REPORT_STATION}/reports/2026-q3/`);
    expect(await page.textContent('p.lead')).toBe(WRITTEN.summary);
    expect(await page.locator('table.metrics').evaluate((e) => e.outerHTML), 'the metric table as previewed').toBe(previewMetrics);
    expect(await page.locator('div.prose').evaluate((e) => e.outerHTML), 'the sections as previewed').toBe(previewProse);
    expect(await page.textContent('#priorities + div')).toContain(WRITTEN.issue);

    await correctReport(server, page, reportPath);
    await context.close();
  }, 420_000);

  it('refuses another station’s reports: no page, no form, and a forged publish or delete changes nothing', async () => {
    if (!browser) throw new Error('not set up');
    const { context, page } = await signIn(browser, server.origin, server.editor);
    const draft = await server.db.prisma.workReport.findFirstOrThrow({ where: { station: { slug: REPORT_STATION }, status: 'DRAFT' } });
    for (const path of [`/staff/reports/${draft.id}/`, `/staff/reports/new/?station=${REPORT_STATION}`]) {
      const response = await page.goto(`${server.origin}${path}`);
      expect(response?.status(), path).toBe(403);
      await page.waitForSelector('#forbidden');
      expect(await page.locator('form.report-form').count()).toBe(0);
    }
    const preview = await page.goto(`${server.origin}/staff/reports/${draft.id}/preview/`);
    expect(new URL(preview?.url() ?? '').pathname).toBe(`/staff/reports/${draft.id}/`);
    await page.goto(`${server.origin}/staff/reports/?station=${REPORT_STATION}`);
    expect(await page.textContent('main h2')).toContain('竹箦');
    for (const action of ['publish', 'delete']) {
      await page.evaluate((target) => {
        const form = document.createElement('form');
        form.method = 'post';
        form.action = target;
        const csrf = document.querySelector<HTMLInputElement>('input[name=csrf]');
        if (csrf) form.append(csrf.cloneNode());
        document.body.append(form);
        form.submit();
      }, `/staff/reports/${draft.id}/${action}/`);
      await page.waitForSelector('#forbidden');
    }
    const after = await server.db.prisma.workReport.findUniqueOrThrow({ where: { id: draft.id } });
    expect(after.status).toBe('DRAFT');
    expect(OWN_STATION).not.toBe(REPORT_STATION);
    await context.close();
  });

  it('has no axe-core (WCAG 2.2 AA) violations on the report pages, in both languages, at desktop and phone widths', async () => {
    if (!browser || !editor) throw new Error('not set up');
    const { context, page } = await signIn(browser, server.origin, editor);
    const prisma = server.db.prisma;
    const draft = await prisma.workReport.findFirstOrThrow({ where: { station: { slug: REPORT_STATION }, status: 'DRAFT' } });
    const published = await prisma.workReport.findFirstOrThrow({ where: { station: { slug: REPORT_STATION }, status: 'PUBLISHED', supersededAt: null }, orderBy: { id: 'asc' } });
    const paths = [
      '/staff/reports/',
      '/staff/en/reports/',
      `/staff/reports/${draft.id}/`,
      `/staff/en/reports/${draft.id}/`,
      `/staff/reports/${draft.id}/preview/`,
      `/staff/en/reports/${draft.id}/preview/`,
      `/staff/reports/${published.id}/`,
      `/staff/reports/${published.id}/?published=1`,
      `/staff/reports/new/?station=${REPORT_STATION}`,
    ];
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: width === 360 ? 740 : 800 });
      for (const path of paths) {
        await page.goto(`${server.origin}${path}`);
        await expectNoViolations(page, `${path} at ${width}`);
      }
      // The form with a rule's error beside a field.
      await page.goto(`${server.origin}/staff/reports/${draft.id}/`);
      await page.fill('[name="m.mediation_success_rate"]', '140');
      await Promise.all([page.waitForEvent('load'), page.click('form.report-form button[type=submit]')]);
      await page.waitForSelector('[id="f-m.mediation_success_rate-error"]');
      await expectNoViolations(page, `report form with an error at ${width}`);
    }
    await context.close();
  }, 300_000);
});
