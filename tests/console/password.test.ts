import { createStaffUser } from '@openstation/api/auth/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../portal/browser.ts';
import { type Account, OWN_STATION, useConsoleServer } from './harness.ts';
import { expectAccessibleAtBothWidths, signIn } from './signed-in.ts';

const server = useConsoleServer();
const clerk: Account = { email: 'clerk@zhuze.test', password: 'generated-by-the-admin' };
let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
beforeAll(async () => {
  browser = await launchChromium();
  const station = await server.db.prisma.station.findUniqueOrThrow({ where: { slug: OWN_STATION }, select: { id: true } });
  await createStaffUser(server.db.prisma, { ...clerk, name: '竹箦内勤', role: 'EDITOR', stations: [station.id] });
});
afterAll(async () => {
  await browser?.close();
});

describe('changing one’s own password in the console', () => {
  it('a clerk changes the password an admin gave them: each mistake beside its field, then the new one signs in and the old one does not', async () => {
    if (!browser) throw new Error('no browser');
    const { context, page } = await signIn(browser, server.origin, clerk);
    const other = await signIn(browser, server.origin, clerk); // the same person on another computer
    await page.click('nav a[href="/staff/password/"]');
    await expectAccessibleAtBothWidths(page, 'password');

    const attempt = async (current: string, next: string, repeat: string) => {
      await page.fill('#f-currentPassword', current);
      await page.fill('#f-newPassword', next);
      await page.fill('#f-repeatPassword', repeat);
      await page.click('main button[type=submit]');
      await page.waitForLoadState();
    };
    await attempt('not my password', 'a sentence I will remember', 'a sentence I will remember');
    expect(await page.textContent('#f-currentPassword-error')).toContain('当前密码不正确');
    await expectAccessibleAtBothWidths(page, 'password-refused');
    await attempt(clerk.password, 'a sentence I will remember', 'a sentence I will remembe');
    expect(await page.textContent('#f-repeatPassword-error')).toContain('不一致');
    await attempt(clerk.password, 'too short', 'too short');
    expect(await page.textContent('#f-newPassword-error')).toContain('至少需要 12 个字符');
    // Nothing so far changed it.
    const audit = () => server.db.prisma.auditEntry.count({ where: { action: 'staff.changePassword' } });
    expect(await audit()).toBe(0);

    await attempt(clerk.password, 'a sentence I will remember', 'a sentence I will remember');
    expect(await page.textContent('#done')).toContain('密码已修改');
    expect(await audit()).toBe(1);
    // This browser stays signed in; the session on the other computer has ended.
    await page.goto(`${server.origin}/staff/`);
    expect(new URL(page.url()).pathname).toBe('/staff/');
    await other.page.goto(`${server.origin}/staff/`);
    expect(new URL(other.page.url()).pathname).toBe('/staff/sign-in/');
    await other.context.close();

    await page.click('nav button[type=submit]'); // sign out
    await page.goto(`${server.origin}/staff/sign-in/`);
    await page.fill('#f-email', clerk.email);
    await page.fill('#f-password', clerk.password);
    await page.click('main button[type=submit]');
    await page.waitForSelector('#sign-in-error');
    await context.close();
    const again = await signIn(browser, server.origin, { ...clerk, password: 'a sentence I will remember' });
    await again.context.close();
  }, 300_000);
});
