import { createStaffUser } from '@openstation/api/auth/accounts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../portal/browser.ts';
import { type Account, OWN_STATION, useConsoleServer } from './harness.ts';
import { expectAccessibleAtBothWidths, signIn } from './signed-in.ts';

const server = useConsoleServer();
const mediator: Account = { email: 'mediator@zhuze.test', password: 'mediator-password-zhuze' };
let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
beforeAll(async () => {
  browser = await launchChromium();
  const station = await server.db.prisma.station.findUniqueOrThrow({ where: { slug: OWN_STATION }, select: { id: true } });
  await createStaffUser(server.db.prisma, { ...mediator, name: '竹箦调解员', role: 'MEDIATOR', stations: [station.id] });
});
afterAll(async () => {
  await browser?.close();
});

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The station's figures of this year as the page shows them. */
async function figures(page: Page) {
  const read = async (name: string) => (await page.textContent(`#this-year [data-figure=${name}]`))?.trim() ?? '';
  return { received: Number(await read('received')), closed: Number(await read('closed')), resolved: Number(await read('resolved')), rate: await read('rate') };
}

describe('mediation cases in the staff console, in Chromium', () => {
  it('a mediator records a case, closes it with its outcome and sees the station’s figures change', async () => {
    if (!browser) throw new Error('no browser');
    const { context, page } = await signIn(browser, server.origin, mediator);
    expect(await page.locator('nav a[href="/staff/surveys/"]').count()).toBe(0);
    await page.click('nav a[href="/staff/mediation/"]');
    const before = await figures(page);
    await expectAccessibleAtBothWidths(page, 'mediation-list');

    await page.click('#new-case');
    await expectAccessibleAtBothWidths(page, 'mediation-new');
    await page.fill('#f-reference', 'LC-2026-901');
    await page.selectOption('#f-category', 'TENANCY');
    await page.selectOption('#f-source', 'POLICE_CALL');
    await page.fill('#f-receivedOn', today());
    await page.click('form.stack button[type=submit]');
    await page.waitForSelector('#done');
    expect(await figures(page)).toMatchObject({ received: before.received + 1, closed: before.closed, resolved: before.resolved });
    expect(await page.textContent('tr[data-case="LC-2026-901"]')).toContain('已受理');

    // A date the rules refuse: the error beside its field, nothing saved.
    await page.click('a[aria-label="编辑案件 LC-2026-901"]');
    await page.fill('#f-receivedOn', '2099-01-01');
    await page.click('form.stack button[type=submit]');
    await page.waitForSelector('#f-receivedOn-error');
    expect(await page.getAttribute('#f-receivedOn', 'aria-invalid')).toBe('true');
    await expectAccessibleAtBothWidths(page, 'mediation-edit-error');

    // Close with its outcome: settled, concluded today (the date left empty).
    await page.fill('#f-receivedOn', today());
    await page.selectOption('#f-status', 'RESOLVED');
    await page.click('form.stack button[type=submit]');
    await page.waitForSelector('#saved');
    expect(await page.inputValue('#f-closedOn')).toBe(today());
    const after = await figures(page);
    expect(after).toMatchObject({ received: before.received + 1, closed: before.closed + 1, resolved: before.resolved + 1 });
    expect(after.rate).toMatch(/^\d+%$/);
    await expectAccessibleAtBothWidths(page, 'mediation-edit');
    const stored = await server.db.prisma.mediationCase.findFirstOrThrow({ where: { reference: 'LC-2026-901' } });
    expect(stored.status).toBe('RESOLVED');
    expect(stored.closedOn?.toISOString().slice(0, 10)).toBe(today());
    const audit = await server.db.prisma.auditEntry.findMany({ where: { entityType: 'MediationCase', entityId: stored.id }, orderBy: { id: 'asc' }, include: { staffUser: true } });
    expect(audit.map((a) => [a.action, a.staffUser?.email])).toEqual([['mediationCase.create', mediator.email], ['mediationCase.update', mediator.email]]);
    await context.close();
  }, 240_000);

  it('records a case with JavaScript off', async () => {
    if (!browser) throw new Error('no browser');
    const { context, page } = await signIn(browser, server.origin, mediator, { javaScriptEnabled: false });
    await page.goto(`${server.origin}/staff/en/mediation/new/`);
    await page.fill('#f-reference', 'LC-2026-902');
    await page.selectOption('#f-status', 'UNRESOLVED');
    await page.click('form.stack button[type=submit]');
    await page.waitForSelector('#done');
    const stored = await server.db.prisma.mediationCase.findFirstOrThrow({ where: { reference: 'LC-2026-902' } });
    expect([stored.status, stored.closedOn?.toISOString().slice(0, 10)]).toEqual(['UNRESOLVED', today()]);
    await context.close();
  }, 240_000);

  it('an editor sees no mediation: not in the menu, and the pages refuse', async () => {
    if (!browser) throw new Error('no browser');
    const { context, page } = await signIn(browser, server.origin, server.editor);
    expect(await page.locator('nav a[href="/staff/mediation/"]').count()).toBe(0);
    const kase = await server.db.prisma.mediationCase.findFirstOrThrow({ where: { room: { station: { slug: OWN_STATION } } } });
    for (const path of ['/staff/mediation/', '/staff/mediation/new/', `/staff/mediation/${kase.id}/`]) {
      const response = await page.goto(`${server.origin}${path}`);
      expect(response?.status(), path).toBe(403);
      await page.waitForSelector('#forbidden');
      expect(await page.locator('form.stack').count(), path).toBe(0);
      expect(await page.locator('[data-figure]').count(), path).toBe(0);
    }
    await context.close();
  }, 240_000);
});
