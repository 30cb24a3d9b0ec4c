import { createStaffUser } from '@openstation/api/auth/accounts';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium } from '../portal/browser.ts';
import { type Account, OTHER_STATION, OWN_STATION, useConsoleServer } from './harness.ts';
import { ConsoleClient } from './http-client.ts';
import { signIn } from './signed-in.ts';

const server = useConsoleServer();
const mediator: Account = { email: 'mediator@zhuze.test', password: 'mediator-password-zhuze' };
let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  const station = await server.db.prisma.station.findUniqueOrThrow({ where: { slug: OWN_STATION } });
  await createStaffUser(server.db.prisma, { ...mediator, name: '竹箦调解员', role: 'MEDIATOR', stations: [station.id] });
});
afterAll(async () => {
  await browser?.close();
});

function editorPage(options: { javaScriptEnabled?: boolean } = {}) {
  if (!browser) throw new Error('no browser');
  return signIn(browser, server.origin, server.editor, options);
}

const prisma = () => server.db.prisma;

async function lastAudit(entityType: string, entityId: number) {
  return prisma().auditEntry.findFirstOrThrow({ where: { entityType, entityId }, orderBy: { id: 'desc' }, include: { staffUser: true } });
}

describe('areas in the console', () => {
  it('an editor adds an area, finds its form pre-filled, sees a refused count next to its field, and saves a change', async () => {
    const { context, page } = await editorPage();
    await page.goto(`${server.origin}/staff/areas/`);
    await page.click('a.button[href^="/staff/areas/new/"]');
    await page.fill('#f-nameZh', '新河社区');
    await page.fill('#f-nameEn', 'Xinhe Community');
    await page.selectOption('#f-kind', 'VILLAGE');
    await page.fill('#f-households', '1200');
    await page.click('form.stack button[type=submit]');
    await page.waitForSelector('#saved');
    const area = await prisma().area.findFirstOrThrow({ where: { nameZh: '新河社区' }, include: { station: true } });
    expect(area.station.slug).toBe(OWN_STATION);
    expect(area.kind).toBe('VILLAGE');
    expect(area.households).toBe(1200);
    expect((await lastAudit('Area', area.id)).staffUser?.email).toBe(server.editor.email);
    expect(new URL(page.url()).pathname).toBe(`/staff/areas/${area.id}/`);
    expect(await page.inputValue('#f-nameEn')).toBe('Xinhe Community');
    expect(await page.inputValue('#f-households')).toBe('1200');
    expect(await page.inputValue('#f-kind')).toBe('VILLAGE');

    await page.fill('#f-population', 'about 3000');
    await page.click('form.stack button[type=submit]');
    await page.waitForSelector('#f-population-error');
    expect(await page.textContent('#f-population-error')).toContain('整数');
    expect(await page.getAttribute('#f-population', 'aria-invalid')).toBe('true');
    expect((await prisma().area.findUniqueOrThrow({ where: { id: area.id } })).population).toBeNull();

    await page.fill('#f-population', '3100');
    await page.fill('#f-households', '');
    await page.click('form.stack button[type=submit]');
    await page.waitForSelector('#saved');
    const saved = await prisma().area.findUniqueOrThrow({ where: { id: area.id } });
    expect(saved).toMatchObject({ population: 3100, households: null, nameEn: 'Xinhe Community', kind: 'VILLAGE' });

    await page.goto(`${server.origin}/staff/areas/?q=xinhe`);
    expect(await page.locator('tbody th').allTextContents()).toEqual(['新河社区']);
    await context.close();
  });

  it('shows which officers the rules warn about before retiring an area, then retires it', async () => {
    const area = await prisma().area.findFirstOrThrow({
      where: { station: { slug: OWN_STATION }, retiredAt: null, assignments: { some: { officer: { retiredAt: null } } } },
      include: { assignments: { include: { officer: true } } },
    });
    const { context, page } = await editorPage();
    await page.goto(`${server.origin}/staff/areas/${area.id}/`);
    await page.click(`a[href="/staff/areas/${area.id}/retire/"]`);
    const warning = await page.textContent('#warning');
    expect(warning).toContain('撤销后将不再显示');
    for (const a of area.assignments) expect(warning).toContain(a.officer.nameZh);
    expect((await prisma().area.findUniqueOrThrow({ where: { id: area.id } })).retiredAt).toBeNull();
    await page.click('main form button[type=submit]');
    await page.waitForSelector('#retired');
    expect((await prisma().area.findUniqueOrThrow({ where: { id: area.id } })).retiredAt).not.toBeNull();
    expect(await page.locator('tbody th', { hasText: area.nameZh }).count()).toBe(0);
    expect((await lastAudit('Area', area.id)).action).toBe('area.retire');
    await context.close();
  });
});

describe('officers in the console', () => {
  it('an editor adds an officer, assigns them to an area, moves them to another, ends a service, and retires them', async () => {
    const { context, page } = await editorPage();
    await page.goto(`${server.origin}/staff/officers/`);
    await page.click('a.button[href^="/staff/officers/new/"]');
    await page.fill('#f-nameZh', '林新');
    await page.selectOption('#f-role', 'AUXILIARY_OFFICER');
    await page.fill('#f-dutyPhone', '0519-80000001');
    await page.click('form.stack button[type=submit]');
    await page.waitForSelector('#created');
    const officer = await prisma().officer.findFirstOrThrow({ where: { nameZh: '林新' }, include: { station: true } });
    expect(officer).toMatchObject({ role: 'AUXILIARY_OFFICER', dutyPhone: '0519-80000001', badgeNumber: null });
    expect(officer.station.slug).toBe(OWN_STATION);

    const [first, second] = await prisma().area.findMany({ where: { station: { slug: OWN_STATION }, retiredAt: null }, orderBy: { id: 'asc' }, take: 2 });
    if (!first || !second) throw new Error('the seed has fewer than two areas');
    await page.click(`a[href="/staff/officers/${officer.id}/assignments/"]`);
    await page.selectOption('#f-areaId', { label: first.nameZh });
    await page.fill('#f-since', '2026-03-01');
    await page.click('#assign button[type=submit]');
    await page.waitForSelector('#saved');
    let assignments = await prisma().officerAssignment.findMany({ where: { officerId: officer.id } });
    expect(assignments.map((a) => [a.areaId, a.isPrimary, a.since.toISOString().slice(0, 10)])).toEqual([[first.id, false, '2026-03-01']]);

    await page.selectOption('#f-fromAreaId', { label: first.nameZh });
    await page.selectOption('#f-toAreaId', { label: second.nameZh });
    await page.fill('#f-moveSince', '2026-06-01');
    await page.click('#move button[type=submit]');
    await page.waitForSelector('#saved');
    assignments = await prisma().officerAssignment.findMany({ where: { officerId: officer.id } });
    expect(assignments.map((a) => [a.areaId, a.isPrimary, a.since.toISOString().slice(0, 10)])).toEqual([[second.id, false, '2026-06-01']]);
    expect(await page.locator('tbody th').allTextContents()).toEqual([second.nameZh]);

    await page.click('tbody button[type=submit]');
    await page.waitForSelector('#saved');
    expect(await prisma().officerAssignment.count({ where: { officerId: officer.id } })).toBe(0);

    await page.goto(`${server.origin}/staff/officers/${officer.id}/`);
    await page.click(`a[href="/staff/officers/${officer.id}/retire/"]`);
    await page.click('main form button[type=submit]');
    await page.waitForSelector('#retired');
    expect((await prisma().officer.findUniqueOrThrow({ where: { id: officer.id } })).retiredAt).not.toBeNull();
    await context.close();
  });

  it('with JavaScript off: a second responsible officer is refused next to the field, in Chinese, and support is accepted', async () => {
    const taken = await prisma().officerAssignment.findFirstOrThrow({
      where: { isPrimary: true, area: { station: { slug: OWN_STATION }, retiredAt: null }, officer: { retiredAt: null } },
      include: { area: true },
    });
    const officer = await prisma().officer.findFirstOrThrow({
      where: { station: { slug: OWN_STATION }, retiredAt: null, assignments: { none: { areaId: taken.areaId } } },
    });
    const { context, page } = await editorPage({ javaScriptEnabled: false });
    await page.goto(`${server.origin}/staff/officers/${officer.id}/assignments/`);
    await page.selectOption('#f-areaId', { label: taken.area.nameZh });
    await page.check('input[name=role][value=primary]');
    await page.click('#assign button[type=submit]');
    await page.waitForSelector('#f-role-error');
    expect(await page.textContent('#f-role-error')).toContain('已有责任民警');
    expect(await prisma().officerAssignment.count({ where: { officerId: officer.id, areaId: taken.areaId } })).toBe(0);
    await page.check('input[name=role][value=auxiliary]');
    await page.click('#assign button[type=submit]');
    await page.waitForSelector('#saved');
    expect(await prisma().officerAssignment.findFirst({ where: { officerId: officer.id, areaId: taken.areaId } })).toMatchObject({ isPrimary: false });
    await context.close();
  });
});

describe('officer photos in the console', () => {
  it('uploads a camera photo with GPS: stored 480 px wide without metadata, shown from the site itself; a text file is refused next to the field', async () => {
    const officer = await prisma().officer.findFirstOrThrow({ where: { station: { slug: OWN_STATION }, retiredAt: null }, orderBy: { id: 'asc' } });
    const camera = await sharp({ create: { width: 1200, height: 1600, channels: 3, background: '#6a8f5a' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'SecretCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 25/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '119/1 29/1 0/1' } })
      .toBuffer();
    const { context, page } = await editorPage({ javaScriptEnabled: false });
    await page.goto(`${server.origin}/staff/officers/${officer.id}/`);
    await page.click(`a[href="/staff/officers/${officer.id}/photo/"]`);
    await page.setInputFiles('#f-photo', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a photo') });
    await page.click('form.stack button[type=submit]');
    await page.waitForSelector('#f-photo-error');
    expect(await page.textContent('#f-photo-error')).toContain('不是 JPEG');
    expect(await prisma().officerPhoto.count({ where: { officerId: officer.id } })).toBe(0);

    await page.setInputFiles('#f-photo', { name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: camera });
    await page.click('form.stack button[type=submit]');
    await page.waitForSelector('#saved');
    const stored = await prisma().officerPhoto.findUniqueOrThrow({ where: { officerId: officer.id } });
    const metadata = await sharp(Buffer.from(stored.bytes)).metadata();
    expect(metadata).toMatchObject({ format: 'jpeg', width: 480, height: 640 });
    expect(metadata.exif).toBeUndefined();
    expect(Buffer.from(stored.bytes).includes('SecretCam')).toBe(false);
    const src = await page.getAttribute('img.portrait', 'src');
    expect(src).toBe((await prisma().officer.findUniqueOrThrow({ where: { id: officer.id } })).photoUrl);
    expect(src?.startsWith('/media/officers/')).toBe(true);
    expect(await page.evaluate(() => (document.querySelector('img.portrait') as HTMLImageElement).naturalWidth)).toBe(480);
    await context.close();
  });
});

describe('the service guide in the console', () => {
  it('an editor edits an item pre-filled from its current version, sees a refused field in Chinese, publishes a new version and finds it in the history with their name', async () => {
    const item = await prisma().serviceItem.findFirstOrThrow({ where: { station: { slug: OWN_STATION }, retiredAt: null }, orderBy: { id: 'asc' } });
    const { context, page } = await editorPage();
    await page.goto(`${server.origin}/staff/services/`);
    await page.click(`a[href="/staff/services/${item.id}/"]`);
    expect(await page.inputValue('#f-titleZh')).toBe(item.titleZh);
    expect(await page.inputValue('#f-materialsZh')).toBe(item.materialsZh.join('\n'));
    expect(await page.inputValue('#f-effectiveFrom')).toBe(item.effectiveFrom.toISOString().slice(0, 10));

    await page.fill('#f-titleZh', '');
    await page.click('form.stack button[type=submit]');
    await page.waitForSelector('#f-titleZh-error');
    expect(await page.getAttribute('#f-titleZh', 'aria-invalid')).toBe('true');
    expect((await prisma().serviceItem.findUniqueOrThrow({ where: { id: item.id } })).version).toBe(item.version);

    await page.fill('#f-titleZh', item.titleZh);
    await page.fill('#f-feeZh', '免费（2026 年调整）');
    await page.fill('#f-materialsZh', `${item.materialsZh.join('\n')}\n户口簿`);
    await page.fill('#f-effectiveFrom', '2026-11-01');
    await page.click('form.stack button[type=submit]');
    await page.waitForSelector('#saved');
    const saved = await prisma().serviceItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(saved).toMatchObject({ version: item.version + 1, feeZh: '免费（2026 年调整）', materialsZh: [...item.materialsZh, '户口簿'], titleZh: item.titleZh, conditionsZh: item.conditionsZh });
    expect(saved.effectiveFrom.toISOString().slice(0, 10)).toBe('2026-11-01');
    const rows = await page.locator('#history ~ .scroll tbody tr').allTextContents();
    expect(rows).toHaveLength(item.version + 1);
    expect(rows[0]).toContain('竹箦编辑');
    expect(rows[0]).toContain('收费标准');
    expect(rows[0]).toContain('所需材料');
    expect(rows[0]).toContain('现行');
    await context.close();
  });

  it('an editor adds a service item and withdraws it, with JavaScript off', async () => {
    const { context, page } = await editorPage({ javaScriptEnabled: false });
    await page.goto(`${server.origin}/staff/services/new/`);
    await page.selectOption('#f-category', 'CERTIFICATES');
    await page.fill('#f-slug', 'no-criminal-record');
    await page.fill('#f-titleZh', '无犯罪记录证明');
    await page.fill('#f-conditionsZh', '本辖区户籍居民');
    await page.fill('#f-materialsZh', '身份证\n申请表');
    await page.fill('#f-stepsZh', '提交申请\n审核\n领取');
    await page.fill('#f-timeLimitDays', '3');
    await page.fill('#f-timeLimitZh', '3 个工作日');
    await page.fill('#f-feeZh', '免费');
    await page.fill('#f-locationZh', '派出所户籍窗口');
    await page.fill('#f-hoursZh', '工作日 9:00–17:00');
    await page.click('form.stack button[type=submit]');
    await page.waitForSelector('#saved');
    const item = await prisma().serviceItem.findFirstOrThrow({ where: { slug: 'no-criminal-record' }, include: { station: true } });
    expect(item).toMatchObject({ category: 'CERTIFICATES', materialsZh: ['身份证', '申请表'], stepsZh: ['提交申请', '审核', '领取'], timeLimitDays: 3, version: 1 });
    expect(item.station.slug).toBe(OWN_STATION);
    await page.click(`a[href="/staff/services/${item.id}/retire/"]`);
    await page.click('main form button[type=submit]');
    await page.waitForSelector('#retired');
    expect((await prisma().serviceItem.findUniqueOrThrow({ where: { id: item.id } })).retiredAt).not.toBeNull();
    await context.close();
  });
});

describe('volunteer teams, events and mediation rooms in the console', () => {
  it('an editor adds a volunteer team, finds it pre-filled, changes it, and disbands it only once confirmed', async () => {
    const { context, page } = await editorPage();
    await page.goto(`${server.origin}/staff/community/teams/`);
    await page.click('a.button[href^="/staff/community/teams/new/"]');
    await page.fill('#f-nameZh', '古镇守望队');
    await page.fill('#f-descriptionZh', '夜间巡逻、邻里守望。');
    await page.fill('#f-memberCount', '24');
    await page.click('form.stack button[type=submit]');
    await page.waitForSelector('#saved');
    const team = await prisma().volunteerTeam.findFirstOrThrow({ where: { nameZh: '古镇守望队' }, include: { station: true } });
    expect(team).toMatchObject({ memberCount: 24, foundedYear: null, descriptionZh: '夜间巡逻、邻里守望。' });
    expect(team.station.slug).toBe(OWN_STATION);
    expect(await page.inputValue('#f-memberCount')).toBe('24');
    await page.fill('#f-memberCount', '30');
    await page.fill('#f-foundedYear', '2019');
    await page.click('form.stack button[type=submit]');
    await page.waitForSelector('#saved');
    expect(await prisma().volunteerTeam.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({ memberCount: 30, foundedYear: 2019, nameZh: '古镇守望队' });
    await page.click('#retire button[type=submit]');
    await page.waitForSelector('#f-confirm-error');
    expect((await prisma().volunteerTeam.findUniqueOrThrow({ where: { id: team.id } })).retiredAt).toBeNull();
    await page.check('#f-confirm');
    await page.click('#retire button[type=submit]');
    await page.waitForSelector('#retired');
    expect((await prisma().volunteerTeam.findUniqueOrThrow({ where: { id: team.id } })).retiredAt).not.toBeNull();
    await context.close();
  });

  it('with JavaScript off: an editor adds a residents’ meeting in China time, and an end before the start is refused next to its field', async () => {
    const area = await prisma().area.findFirstOrThrow({ where: { station: { slug: OWN_STATION }, retiredAt: null }, orderBy: { id: 'asc' } });
    const { context, page } = await editorPage({ javaScriptEnabled: false });
    await page.goto(`${server.origin}/staff/community/events/new/`);
    await page.click('form.stack button[type=submit]');
    await page.waitForSelector('#f-startsAt-error');
    expect(await page.textContent('#f-startsAt-error')).toContain('不能为空');
    expect(await page.textContent('#f-titleZh-error')).toContain('不能为空');
    await page.selectOption('#f-kind', 'RESIDENTS_MEETING');
    await page.fill('#f-titleZh', '第四季度警民恳谈会');
    await page.fill('#f-startsAt', '2026-12-20T10:00');
    await page.fill('#f-endsAt', '2026-12-20T09:00');
    await page.fill('#f-locationZh', '社区活动中心');
    await page.selectOption('#f-areaId', { label: area.nameZh });
    await page.fill('#f-descriptionZh', '听取居民意见。');
    await page.click('form.stack button[type=submit]');
    await page.waitForSelector('#f-endsAt-error');
    expect(await page.textContent('#f-endsAt-error')).toContain('结束时间不能早于开始时间');
    expect(await prisma().event.count({ where: { titleZh: '第四季度警民恳谈会' } })).toBe(0);
    await page.fill('#f-endsAt', '2026-12-20T11:30');
    await page.click('form.stack button[type=submit]');
    await page.waitForSelector('#saved');
    const event = await prisma().event.findFirstOrThrow({ where: { titleZh: '第四季度警民恳谈会' } });
    expect(event.startsAt.toISOString()).toBe('2026-12-20T02:00:00.000Z');
    expect(event.endsAt?.toISOString()).toBe('2026-12-20T03:30:00.000Z');
    expect(event.areaId).toBe(area.id);
    expect(await page.inputValue('#f-startsAt')).toBe('2026-12-20T10:00');
    await context.close();
  });

  it('a mediator sees mediation rooms (and nothing editors keep) and adds a room with its lead mediator', async () => {
    if (!browser) throw new Error('no browser');
    const lead = await prisma().officer.findFirstOrThrow({ where: { station: { slug: OWN_STATION }, retiredAt: null }, orderBy: { id: 'asc' } });
    const { context, page } = await signIn(browser, server.origin, mediator);
    expect(await page.locator('nav a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toContain('/staff/community/rooms/');
    for (const hidden of ['/staff/areas/', '/staff/services/', '/staff/community/teams/', '/staff/community/events/']) expect(await page.locator(`nav a[href="${hidden}"]`).count(), hidden).toBe(0);
    await page.goto(`${server.origin}/staff/community/rooms/new/`);
    await page.fill('#f-nameZh', '老陈调解室（新址）');
    await page.fill('#f-slug', 'laochen-new');
    await page.fill('#f-locationZh', '社区服务中心二楼');
    await page.selectOption('#f-leadMediatorId', Buffer.from(`Officer:${lead.id}`).toString('base64'));
    await page.fill('#f-descriptionZh', '邻里纠纷调解。');
    await page.click('form.stack button[type=submit]');
    await page.waitForSelector('#saved');
    const room = await prisma().mediationRoom.findFirstOrThrow({ where: { slug: 'laochen-new' }, include: { station: true } });
    expect(room.station.slug).toBe(OWN_STATION);
    expect(room.leadMediatorId).not.toBeNull();
    const response = await page.goto(`${server.origin}/staff/community/teams/`);
    expect(response?.status()).toBe(403);
    await context.close();
  });
});

describe('another station and other roles', () => {
  it('refuses another station’s area and officer pages and their forms, and changes nothing', async () => {
    const area = await prisma().area.findFirstOrThrow({ where: { station: { slug: OTHER_STATION }, retiredAt: null } });
    const officer = await prisma().officer.findFirstOrThrow({ where: { station: { slug: OTHER_STATION }, retiredAt: null } });
    const client = new ConsoleClient(server.origin);
    await client.signIn(server.editor.email, server.editor.password);
    const item = await prisma().serviceItem.findFirstOrThrow({ where: { station: { slug: OTHER_STATION }, retiredAt: null } });
    const team = await prisma().volunteerTeam.findFirstOrThrow({ where: { station: { slug: OTHER_STATION }, retiredAt: null } });
    const room = await prisma().mediationRoom.findFirstOrThrow({ where: { station: { slug: OTHER_STATION }, retiredAt: null } });
    for (const path of [`/staff/areas/${area.id}/`, `/staff/areas/${area.id}/retire/`, `/staff/officers/${officer.id}/assignments/`, `/staff/officers/${officer.id}/retire/`, `/staff/officers/${officer.id}/photo/`, `/staff/services/${item.id}/`, `/staff/services/${item.id}/retire/`, `/staff/community/teams/${team.id}/`, `/staff/community/rooms/${room.id}/`]) {
      const page = await client.get(path);
      expect(page.status, path).toBe(403);
      expect(await page.text(), path).not.toContain('<form class="stack"');
    }
    const csrf = await client.csrf('/staff/areas/');
    expect((await client.post(`/staff/areas/${area.id}/retire/`, { csrf })).status).toBe(403);
    expect((await client.post(`/staff/areas/${area.id}/`, { csrf, nameZh: '改名', kind: area.kind })).status).toBe(403);
    expect((await client.post(`/staff/officers/${officer.id}/retire/`, { csrf })).status).toBe(403);
    expect((await client.post(`/staff/services/${item.id}/`, { csrf, feeZh: '越权', titleZh: item.titleZh })).status).toBe(403);
    expect((await prisma().serviceItem.findUniqueOrThrow({ where: { id: item.id } })).version).toBe(item.version);
    expect((await client.post(`/staff/community/teams/${team.id}/`, { csrf, op: 'retire', confirm: 'on' })).status).toBe(403);
    expect((await prisma().volunteerTeam.findUniqueOrThrow({ where: { id: team.id } })).retiredAt).toBeNull();
    expect(await prisma().area.findUniqueOrThrow({ where: { id: area.id } })).toMatchObject({ retiredAt: null, nameZh: area.nameZh });
    expect((await prisma().officer.findUniqueOrThrow({ where: { id: officer.id } })).retiredAt).toBeNull();
    // The form for a new area offers only the editor's station, and a forged station is not taken.
    const forged = await client.post('/staff/areas/new/', { csrf, station: OTHER_STATION, nameZh: '越权社区', kind: 'COMMUNITY' });
    expect(forged.status).toBe(303);
    const created = await prisma().area.findFirstOrThrow({ where: { nameZh: '越权社区' }, include: { station: true } });
    expect(created.station.slug).toBe(OWN_STATION);
  });

  it('does not show a mediator what only editors may do', async () => {
    if (!browser) throw new Error('no browser');
    const { context, page } = await signIn(browser, server.origin, mediator);
    expect(await page.locator('nav a[href="/staff/areas/"]').count()).toBe(0);
    await page.goto(`${server.origin}/staff/officers/`);
    expect(await page.locator('a.button').count()).toBe(0);
    expect(await page.locator('tbody a').count()).toBe(0);
    const officer = await prisma().officer.findFirstOrThrow({ where: { station: { slug: OWN_STATION }, retiredAt: null } });
    const response = await page.goto(`${server.origin}/staff/officers/${officer.id}/assignments/`);
    expect(response?.status()).toBe(403);
    await context.close();
  });
});

describe('accessibility of the new pages', () => {
  it('has no axe-core violations on each new page type at 1280 and 360', { timeout: 300_000 }, async () => {
    const area = await prisma().area.findFirstOrThrow({ where: { station: { slug: OWN_STATION }, retiredAt: null }, orderBy: { id: 'asc' } });
    const officer = await prisma().officer.findFirstOrThrow({ where: { station: { slug: OWN_STATION }, retiredAt: null, assignments: { some: {} } }, orderBy: { id: 'asc' } });
    const service = await prisma().serviceItem.findFirstOrThrow({ where: { station: { slug: OWN_STATION }, retiredAt: null }, orderBy: { id: 'asc' } });
    const room = await prisma().mediationRoom.findFirstOrThrow({ where: { station: { slug: OWN_STATION }, retiredAt: null } });
    const { context, page } = await editorPage();
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: width === 360 ? 740 : 800 });
      for (const path of PLACES_PAGES(area.id, officer.id, service.id, room.id)) {
        await page.goto(`${server.origin}${path}`);
        const violations = await axeViolations(page);
        expect(violations, `${path} at ${width}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
      }
    }
    await context.close();
  });
});

function PLACES_PAGES(areaId: number, officerId: number, serviceId: number, roomId: number): string[] {
  return [
    '/staff/areas/',
    '/staff/en/areas/',
    '/staff/areas/new/',
    `/staff/areas/${areaId}/`,
    `/staff/en/areas/${areaId}/retire/`,
    '/staff/officers/new/',
    `/staff/officers/${officerId}/assignments/`,
    `/staff/en/officers/${officerId}/retire/`,
    `/staff/officers/${officerId}/photo/`,
    '/staff/services/',
    '/staff/services/new/',
    `/staff/services/${serviceId}/`,
    `/staff/en/services/${serviceId}/retire/`,
    '/staff/community/teams/',
    '/staff/community/teams/new/',
    '/staff/community/events/',
    '/staff/en/community/events/new/',
    '/staff/community/rooms/',
    `/staff/community/rooms/${roomId}/`,
  ];
}
