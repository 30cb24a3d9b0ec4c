import { describe, expect, it } from 'vitest';
import { OTHER_STATION, OWN_STATION, useConsoleServer } from './harness.ts';
import { ConsoleClient } from './http-client.ts';

const server = useConsoleServer();

async function editor(): Promise<ConsoleClient> {
  const client = new ConsoleClient(server.origin);
  expect((await client.signIn(server.editor.email, server.editor.password)).status).toBe(303);
  return client;
}

/** Uploads `text` as a file through the console's upload form (multipart, as a browser sends it). */
async function upload(client: ConsoleClient, text: string | Uint8Array, fields: Record<string, string>): Promise<{ status: number; html: string }> {
  const form = new FormData();
  form.set('csrf', await client.csrf('/staff/csv/'));
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set('file', new File([typeof text === 'string' ? text : Buffer.from(text)], 'officers.csv', { type: 'text/csv' }));
  const response = await fetch(`${server.origin}/staff/csv/`, { method: 'POST', redirect: 'manual', headers: { origin: server.origin, cookie: client.cookie ?? '' }, body: form });
  return { status: response.status, html: await response.text() };
}

async function download(client: ConsoleClient, query: string): Promise<Response> {
  return client.get(`/staff/csv/download/?${query}`);
}

const firstDataRow = (csv: string) => csv.split('\r\n')[1] ?? '';

describe('CSV through the console', () => {
  it('downloads a station’s officers as the API exports them, as a file to save', async () => {
    const client = await editor();
    const response = await download(client, `kind=OFFICERS&station=${OWN_STATION}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="officers-${OWN_STATION}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain(`${OWN_STATION},`);
    expect(text).not.toContain(`${OTHER_STATION},`);
    expect((await download(client, `kind=OFFICERS&station=${OTHER_STATION}`)).status).toBe(403);
    expect((await download(client, 'kind=NOPE')).status).toBe(400);
    expect((await new ConsoleClient(server.origin).get('/staff/csv/download/?kind=OFFICERS')).status).toBe(303);
  });

  it('checks a file first and shows each problem as a row of a table in Chinese, importing nothing', async () => {
    const client = await editor();
    const csv = new TextDecoder().decode(await (await download(client, `kind=OFFICERS&station=${OWN_STATION}`)).arrayBuffer());
    const [header = '', ...rows] = csv.replace(/^\uFEFF/, '').split('\r\n');
    const columns = header.split(',');
    const phone = columns.indexOf('dutyPhone');
    const first = rows[0]?.split(',') ?? [];
    first[phone] = 'call me';
    const broken = [header, first.join(','), ...rows.slice(1)].join('\r\n');
    const before = await server.db.prisma.auditEntry.count();
    const checked = await upload(client, broken, { kind: 'OFFICERS', station: OWN_STATION, checkOnly: 'on' });
    expect(checked.status).toBe(422);
    const issue = /<table id="issues"[^>]*>[\s\S]*?<tbody>\s*<tr>\s*<td[^>]*>(\d+)<\/td>\s*<td><span class="mono">([^<]+)<\/span><span class="hint"> ([^<]+)<\/span><\/td>\s*<td[^>]*>([^<]+)<\/td>\s*<td>([^<]+)<\/td>/.exec(checked.html);
    expect(issue?.slice(1)).toEqual(['2', 'dutyPhone', '工作电话', 'invalid', '填写的值不符合要求：只能用数字、空格和 + - ( )']);
    expect(checked.html).toContain('只做了检查，没有导入');
    expect(checked.html).not.toContain('id="import-now"');
    // Importing for real refuses the whole file while a row is invalid.
    const refused = await upload(client, broken, { kind: 'OFFICERS', station: OWN_STATION });
    expect(refused.html).toContain('没有导入任何内容：有 1 行存在问题');
    expect(await server.db.prisma.auditEntry.count()).toBe(before);
  });

  it('imports after a clean check with “import now”, changing only the edited row, as the editor', async () => {
    const client = await editor();
    const csv = new TextDecoder().decode(await (await download(client, `kind=OFFICERS&station=${OWN_STATION}`)).arrayBuffer());
    const unchanged = await upload(client, csv, { kind: 'OFFICERS', station: OWN_STATION, checkOnly: 'on' });
    expect(unchanged.status).toBe(200);
    const rows = csv.replace(/^\uFEFF/, '').split('\r\n').filter((r) => r !== '');
    expect(unchanged.html).toContain(`未变 ${rows.length - 1} 条`);
    const header = rows[0]?.split(',') ?? [];
    const phone = header.indexOf('dutyPhone');
    const badge = header.indexOf('badgeNumber');
    const cells = firstDataRow(csv.replace(/^\uFEFF/, '')).split(',');
    cells[phone] = '0519-86660000';
    const edited = [rows[0], cells.join(','), ...rows.slice(2)].join('\r\n');
    const checked = await upload(client, edited, { kind: 'OFFICERS', station: OWN_STATION, checkOnly: 'on' });
    expect(checked.html).toContain('将新增 0 条，修改 1 条');
    expect(await server.db.prisma.officer.count({ where: { dutyPhone: '0519-86660000' } })).toBe(0);
    // The check's page carries the text it read: "import now" sends it back with a fresh form.
    const content = /<textarea name="content"[^>]*>([\s\S]*?)<\/textarea>/.exec(checked.html)?.[1] ?? '';
    const decoded = content.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
    const csrf = /name="csrf" value="([^"]+)"/.exec(checked.html)?.[1] ?? '';
    const response = await fetch(`${server.origin}/staff/csv/`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: server.origin, cookie: client.cookie ?? '', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, kind: 'OFFICERS', station: OWN_STATION, fileName: 'officers.csv', content: decoded }).toString(),
    });
    const imported = await response.text();
    expect(imported).toContain('已导入：新增 0 条，修改 1 条');
    const officer = await server.db.prisma.officer.findFirstOrThrow({ where: { badgeNumber: cells[badge] ?? '', station: { slug: OWN_STATION } } });
    expect(officer.dutyPhone).toBe('0519-86660000');
    const audit = await server.db.prisma.auditEntry.findFirstOrThrow({ where: { entityType: 'Officer', entityId: officer.id }, orderBy: { id: 'desc' }, include: { staffUser: true } });
    expect(audit.staffUser?.email).toBe(server.editor.email);
  });

  it('is not offered to mediators, and says so when asked for', async () => {
    const { createStaffUser } = await import('@openstation/api/auth/accounts');
    const station = await server.db.prisma.station.findUniqueOrThrow({ where: { slug: OWN_STATION } });
    await createStaffUser(server.db.prisma, { email: 'mediator@csv.test', password: 'mediator-password', name: '调解员', role: 'MEDIATOR', stations: [station.id] });
    const client = new ConsoleClient(server.origin);
    await client.signIn('mediator@csv.test', 'mediator-password');
    expect(await (await client.get('/staff/')).text()).not.toContain('/staff/csv/');
    expect((await client.get('/staff/csv/')).status).toBe(403);
  });

  it('reads a file Excel saved as GBK (not UTF-8) and says so', async () => {
    const client = await editor();
    // 竹箦 / 新区 in GBK, as Excel on a Chinese Windows saves "CSV".
    const gbk = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
    const header = 'station,nameZh,nameEn,kind,households,population,gridCount\r\n';
    const bytes = new Uint8Array([...gbk(header), ...gbk(`${OWN_STATION},`), 0xd0, 0xc2, 0xc7, 0xf8, ...gbk(',,COMMUNITY,-1,,\r\n')]);
    const checked = await upload(client, bytes, { kind: 'AREAS', station: OWN_STATION, checkOnly: 'on' });
    expect(checked.html).toContain('已按 GBK');
    expect(checked.html).toContain('不能为负数');
    expect(checked.html).not.toContain('\uFFFD');
    const content = /<textarea name="content"[^>]*>([\s\S]*?)<\/textarea>/.exec(checked.html)?.[1];
    expect(content).toBeUndefined();
    const clean = await upload(client, new Uint8Array([...gbk(header), ...gbk(`${OWN_STATION},`), 0xd0, 0xc2, 0xc7, 0xf8, ...gbk(',,COMMUNITY,10,,\r\n')]), { kind: 'AREAS', station: OWN_STATION, checkOnly: 'on' });
    expect(clean.html).toContain('将新增 1 条');
    expect(clean.html).toMatch(/<textarea name="content"[^>]*>[^<]*新区/);
  });
});
