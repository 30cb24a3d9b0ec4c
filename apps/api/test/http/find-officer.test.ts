import { areaOfficersPath, officersPath } from '@openstation/site/routes';
import { describe, expect, it } from 'vitest';
import { useTestApi } from '../../../../tests/support/test-api.ts';
import { clientContext } from '../../src/http/context.ts';
import { createFindOfficer } from '../../src/http/find-officer.ts';

const t = useTestApi();

async function find(query: Record<string, string>, method = 'GET'): Promise<Response> {
  const route = createFindOfficer({ api: t.api });
  return route.fetch(new Request(`http://portal/find-officer?${new URLSearchParams(query).toString()}`, { method }), clientContext('192.0.2.1'));
}

async function areaId(nameZh: string): Promise<number> {
  const area = await t.db.prisma.area.findFirstOrThrow({ where: { nameZh, station: { slug: 'qianling' } } });
  return area.id;
}

describe('GET /find-officer (the portal’s no-JavaScript place search)', () => {
  it('redirects a partial Chinese name matching one area to that area’s officer page (303)', async () => {
    const response = await find({ station: 'qianling', place: '杨家', lang: 'zh' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(areaOfficersPath('zh', 'qianling', await areaId('杨家村')));
    expect(response.headers.get('location')).toMatch(/^\/qianling\/officers\/\d+\/$/);
  });

  it('matches English names case-insensitively and keeps the English portal', async () => {
    const response = await find({ station: 'qianling', place: '  yangJIA ', lang: 'en' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/en/qianling/officers/${await areaId('杨家村')}/`);
  });

  it('lists every matching area, linked, when several match', async () => {
    const response = await find({ station: 'qianling', place: '园', lang: 'zh' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('<html lang="zh-CN">');
    const expected = await t.db.prisma.area.findMany({
      where: { station: { slug: 'qianling' }, nameZh: { contains: '园' } },
      orderBy: { id: 'asc' },
    });
    expect(expected.length).toBeGreaterThan(1);
    const links = [...html.matchAll(/<li><a href="([^"]+)">([^<]+)<\/a><\/li>/g)].map((m) => [m[1], m[2]]);
    expect(links).toEqual(expected.map((a) => [areaOfficersPath('zh', 'qianling', a.id), a.nameZh]));
    expect(html).toContain(`有${expected.length}个地方与“园”相符`);
    expect(html).toContain('value="园"');
    expect(html).toContain('<datalist id="places">');
  });

  it('says so when nothing matches, with the form and the full list', async () => {
    const response = await find({ station: 'qianling', place: 'Atlantis', lang: 'en' });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('No community or village of Qianling Police Station matches “Atlantis”');
    expect(html).toContain('action="/find-officer"');
    expect(html).toContain(`href="${officersPath('en', 'qianling')}"`);
  });

  it('escapes what was typed', async () => {
    const html = await (await find({ station: 'qianling', place: '<script>"x"' })).text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;&quot;x&quot;');
  });

  it('answers 404 with a page for an unknown station', async () => {
    const response = await find({ station: 'atlantis', place: '杨家' });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('没有这个派出所');
  });

  it('answers 400 with a page for a place name over 100 characters', async () => {
    const response = await find({ station: 'qianling', place: '杨'.repeat(101) });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('最多100个字');
    expect(html).toContain('action="/find-officer"');
  });

  it('sends an empty search to the full list', async () => {
    const response = await find({ station: 'zhuze', place: ' ', lang: 'en' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/en/zhuze/officers/');
  });

  it('answers HEAD like GET', async () => {
    expect((await find({ station: 'qianling', place: '杨家' }, 'HEAD')).status).toBe(303);
  });
});
