import { areaOfficersPath, officersPath } from '@openstation/site/routes';
import { describe, expect, it } from 'vitest';
import { useTestApi } from '../../../../tests/support/test-api.ts';
import { clientContext } from '../../src/http/context.ts';
import { createFindOfficer } from '../../src/http/find-officer.ts';
import { budgetState, type CostBucketStore } from '../../src/limits/bucket.ts';
import { createApi } from '../../src/yoga.ts';

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

  it('says that the list it shows is below, by name, when nothing matches', async () => {
    const html = await (await find({ station: 'qianling', place: '火星村' })).text();
    expect(html).toContain('打开下面的“迁陵派出所全部社区和村”列表');
    expect(html).toContain(`>迁陵派出所全部社区和村</a>`);
  });

  it('opened with no station (the address /find-officer/ by itself), links every station’s list instead of 404', async () => {
    for (const query of [{}, { lang: 'en' }] as Record<string, string>[]) {
      const response = await find(query);
      expect(response.status).toBe(200);
      const html = await response.text();
      const links = [...html.matchAll(/<li><a href="([^"]+)">/g)].map((m) => m[1]);
      expect(links).toContain(officersPath('lang' in query ? 'en' : 'zh', 'qianling'));
      expect(links.length).toBeGreaterThanOrEqual(5);
    }
    expect(await (await find({})).text()).toContain('<h1>选择派出所，查找社区民警</h1>');
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

  it('answers 400 with a page for a place holding U+0000 (`place=%00`), and 404 for such a station', async () => {
    for (const place of ['杨\u0000家', '\u0000']) {
      const response = await find({ station: 'qianling', place });
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain('action="/find-officer"');
      expect(html).not.toContain('\u0000');
    }
    expect((await find({ station: 'qian\u0000ling', place: '杨家' })).status).toBe(404);
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

describe('GET /find-officer goes through the GraphQL API in-process', () => {
  /** A budget store that records who was charged and refuses everything once `refuse` is set. */
  function recordingStore() {
    const charged: string[] = [];
    const state = { refuse: false };
    const store: CostBucketStore = {
      take: async (key, capacity, cost) => {
        charged.push(key);
        return state.refuse ? budgetState(capacity, capacity, 60_000, false, cost) : budgetState(cost, capacity, 60_000, true, cost);
      },
      close: async () => {},
    };
    return { charged, state, store };
  }

  const search = (route: ReturnType<typeof createFindOfficer>, address: string, headers: Record<string, string> = {}) =>
    route.fetch(new Request(`http://portal/find-officer?station=qianling&place=${encodeURIComponent('杨家')}`, { headers }), clientContext(address));

  it('charges the searching client’s cost budget, by socket address or, behind a trusted proxy, X-Forwarded-For', async () => {
    const { charged, store } = recordingStore();
    const rateLimit = { store, anonymousBudget: 10_000, staffBudget: 10_000, exemptLoopback: true };
    const direct = createFindOfficer({ api: createApi({ prisma: t.db.prisma, rateLimit: { ...rateLimit, trustProxy: false } }) });
    expect((await search(direct, '192.0.2.50')).status).toBe(303);
    expect(charged).toEqual(['ip:192.0.2.50']);
    expect((await search(direct, '127.0.0.1')).status).toBe(303);
    expect(charged).toHaveLength(1);
    const proxied = createFindOfficer({ api: createApi({ prisma: t.db.prisma, rateLimit: { ...rateLimit, trustProxy: true } }) });
    expect((await search(proxied, '127.0.0.1', { 'x-forwarded-for': '203.0.113.7' })).status).toBe(303);
    expect(charged).toEqual(['ip:192.0.2.50', 'ip:203.0.113.7']);
  });

  it('answers 429 with Retry-After and a page saying so once the budget is spent', async () => {
    const { state, store } = recordingStore();
    const route = createFindOfficer({ api: createApi({ prisma: t.db.prisma, rateLimit: { store, anonymousBudget: 10_000, staffBudget: 10_000, trustProxy: false, exemptLoopback: true } }) });
    state.refuse = true;
    const response = await search(route, '192.0.2.51');
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    const html = await response.text();
    expect(html).toContain('data-code="RATE_LIMITED"');
    expect(html).toContain('查询太多');
    expect(html).toContain(`href="${officersPath('zh', 'qianling')}"`);
  });
});
