import { describe, expect, it } from 'vitest';
import { OTHER_STATION, OWN_STATION, useConsoleServer } from './harness.ts';
import { ConsoleClient } from './http-client.ts';

const server = useConsoleServer();

async function signedIn(account: { email: string; password: string }): Promise<ConsoleClient> {
  const client = new ConsoleClient(server.origin);
  const response = await client.signIn(account.email, account.password);
  expect(response.status).toBe(303);
  return client;
}

/** Posts a form of the page at `path` with its CSRF token; answers the response and its HTML. */
async function submit(client: ConsoleClient, path: string, fields: Record<string, string> | URLSearchParams): Promise<{ status: number; html: string; location: string | null }> {
  const csrf = await client.csrf(path);
  const body = new URLSearchParams(fields);
  body.set('csrf', csrf);
  const response = await fetch(`${server.origin}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: server.origin, cookie: client.cookie ?? '', 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
  return { status: response.status, html: await response.text(), location: response.headers.get('location') };
}

const stationGlobalId = async (slug: string) => {
  const station = await server.db.prisma.station.findUniqueOrThrow({ where: { slug } });
  return Buffer.from(`Station:${station.id}`).toString('base64');
};

describe('the console’s admin pages', () => {
  it('are for admins only: an editor gets a refusal and no menu item', async () => {
    const editor = await signedIn(server.editor);
    const home = await (await editor.get('/staff/')).text();
    expect(home).not.toContain('/staff/admin/');
    expect(home).toContain('/staff/csv/');
    for (const path of ['/staff/admin/staff/', '/staff/admin/keys/', '/staff/admin/audit/', '/staff/en/admin/staff/1/']) {
      const page = await editor.get(path);
      expect(page.status, path).toBe(403);
      expect(await page.text(), path).not.toContain(server.admin.email);
    }
    const before = await server.db.prisma.staffUser.count();
    const refused = await submit(editor, '/staff/admin/staff/', { name: '越权', email: 'sneaky@zhuze.test', role: 'ADMIN', station: await stationGlobalId(OWN_STATION) });
    expect(refused.status).toBe(403);
    expect(await server.db.prisma.staffUser.count()).toBe(before);
  });

  it('creates an account bound to one station, shows its generated password once, and says what is wrong in Chinese', async () => {
    const admin = await signedIn(server.admin);
    const own = await stationGlobalId(OWN_STATION);
    const empty = await submit(admin, '/staff/admin/staff/', { name: '新编辑', email: 'new@zhuze.test', role: 'EDITOR' });
    expect(empty.status).toBe(422);
    expect(empty.html).toContain('请至少选择一个派出所');
    const short = await submit(admin, '/staff/admin/staff/', { name: '新编辑', email: 'new@zhuze.test', role: 'EDITOR', password: 'short', station: own });
    expect(short.html).toMatch(/id="f-password-error">密码至少需要 12 个字符/);
    const created = await submit(admin, '/staff/admin/staff/', { name: '新编辑', email: 'new@zhuze.test', role: 'EDITOR', station: own });
    expect(created.status).toBe(200);
    const password = /id="new-password">([^<]+)</.exec(created.html)?.[1];
    expect(password?.length).toBeGreaterThanOrEqual(12);
    const list = await (await admin.get('/staff/admin/staff/')).text();
    expect(list).toContain('new@zhuze.test');
    expect(list).not.toContain(password);
    const account = await server.db.prisma.staffUser.findUniqueOrThrow({ where: { email: 'new@zhuze.test' }, include: { stations: { include: { station: true } } } });
    expect(account.stations.map((s) => s.station.slug)).toEqual([OWN_STATION]);
    const taken = await submit(admin, '/staff/admin/staff/', { name: '重复', email: 'new@zhuze.test', role: 'EDITOR', station: own });
    expect(taken.html).toContain('该值已被其他记录使用');
    await signedIn({ email: 'new@zhuze.test', password: password ?? '' });
  });

  it('changes an account’s stations as a patch, resets its password, disables and enables it', async () => {
    const admin = await signedIn(server.admin);
    const created = await submit(admin, '/staff/admin/staff/', { name: '调解员甲', email: 'mediator@zhuze.test', role: 'MEDIATOR', password: 'a long enough password', station: await stationGlobalId(OWN_STATION) });
    expect(created.html).toContain('账号使用您填写的密码');
    const account = await server.db.prisma.staffUser.findUniqueOrThrow({ where: { email: 'mediator@zhuze.test' } });
    const path = `/staff/admin/staff/${account.id}/`;
    const saved = await submit(admin, path, { do: 'save', name: '调解员甲', role: 'MEDIATOR', station: await stationGlobalId(OTHER_STATION) });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`${path}?done=saved`);
    const after = await server.db.prisma.staffUser.findUniqueOrThrow({ where: { id: account.id }, include: { stations: { include: { station: true } } } });
    expect(after.stations.map((s) => s.station.slug)).toEqual([OTHER_STATION]);
    expect(after.name).toBe('调解员甲');
    const audited = await server.db.prisma.auditEntry.findMany({ where: { entityType: 'StaffUser', entityId: account.id, action: 'staff.update' } });
    expect(audited).toHaveLength(1);

    const mediator = await signedIn({ email: 'mediator@zhuze.test', password: 'a long enough password' });
    // Without the confirmation tick nothing happens: the password still works.
    const unconfirmedReset = await submit(admin, path, { do: 'reset' });
    expect(unconfirmedReset.status).toBe(422);
    expect(unconfirmedReset.html).toContain('id="f-confirm-reset-error"');
    expect(unconfirmedReset.html).not.toContain('id="new-password"');
    expect((await mediator.get('/staff/')).status).toBe(200);
    const reset = await submit(admin, path, { do: 'reset', confirm: 'on' });
    const password = /id="new-password">([^<]+)</.exec(reset.html)?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(12);
    // Resetting ends the account's sessions: the console sends it to sign in again.
    expect((await mediator.get('/staff/')).headers.get('location')).toBe('/staff/sign-in/?why=ended');
    await signedIn({ email: 'mediator@zhuze.test', password });

    expect((await submit(admin, path, { do: 'disable' })).status).toBe(422);
    expect((await server.db.prisma.staffUser.findUniqueOrThrow({ where: { id: account.id } })).disabledAt).toBeNull();
    expect((await submit(admin, path, { do: 'disable', confirm: 'on' })).location).toBe(`${path}?done=disabled`);
    const refused = await new ConsoleClient(server.origin).signIn('mediator@zhuze.test', password);
    expect(refused.status).toBe(401);
    expect((await submit(admin, path, { do: 'enable' })).location).toBe(`${path}?done=enabled`);
    await signedIn({ email: 'mediator@zhuze.test', password });

    const self = await server.db.prisma.staffUser.findUniqueOrThrow({ where: { email: server.admin.email } });
    const own = await (await admin.get(`/staff/admin/staff/${self.id}/`)).text();
    expect(own).toContain('这是您本人的账号');
    expect(own).not.toContain('name="do" value="disable"');
  });

  it('shows a new API key once, lists it by its prefix only, revokes it, and registers and withdraws an operation', async () => {
    const admin = await signedIn(server.admin);
    const needsPartner = await submit(admin, '/staff/admin/keys/', new URLSearchParams([['do', 'create'], ['name', '司法所系统'], ['scope', 'MEDIATION_READ']]));
    expect(needsPartner.status).toBe(422);
    expect(needsPartner.html).toContain('所选权限需要指定合作单位');
    const created = await submit(admin, '/staff/admin/keys/', new URLSearchParams([['do', 'create'], ['name', '开放数据'], ['scope', 'PUBLIC_READ'], ['costBudget', '5000']]));
    const key = /id="new-key">[\s\S]*?<code>([^<]+)<\/code>/.exec(created.html)?.[1] ?? '';
    expect(key).toMatch(/_/);
    const client = await server.db.prisma.apiClient.findFirstOrThrow({ where: { name: '开放数据' } });
    expect(client.costBudget).toBe(5000);
    const list = await (await admin.get('/staff/admin/keys/')).text();
    expect(list).toContain(client.keyPrefix);
    expect(list).not.toContain(key);
    const graphql = (apiKey: string) =>
      fetch(`${server.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': apiKey }, body: JSON.stringify({ query: '{ stations(first: 1) { edges { node { slug } } } }' }) });
    expect((await graphql(key)).status).not.toBe(401);

    const invalid = await submit(admin, '/staff/admin/keys/', { do: 'register', document: 'query { nope }', apiClientId: '' });
    expect(invalid.html).toContain('查询文本不是本接口的一个有效');
    const registered = await submit(admin, '/staff/admin/keys/', { do: 'register', document: 'query FirstStation { stations(first: 1) { edges { node { slug } } } }', apiClientId: Buffer.from(`ApiClient:${client.id}`).toString('base64') });
    expect(registered.html).toMatch(/id="registered">已登记查询 FirstStation/);
    const operation = await server.db.prisma.trustedOperation.findFirstOrThrow({ where: { operationName: 'FirstStation' } });
    expect(registered.html).toContain(`哈希值：${operation.id}`);
    const withdrawn = (await submit(admin, '/staff/admin/keys/', { do: 'withdraw', id: operation.id, name: 'FirstStation' })).html;
    expect(withdrawn).toContain('已撤回查询 FirstStation');
    expect((await server.db.prisma.trustedOperation.findUniqueOrThrow({ where: { id: operation.id } })).revokedAt).not.toBeNull();

    // Without the confirming tick nothing happens: the key still works.
    const clientId = Buffer.from(`ApiClient:${client.id}`).toString('base64');
    const unconfirmed = await submit(admin, '/staff/admin/keys/', { do: 'revoke', id: clientId, name: '开放数据' });
    expect(unconfirmed.status).toBe(422);
    expect(unconfirmed.html).toContain(`id="f-confirm-revoke-${client.keyPrefix}-error"`);
    expect(unconfirmed.html).toContain('密钥 开放数据 未吊销');
    expect((await graphql(key)).status).not.toBe(401);
    const revoked = await submit(admin, '/staff/admin/keys/', { do: 'revoke', id: clientId, name: '开放数据', confirm: 'on' });
    expect(revoked.html).toContain('密钥 开放数据 已吊销');
    expect((await graphql(key)).status).toBe(401);
  });

  it('shows the audit trail field by field in Chinese, filtered by person, station, kind and date', async () => {
    const editor = await signedIn(server.editor);
    const officer = await server.db.prisma.officer.findFirstOrThrow({ where: { station: { slug: OWN_STATION }, retiredAt: null }, orderBy: { id: 'asc' } });
    const edited = await submit(editor, `/staff/officers/${officer.id}/`, { nameZh: officer.nameZh, nameEn: officer.nameEn ?? '', role: officer.role, badgeNumber: officer.badgeNumber ?? '', dutyPhone: '0519-80000001', hoursZh: officer.contactHoursZh ?? '', hoursEn: officer.contactHoursEn ?? '', lastVerifiedOn: officer.lastVerifiedOn?.toISOString().slice(0, 10) ?? '' });
    expect(edited.status).toBe(303);
    const admin = await signedIn(server.admin);
    const person = await server.db.prisma.staffUser.findUniqueOrThrow({ where: { email: server.editor.email } });
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const page = await admin.get(`/staff/admin/audit/?person=${person.id}&station=${OWN_STATION}&kind=Officer&from=${today}&to=${today}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('修改人员信息');
    const diffRow = /<th scope="row">工作电话<\/th>\s*<td>(.*?)<\/td>\s*<td>(.*?)<\/td>/.exec(html);
    expect(diffRow?.[1]).toContain(officer.dutyPhone ?? '（空）');
    expect(diffRow?.[2]).toContain('0519-80000001');
    // Only the fields that changed, not the whole record as JSON.
    expect(html).not.toContain('"dutyPhone"');
    expect(html).not.toMatch(/<th scope="row">姓名（中文）/);
    // Filtered: none of the admin's own sign-ins, nothing of another station or kind.
    expect(html).not.toContain('data-action="staff.login"');
    const elsewhere = await (await admin.get(`/staff/admin/audit/?person=${person.id}&station=${OTHER_STATION}`)).text();
    expect(elsewhere).toContain('没有符合条件的记录');
    const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
    expect(await (await admin.get(`/staff/admin/audit/?person=${person.id}&kind=Officer&to=${yesterday}`)).text()).toContain('没有符合条件的记录');
  });

  it('gives a station-bound admin only their stations: accounts, station boxes, partners, audit trail', async () => {
    const { createStaffUser } = await import('@openstation/api/auth/accounts');
    const own = await server.db.prisma.station.findUniqueOrThrow({ where: { slug: OWN_STATION } });
    await createStaffUser(server.db.prisma, { email: 'admin@zhuze.test', password: 'station-admin-password', name: '竹箦管理员', role: 'ADMIN', stations: [own.id] });
    const admin = await signedIn({ email: 'admin@zhuze.test', password: 'station-admin-password' });
    const list = await (await admin.get('/staff/admin/staff/')).text();
    expect(list).toContain(server.editor.email);
    expect(list).not.toContain(server.admin.email);
    expect(list).not.toContain('name="allStations"');
    expect([...list.matchAll(/name="station" value="([^"]+)"/g)].map((m) => m[1])).toEqual([await stationGlobalId(OWN_STATION)]);
    const before = await server.db.prisma.staffUser.count();
    const elsewhere = await submit(admin, '/staff/admin/staff/', { name: '外所', email: 'other@toutunhe.test', role: 'EDITOR', station: await stationGlobalId(OTHER_STATION) });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.html).toContain('您无权对该派出所或该记录进行此操作');
    expect(await server.db.prisma.staffUser.count()).toBe(before);
    const bureauAdmin = await server.db.prisma.staffUser.findUniqueOrThrow({ where: { email: server.admin.email } });
    const refused = await admin.get(`/staff/admin/staff/${bureauAdmin.id}/`);
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain(server.admin.email);

    const keys = await (await admin.get('/staff/admin/keys/')).text();
    const partnerGroups = [...keys.matchAll(/<optgroup label="([^"]+)"/g)].map((m) => m[1]);
    expect(partnerGroups).toEqual(['竹箦派出所']);

    const audit = await (await admin.get('/staff/admin/audit/')).text();
    expect([...audit.matchAll(/<option value="([a-z]+)"/g)].map((m) => m[1])).toEqual([OWN_STATION]);
    expect(audit).not.toContain('头屯河派出所');
    // A change at the other station, made by the bureau admin, is not in this admin's trail.
    const bureau = await signedIn(server.admin);
    const officer = await server.db.prisma.officer.findFirstOrThrow({ where: { station: { slug: OTHER_STATION }, retiredAt: null } });
    const page = `/staff/officers/${officer.id}/`;
    expect((await submit(bureau, page, { nameZh: officer.nameZh, role: officer.role, dutyPhone: '0994-7777777', verifiedToday: 'on' })).status).toBe(303);
    expect(await (await bureau.get('/staff/admin/audit/?kind=Officer')).text()).toContain('0994-7777777');
    expect(await (await admin.get('/staff/admin/audit/?kind=Officer')).text()).not.toContain('0994-7777777');
  });
});
