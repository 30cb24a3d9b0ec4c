import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium } from '../portal/browser.ts';
import { OTHER_STATION, OWN_STATION, useConsoleServer } from './harness.ts';

const server = useConsoleServer();
let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function signedInPage(javaScriptEnabled: boolean): Promise<{ context: BrowserContext; page: Page }> {
  if (!browser) throw new Error('no browser');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(`${server.origin}/staff/`);
  expect(new URL(page.url()).pathname).toBe('/staff/sign-in/');
  await page.fill('#f-email', server.editor.email);
  await page.fill('#f-password', server.editor.password);
  await page.click('main button[type=submit]');
  await page.waitForURL(`${server.origin}/staff/`);
  return { context, page };
}

async function firstOwnOfficer() {
  return server.db.prisma.officer.findFirstOrThrow({ where: { station: { slug: OWN_STATION }, retiredAt: null }, orderBy: { id: 'asc' } });
}

async function expectNoViolations(page: Page, what: string) {
  const violations = await axeViolations(page);
  expect(violations, `${what}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

describe('the staff console in Chromium', () => {
  it('an editor bound to one station sees only that station, edits a duty phone and finds it saved and audited', async () => {
    const { context, page } = await signedInPage(true);
    expect(await page.locator('[data-station]').evaluateAll((els) => els.map((e) => e.getAttribute('data-station')))).toEqual([OWN_STATION]);
    await page.goto(`${server.origin}/staff/officers/?station=${OTHER_STATION}`);
    expect(await page.locator('h2').first().textContent()).toContain('竹箦');
    const officer = await firstOwnOfficer();
    await page.click(`a[href="/staff/officers/${officer.id}/"]`);
    await page.fill('#f-dutyPhone', '0519-87654321');
    await page.click('form.stack button[type=submit]');
    await page.waitForSelector('#saved');
    expect(await page.inputValue('#f-dutyPhone')).toBe('0519-87654321');
    const saved = await server.db.prisma.officer.findUniqueOrThrow({ where: { id: officer.id } });
    expect(saved.dutyPhone).toBe('0519-87654321');
    expect(saved.nameEn).toBe(officer.nameEn);
    expect(saved.badgeNumber).toBe(officer.badgeNumber);
    const audit = await server.db.prisma.auditEntry.findFirstOrThrow({ where: { entityType: 'Officer', entityId: officer.id, action: 'officer.update' }, orderBy: { id: 'desc' }, include: { staffUser: true } });
    expect(audit.staffUser?.email).toBe(server.editor.email);
    expect(JSON.stringify(audit.after)).toContain('0519-87654321');
    await context.close();
  });

  it('shows a content rule’s error next to its field and changes nothing', async () => {
    const { context, page } = await signedInPage(true);
    const officer = await firstOwnOfficer();
    await page.goto(`${server.origin}/staff/officers/${officer.id}/`);
    await page.fill('#f-lastVerifiedOn', '2099-01-01');
    await page.click('form.stack button[type=submit]');
    await page.waitForSelector('#f-lastVerifiedOn-error');
    expect(await page.getAttribute('#f-lastVerifiedOn', 'aria-invalid')).toBe('true');
    expect(await page.textContent('#f-lastVerifiedOn-error')).toContain('不能晚于今天');
    expect(await page.inputValue('#f-lastVerifiedOn')).toBe('2099-01-01');
    expect((await server.db.prisma.officer.findUniqueOrThrow({ where: { id: officer.id } })).lastVerifiedOn).toEqual(officer.lastVerifiedOn);
    await expectNoViolations(page, 'officer form with an error');
    await context.close();
  });

  it('answers a refusal for another station’s officer', async () => {
    const { context, page } = await signedInPage(true);
    const other = await server.db.prisma.officer.findFirstOrThrow({ where: { station: { slug: OTHER_STATION }, retiredAt: null } });
    const response = await page.goto(`${server.origin}/staff/officers/${other.id}/`);
    expect(response?.status()).toBe(403);
    await page.waitForSelector('#forbidden');
    expect(await page.locator('form.stack').count()).toBe(0);
    await expectNoViolations(page, 'refusal');
    await context.close();
  });

  it('does the same edit with JavaScript off, "contact verified today" included', async () => {
    const { context, page } = await signedInPage(false);
    const officer = await server.db.prisma.officer.findFirstOrThrow({ where: { station: { slug: OWN_STATION }, retiredAt: null }, orderBy: { id: 'desc' } });
    await page.goto(`${server.origin}/staff/en/officers/${officer.id}/`);
    await page.fill('#f-dutyPhone', '0519-12340000');
    await page.check('input[name=verifiedToday]');
    await page.click('form.stack button[type=submit]');
    await page.waitForSelector('#saved');
    const saved = await server.db.prisma.officer.findUniqueOrThrow({ where: { id: officer.id } });
    expect(saved.dutyPhone).toBe('0519-12340000');
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(saved.lastVerifiedOn?.toISOString().slice(0, 10)).toBe(today);
    await context.close();
  });

  it('has no axe-core (WCAG 2.2 AA) violations on any page type, in both languages, at desktop and phone widths', async () => {
    if (!browser) throw new Error('no browser');
    const officer = await firstOwnOfficer();
    const report = await server.db.prisma.workReport.findFirstOrThrow({ where: { station: { slug: OWN_STATION }, status: 'PUBLISHED', supersededAt: null }, orderBy: { id: 'desc' } });
    const anonymous = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const signIn = await anonymous.newPage();
    for (const path of ['/staff/sign-in/', '/staff/en/sign-in/']) {
      await signIn.goto(`${server.origin}${path}`);
      await expectNoViolations(signIn, path);
    }
    await anonymous.close();
    const { context, page } = await signedInPage(true);
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: width === 360 ? 740 : 800 });
      for (const path of ['/staff/', '/staff/en/', '/staff/reports/', '/staff/en/reports/', `/staff/reports/${report.id}/`, `/staff/en/reports/${report.id}/preview/`, '/staff/officers/', '/staff/en/officers/?stale=1', '/staff/surveys/', '/staff/en/surveys/', `/staff/officers/${officer.id}/`, `/staff/en/officers/${officer.id}/`]) {
        await page.goto(`${server.origin}${path}`);
        await expectNoViolations(page, `${path} at ${width}`);
      }
    }
    // The refusal of a form without its token.
    await page.evaluate(() => {
      const form = document.querySelector('form.stack');
      form?.querySelector('input[name=csrf]')?.remove();
      (form as HTMLFormElement | null)?.submit();
    });
    await page.waitForSelector('h1:has-text("Form expired")');
    await expectNoViolations(page, 'refused form');
    await context.close();
  }, 180_000);
});

describe('the admin and CSV pages in Chromium', () => {
  async function adminPage(width: number): Promise<{ context: BrowserContext; page: Page }> {
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ viewport: { width, height: width === 360 ? 740 : 800 } });
    const page = await context.newPage();
    await page.goto(`${server.origin}/staff/sign-in/`);
    await page.fill('#f-email', server.admin.email);
    await page.fill('#f-password', server.admin.password);
    await page.click('main button[type=submit]');
    await page.waitForURL(`${server.origin}/staff/`);
    return { context, page };
  }

  for (const width of [1280, 360]) {
    it(`have no axe-core (WCAG 2.2 AA) violations in both languages at ${width} px`, async () => {
      const { context, page } = await adminPage(width);
      const editor = await server.db.prisma.staffUser.findUniqueOrThrow({ where: { email: server.editor.email } });
      for (const path of ['/staff/admin/staff/', '/staff/en/admin/staff/', `/staff/admin/staff/${editor.id}/`, '/staff/admin/keys/', '/staff/en/admin/keys/', '/staff/admin/audit/', '/staff/en/admin/audit/?kind=StaffUser', '/staff/csv/', '/staff/en/csv/']) {
        await page.goto(`${server.origin}${path}`);
        await expectNoViolations(page, `${path} at ${width}`);
      }
      await context.close();
    }, 180_000);
  }

  it('have no axe-core violations with their results and errors shown: a refused form, a password and a key shown once, a CSV report', async () => {
    const { context, page } = await adminPage(360);
    await page.goto(`${server.origin}/staff/admin/staff/`);
    await page.fill('#f-name', '无站点');
    await page.fill('#f-email', 'nobody@zhuze.test');
    await page.click('form.stack button[type=submit]');
    await page.waitForSelector('#problems');
    await expectNoViolations(page, 'account form with errors');
    await page.check('input[name=station] >> nth=0');
    await page.click('form.stack button[type=submit]');
    await page.waitForSelector('#new-password');
    await expectNoViolations(page, 'password shown once');
    // Resetting without ticking the confirmation: the error stands beside the tick box.
    const created = await server.db.prisma.staffUser.findUniqueOrThrow({ where: { email: 'nobody@zhuze.test' } });
    await page.goto(`${server.origin}/staff/admin/staff/${created.id}/`);
    await page.click('.account-actions button.secondary >> nth=0');
    await page.waitForSelector('#f-confirm-reset-error');
    await expectNoViolations(page, 'reset not confirmed');
    if (process.env.CONSOLE_SHOTS) await page.screenshot({ path: `${process.env.CONSOLE_SHOTS}/reset-unconfirmed-360.png`, fullPage: true });
    await page.goto(`${server.origin}/staff/admin/keys/`);
    await page.fill('#f-name', 'axe');
    await page.click('form.stack button[type=submit] >> nth=0');
    await page.waitForSelector('#new-key');
    await expectNoViolations(page, 'key shown once');
    // Revoking a key without ticking the confirmation: the error stands beside that row's tick box.
    await page.click('tbody tr[data-key] button.link-button >> nth=0');
    await page.waitForSelector('[id^="f-confirm-revoke-"][id$="-error"]');
    await expectNoViolations(page, 'revoke not confirmed');
    expect(await page.textContent('#revoke-unconfirmed')).toContain('axe');
    if (process.env.CONSOLE_SHOTS) {
      await page.screenshot({ path: `${process.env.CONSOLE_SHOTS}/revoke-unconfirmed-360.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.screenshot({ path: `${process.env.CONSOLE_SHOTS}/revoke-unconfirmed-1280.png`, fullPage: true });
      await page.setViewportSize({ width: 360, height: 740 });
    }
    await page.goto(`${server.origin}/staff/csv/`);
    await page.setInputFiles('#up-file', { name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from('station,nameZh,kind,households,population,gridCount,nameEn\r\nzhuze,,COMMUNITY,,,,\r\n') });
    await page.click('form[enctype="multipart/form-data"] button[type=submit]');
    await page.waitForSelector('#issues');
    await expectNoViolations(page, 'CSV report');
    await context.close();
  }, 180_000);
});
