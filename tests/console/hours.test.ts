import { createStaffUser } from '@openstation/api/auth/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../portal/browser.ts';
import { type Account, OTHER_STATION, OWN_STATION, useConsoleServer } from './harness.ts';
import { ConsoleClient } from './http-client.ts';
import { expectAccessibleAtBothWidths, signIn } from './signed-in.ts';

const server = useConsoleServer();
const mediator: Account = { email: 'mediator-hours@zhuze.test', password: 'mediator-password-hours' };
let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;

/** The China date `offset` days from today, `YYYY-MM-DD`; 40 days on, clear of the demo's New Year 2027 hours. */
const day = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const prisma = () => server.db.prisma;

beforeAll(async () => {
  browser = await launchChromium();
  const station = await prisma().station.findUniqueOrThrow({ where: { slug: OWN_STATION } });
  await createStaffUser(prisma(), { ...mediator, name: '竹箦调解员', role: 'MEDIATOR', stations: [station.id] });
});
afterAll(async () => {
  await browser?.close();
});

describe('holiday hours and closures in the console', () => {
  it('an editor adds holiday hours from the menu, sees a refusal beside its field, closes the day instead and withdraws it', async () => {
    if (!browser) throw new Error('no browser');
    const { context, page } = await signIn(browser, server.origin, server.editor);
    await page.click('nav a[href="/staff/hours/"]');
    await expectAccessibleAtBothWidths(page, 'hours-list');
    await page.click('a.button[href^="/staff/hours/new/"]');
    await page.fill('#f-startsOn', day(40));
    await page.fill('#f-opens', '09:00');
    await page.fill('#f-closes', '08:30');
    await page.fill('#f-noteZh', '节假日服务：户籍窗口上午开放');
    await page.click('form.stack button[type=submit]');
    await page.waitForSelector('#f-closes-error');
    expect(await page.textContent('#f-closes-error')).toContain('开始时间必须早于结束时间');
    expect(await page.getAttribute('#f-closes', 'aria-invalid')).toBe('true');
    expect(await page.inputValue('#f-noteZh')).toBe('节假日服务：户籍窗口上午开放');
    await expectAccessibleAtBothWidths(page, 'hours-refused');
    expect(await prisma().stationHoursException.count({ where: { noteZh: '节假日服务：户籍窗口上午开放' } })).toBe(0);

    await page.fill('#f-closes', '12:00');
    await page.click('form.stack button[type=submit]');
    await page.waitForSelector('#saved');
    const created = await prisma().stationHoursException.findFirstOrThrow({ where: { noteZh: '节假日服务：户籍窗口上午开放' }, include: { station: true } });
    expect(created).toMatchObject({ closed: false, opens: '09:00', closes: '12:00', noteEn: null });
    expect(created.station.slug).toBe(OWN_STATION);
    // The last day left empty is the first: one day.
    expect([created.startsOn.toISOString().slice(0, 10), created.endsOn.toISOString().slice(0, 10)]).toEqual([day(40), day(40)]);
    expect(new URL(page.url()).pathname).toBe(`/staff/hours/${created.id}/`);
    expect(await page.inputValue('#f-endsOn')).toBe(day(40));
    await expectAccessibleAtBothWidths(page, 'hours-edit');

    // Closed all day: the times still in their fields are not sent.
    await page.selectOption('#f-state', 'closed');
    await page.fill('#f-endsOn', day(41));
    await page.click('form.stack button[type=submit]');
    await page.waitForSelector('#saved');
    const closed = await prisma().stationHoursException.findUniqueOrThrow({ where: { id: created.id } });
    expect(closed).toMatchObject({ closed: true, opens: null, closes: null, noteZh: '节假日服务：户籍窗口上午开放' });
    expect(closed.endsOn.toISOString().slice(0, 10)).toBe(day(41));
    const audits = await prisma().auditEntry.findMany({ where: { entityType: 'StationHoursException', entityId: created.id }, include: { staffUser: true }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => [a.action, a.staffUser?.email])).toEqual([
      ['stationHoursException.create', server.editor.email],
      ['stationHoursException.update', server.editor.email],
    ]);

    await page.goto(`${server.origin}/staff/hours/`);
    expect(await page.locator('tbody td', { hasText: '节假日服务：户籍窗口上午开放' }).count()).toBe(1);
    expect(await page.locator('tbody td', { hasText: '全天不办公' }).count()).toBeGreaterThan(0);
    await page.click(`a[href="/staff/hours/${created.id}/"]`);
    await page.click(`a[href="/staff/hours/${created.id}/delete/"]`);
    await expectAccessibleAtBothWidths(page, 'hours-delete');
    await page.click('button.danger');
    await page.waitForSelector('#deleted');
    expect(new URL(page.url()).pathname).toBe('/staff/hours/');
    expect(await prisma().stationHoursException.count({ where: { id: created.id } })).toBe(0);
    expect((await prisma().auditEntry.findFirstOrThrow({ where: { entityType: 'StationHoursException', entityId: created.id }, orderBy: { id: 'desc' } })).action).toBe('stationHoursException.delete');
    await context.close();
  });

  it('works without JavaScript, in English too, with the rules’ words in English beside the field', async () => {
    if (!browser) throw new Error('no browser');
    const { context, page } = await signIn(browser, server.origin, server.editor, { javaScriptEnabled: false });
    await page.goto(`${server.origin}/staff/en/hours/new/`);
    await page.fill('#f-startsOn', day(50));
    await page.fill('#f-endsOn', day(49));
    await page.selectOption('#f-state', 'closed');
    await page.fill('#f-noteZh', '户籍窗口设备检修');
    await page.click('form.stack button[type=submit]');
    await page.waitForSelector('#f-endsOn-error');
    expect(await page.textContent('#f-endsOn-error')).toContain('The last day cannot be before the first day.');
    await page.fill('#f-endsOn', day(51));
    await page.fill('#f-noteEn', 'Registration counter closed for maintenance');
    await page.click('form.stack button[type=submit]');
    await page.waitForSelector('#saved');
    const saved = await prisma().stationHoursException.findFirstOrThrow({ where: { noteZh: '户籍窗口设备检修' } });
    expect(saved).toMatchObject({ closed: true, opens: null, closes: null, noteEn: 'Registration counter closed for maintenance' });
    expect(saved.endsOn.toISOString().slice(0, 10)).toBe(day(51));
    await page.goto(`${server.origin}/staff/en/hours/`);
    expect(await page.locator('tbody td', { hasText: 'Registration counter closed for maintenance' }).count()).toBe(1);
    await context.close();
  });

  it('refuses another station’s exceptions and their forms, and hides the page from mediators', async () => {
    const other = await prisma().station.findUniqueOrThrow({ where: { slug: OTHER_STATION } });
    const theirs = await prisma().stationHoursException.create({
      data: { stationId: other.id, startsOn: new Date(`${day(60)}T00:00:00Z`), endsOn: new Date(`${day(60)}T00:00:00Z`), closed: true, noteZh: '别所公告' },
    });
    const client = new ConsoleClient(server.origin);
    await client.signIn(server.editor.email, server.editor.password);
    for (const path of [`/staff/hours/${theirs.id}/`, `/staff/hours/${theirs.id}/delete/`]) {
      const response = await client.get(path);
      expect(response.status, path).toBe(403);
      expect(await response.text(), path).not.toContain('<form class="stack"');
    }
    const csrf = await client.csrf('/staff/hours/');
    expect((await client.post(`/staff/hours/${theirs.id}/delete/`, { csrf })).status).toBe(403);
    expect((await client.post(`/staff/hours/${theirs.id}/`, { csrf, startsOn: day(60), state: 'open', opens: '09:00', closes: '10:00', noteZh: '越权' })).status).toBe(403);
    expect(await prisma().stationHoursException.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ closed: true, noteZh: '别所公告' });

    if (!browser) throw new Error('no browser');
    const { context, page } = await signIn(browser, server.origin, mediator);
    expect(await page.locator('nav a[href="/staff/hours/"]').count()).toBe(0);
    expect((await page.goto(`${server.origin}/staff/hours/`))?.status()).toBe(403);
    await context.close();
  });
});
