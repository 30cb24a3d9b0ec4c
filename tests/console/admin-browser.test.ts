import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../portal/browser.ts';
import { OTHER_STATION, OWN_STATION, useConsoleServer } from './harness.ts';

const server = useConsoleServer();
let browser: Browser | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function signIn(email: string, password: string, javaScriptEnabled: boolean): Promise<Page> {
  if (!browser) throw new Error('no browser');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(`${server.origin}/staff/sign-in/`);
  await page.fill('#f-email', email);
  await page.fill('#f-password', password);
  await page.click('main button[type=submit]');
  await page.waitForURL(`${server.origin}/staff/`);
  return page;
}

describe('the admin pages in Chromium', () => {
  it('an admin creates an editor bound to one station (JavaScript off), who then sees only that station', async () => {
    const admin = await signIn(server.admin.email, server.admin.password, false);
    await admin.click('nav a[href="/staff/admin/"]');
    await admin.waitForURL(`${server.origin}/staff/admin/staff/`);
    await admin.fill('#f-name', '竹箦新编辑');
    await admin.fill('#f-email', 'clerk@zhuze.test');
    await admin.selectOption('#f-role', 'EDITOR');
    await admin.check(`label.check:has-text("竹箦") input[name=station]`);
    await admin.click('form.stack button[type=submit]');
    const password = (await admin.textContent('#new-password')) ?? '';
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(await admin.locator('tr[data-account="clerk@zhuze.test"]').textContent()).toContain('竹箦');
    await admin.context().close();

    const clerk = await signIn('clerk@zhuze.test', password, true);
    expect(await clerk.locator('[data-station]').evaluateAll((els) => els.map((e) => e.getAttribute('data-station')))).toEqual([OWN_STATION]);
    expect(await clerk.locator('nav a[href="/staff/admin/"]').count()).toBe(0);
    await clerk.goto(`${server.origin}/staff/officers/?station=${OTHER_STATION}`);
    expect(await clerk.locator('h2').first().textContent()).toContain('竹箦');
    const other = await server.db.prisma.officer.findFirstOrThrow({ where: { station: { slug: OTHER_STATION }, retiredAt: null } });
    expect((await clerk.goto(`${server.origin}/staff/officers/${other.id}/`))?.status()).toBe(403);
    expect(await clerk.content()).not.toContain(other.nameZh);
    expect((await clerk.goto(`${server.origin}/staff/admin/staff/`))?.status()).toBe(403);
    const download = await clerk.request.get(`${server.origin}/staff/csv/download/?kind=OFFICERS&station=${OTHER_STATION}`);
    expect(download.status()).toBe(403);
    await clerk.goto(`${server.origin}/staff/csv/`);
    expect(await clerk.locator('#down-station option').allTextContents()).toEqual(['竹箦派出所']);
    await clerk.context().close();
  }, 120_000);

  it('checks an uploaded CSV file with JavaScript off and shows the row report as a table', async () => {
    const editor = await signIn(server.editor.email, server.editor.password, false);
    await editor.goto(`${server.origin}/staff/csv/`);
    const header = 'station,nameZh,nameEn,kind,households,population,gridCount';
    await editor.selectOption('#up-kind', 'AREAS');
    await editor.setInputFiles('#up-file', { name: 'areas.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${header}\r\n${OWN_STATION},新区,,COMMUNITY,-5,,\r\n${OTHER_STATION},别处,,COMMUNITY,,,\r\n`) });
    await editor.click('form[enctype="multipart/form-data"] button[type=submit]');
    await editor.waitForSelector('#issues');
    const cells = await editor.locator('#issues tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim())));
    expect(cells).toContainEqual(['2', 'households 户数', 'invalid', '填写的值不符合要求：不能为负数']);
    expect(cells.some((row) => row[0] === '3' && row[2] === 'station_mismatch')).toBe(true);
    expect(await editor.textContent('#summary')).toContain('只做了检查');
    expect(await server.db.prisma.area.count({ where: { nameZh: '新区' } })).toBe(0);
    await editor.context().close();
  });
});
