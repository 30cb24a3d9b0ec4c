import { describe, expect, it } from 'vitest';
import { gql, gqlOk } from '../../../tests/support/graphql.ts';
import { useTestApi } from '../../../tests/support/test-api.ts';

const t = useTestApi();

const EN = { 'accept-language': 'en-GB,en;q=0.9,zh;q=0.5' };

describe('stations', () => {
  it('lists the five demo stations and pages through them with cursors', async () => {
    const first = await gqlOk<{
      stations: { edges: { node: { slug: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    }>(t.api, '{ stations(first: 3) { edges { node { slug } } pageInfo { hasNextPage endCursor } } }');
    expect(first.stations.edges.map((e) => e.node.slug)).toEqual(['zhuze', 'toutunhe', 'qiandeng']);
    expect(first.stations.pageInfo.hasNextPage).toBe(true);
    const rest = await gqlOk<{ stations: { edges: { node: { slug: string } }[]; pageInfo: { hasNextPage: boolean } } }>(
      t.api,
      'query($after: String) { stations(first: 3, after: $after) { edges { node { slug } } pageInfo { hasNextPage } } }',
      { after: first.stations.pageInfo.endCursor },
    );
    expect(rest.stations.edges.map((e) => e.node.slug)).toEqual(['xuecheng', 'qianling']);
    expect(rest.stations.pageInfo.hasNextPage).toBe(false);
  });

  it('resolves a station by slug with its real public facts and honours', async () => {
    const data = await gqlOk<{
      station: { name: { zh: string }; areaKm2: number; honours: { year: number; title: { zh: string } }[] };
    }>(t.api, '{ station(slug: "qianling") { name { zh } areaKm2 honours { year title { zh } } } }');
    expect(data.station.name.zh).toBe('迁陵派出所');
    expect(data.station.areaKm2).toBeCloseTo(374.43);
    const zhuze = await gqlOk<{ station: { honours: { year: number; title: { zh: string } }[] } }>(
      t.api,
      '{ station(slug: "zhuze") { honours { year title { zh } } } }',
    );
    expect(zhuze.station.honours.some((h) => h.year === 2022 && h.title.zh.includes('枫桥式公安派出所'))).toBe(true);
  });

  it('round-trips global ids through node(id:)', async () => {
    const data = await gqlOk<{ station: { id: string } }>(t.api, '{ station(slug: "qiandeng") { id } }');
    const node = await gqlOk<{ node: { __typename: string; slug: string } }>(
      t.api,
      'query($id: ID!) { node(id: $id) { __typename ... on Station { slug } } }',
      { id: data.station.id },
    );
    expect(node.node).toEqual({ __typename: 'Station', slug: 'qiandeng' });
  });
});

describe('answers', () => {
  it('answers an alias named __proto__ as a field like any other, at the root and nested, and changes no prototype', async () => {
    const data = await gqlOk<Record<string, unknown>>(t.api, '{ __proto__: station(slug: "qianling") { __proto__: slug constructor: dutyPhone } toString: metrics { key } }');
    expect(Object.keys(data)).toEqual(['__proto__', 'toString']);
    const station = Object.getOwnPropertyDescriptor(data, '__proto__')?.value as Record<string, unknown>;
    expect(Object.keys(station)).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(station, '__proto__')?.value).toBe('qianling');
    expect(Array.isArray(data.toString)).toBe(true);
    expect(({} as Record<string, unknown>).slug).toBeUndefined();
  });
});

describe('localized text', () => {
  it('answers in the requested language and falls back to Chinese, saying so', async () => {
    const zh = await gqlOk<{ station: { name: { text: string; locale: string } } }>(
      t.api,
      '{ station(slug: "qianling") { name { text locale } } }',
    );
    expect(zh.station.name).toEqual({ text: '迁陵派出所', locale: 'ZH' });
    const en = await gqlOk<{ station: { name: { text: string; locale: string } } }>(
      t.api,
      '{ station(slug: "qianling") { name { text locale } } }',
      {},
      EN,
    );
    expect(en.station.name).toEqual({ text: 'Qianling Police Station', locale: 'EN' });

    await t.db.prisma.station.update({ where: { slug: 'xuecheng' }, data: { openingHoursEn: null } });
    const fallback = await gqlOk<{ station: { openingHours: { text: string; locale: string; en: string | null; zh: string } } }>(
      t.api,
      '{ station(slug: "xuecheng") { openingHours { text locale zh en } } }',
      {},
      EN,
    );
    expect(fallback.station.openingHours.en).toBeNull();
    expect(fallback.station.openingHours.locale).toBe('ZH');
    expect(fallback.station.openingHours.text).toBe(fallback.station.openingHours.zh);
  });
});

describe('officers', () => {
  interface OfficerEdges {
    officers: {
      edges: { node: { role: string; isDemo: boolean; dutyPhone: string | null; assignments: { area: { name: { zh: string } } }[] } }[];
    };
  }
  const QUERY = `query($areaName: String, $role: OfficerRole, $stationSlug: String) {
    officers(first: 50, areaName: $areaName, role: $role, stationSlug: $stationSlug) {
      edges { node { role isDemo dutyPhone assignments { area { name { zh } } } } }
    }
  }`;

  it('finds the officers serving a named village, in Chinese or in English', async () => {
    const zh = await gqlOk<OfficerEdges>(t.api, QUERY, { areaName: '杨家村' });
    expect(zh.officers.edges.length).toBeGreaterThan(0);
    for (const { node } of zh.officers.edges) {
      expect(node.assignments.map((a) => a.area.name.zh)).toContain('杨家村');
      expect(node.isDemo).toBe(true);
    }
    expect(zh.officers.edges.some((e) => e.node.role === 'COMMUNITY_OFFICER')).toBe(true);
    const en = await gqlOk<OfficerEdges>(t.api, QUERY, { areaName: 'yangjia' });
    expect(en.officers.edges.length).toBe(zh.officers.edges.length);
  });

  it('filters by role and station', async () => {
    const data = await gqlOk<OfficerEdges>(t.api, QUERY, { role: 'DIRECTOR', stationSlug: 'toutunhe' });
    expect(data.officers.edges).toHaveLength(1);
    expect(data.officers.edges[0]?.node.role).toBe('DIRECTOR');
  });

  it('answers an empty list for a place nobody serves', async () => {
    const data = await gqlOk<OfficerEdges>(t.api, QUERY, { areaName: '不存在的村' });
    expect(data.officers.edges).toEqual([]);
  });
});

describe('service items', () => {
  interface Items {
    serviceItems: {
      edges: { node: { category: string; title: { zh: string; en: string | null }; conditions: { zh: string; en: string | null } } }[];
    };
  }
  const QUERY = `query($search: String, $category: ServiceCategory, $stationSlug: String) {
    serviceItems(first: 100, search: $search, category: $category, stationSlug: $stationSlug) {
      edges { node { category title { zh en } conditions { zh en } } }
    }
  }`;

  it('searches titles and conditions in Chinese and in English', async () => {
    const zh = await gqlOk<Items>(t.api, QUERY, { search: '身份证' });
    expect(zh.serviceItems.edges.length).toBeGreaterThan(0);
    for (const { node } of zh.serviceItems.edges) expect(node.title.zh + node.conditions.zh).toContain('身份证');
    const en = await gqlOk<Items>(t.api, QUERY, { search: 'id CARD' });
    expect(en.serviceItems.edges.length).toBeGreaterThan(0);
    for (const { node } of en.serviceItems.edges) {
      expect(`${node.title.en} ${node.conditions.en}`.toLowerCase()).toContain('id card');
    }
    const total = await t.db.prisma.serviceItem.count({ where: { retiredAt: null } });
    expect(en.serviceItems.edges.length).toBeLessThan(total);
  });

  it('filters by category', async () => {
    const data = await gqlOk<Items>(t.api, QUERY, { category: 'EXIT_ENTRY' });
    expect(data.serviceItems.edges.length).toBeGreaterThan(0);
    expect(new Set(data.serviceItems.edges.map((e) => e.node.category))).toEqual(new Set(['EXIT_ENTRY']));
  });
});

describe('quarterly reports', () => {
  it('gives the latest published report, never a draft', async () => {
    const data = await gqlOk<{ latestReport: { period: string } }>(
      t.api,
      '{ latestReport(stationSlug: "qianling") { period } }',
    );
    expect(data.latestReport.period).toBe('2026-Q1');
    const drafts = await t.db.prisma.workReport.count({ where: { station: { slug: 'qianling' }, status: 'DRAFT' } });
    expect(drafts).toBeGreaterThan(0);
    const listed = await gqlOk<{ workReports: { edges: { node: { period: string } }[] } }>(
      t.api,
      '{ workReports(first: 100, stationSlug: "qianling") { edges { node { period } } } }',
    );
    expect(listed.workReports.edges.map((e) => e.node.period)).not.toContain('2026-Q3');
    expect(listed.workReports.edges[0]?.node.period).toBe('2026-Q1');
  });

  it('compares each figure with the same quarter last year', async () => {
    interface Report {
      workReports: {
        edges: { node: { metrics: { value: number; sameQuarterLastYear: number | null; changePercent: number | null; metric: { key: string } }[] } }[];
      };
    }
    const data = await gqlOk<Report>(
      t.api,
      '{ workReports(first: 1, stationSlug: "zhuze", year: 2025, quarter: 2) { edges { node { metrics { value sameQuarterLastYear changePercent metric { key } } } } } }',
    );
    const metrics = data.workReports.edges[0]?.node.metrics ?? [];
    expect(metrics.length).toBeGreaterThan(0);
    const stored = await t.db.prisma.metricValue.findMany({
      where: { report: { station: { slug: 'zhuze' }, year: 2024, quarter: 2, status: 'PUBLISHED' } },
      include: { metric: true },
    });
    for (const m of metrics) {
      const before = stored.find((s) => s.metric.key === m.metric.key)?.value.toNumber() ?? null;
      expect(m.sameQuarterLastYear).toBe(before);
      if (before !== null && before !== 0) {
        expect(m.changePercent).toBeCloseTo(((m.value - before) / before) * 100, 1);
      }
    }
  });

  it('publishes the metric catalogue with definitions and units', async () => {
    const data = await gqlOk<{ metrics: { key: string; definition: { zh: string }; unit: { zh: string } }[] }>(
      t.api,
      '{ metrics { key definition { zh } unit { zh } } }',
    );
    expect(data.metrics.length).toBeGreaterThan(5);
    for (const m of data.metrics) {
      expect(m.definition.zh.length).toBeGreaterThan(4);
      expect(m.unit.zh.length).toBeGreaterThan(0);
    }
  });
});

describe('mediation statistics', () => {
  interface Stats {
    mediationStats: {
      definition: { zh: string };
      rows: { year: number; quarter: number | null; category: string | null; received: number; closed: number; resolved: number; successRate: number | null }[];
      total: { received: number; resolved: number; closed: number; successRate: number | null };
    };
  }
  const QUERY = `query($stationSlug: String, $roomSlug: String, $period: MediationStatsPeriod, $byCategory: Boolean, $fromYear: Int, $toYear: Int) {
    mediationStats(stationSlug: $stationSlug, roomSlug: $roomSlug, period: $period, byCategory: $byCategory, fromYear: $fromYear, toYear: $toYear) {
      definition { zh }
      rows { year quarter category received closed resolved successRate }
      total { received closed resolved successRate }
    }
  }`;

  it('matches counts computed straight from the cases, with the definition used', async () => {
    const data = await gqlOk<Stats>(t.api, QUERY, { stationSlug: 'qianling', roomSlug: 'youqing', fromYear: 2025, toYear: 2025 });
    const cases = await t.db.prisma.mediationCase.findMany({
      where: { room: { slug: 'youqing', station: { slug: 'qianling' } }, receivedOn: { gte: new Date('2025-01-01'), lt: new Date('2026-01-01') } },
      select: { status: true },
    });
    const resolved = cases.filter((c) => c.status === 'RESOLVED').length;
    const closed = cases.filter((c) => c.status === 'RESOLVED' || c.status === 'UNRESOLVED').length;
    expect(data.mediationStats.rows).toHaveLength(1);
    expect(data.mediationStats.total).toEqual({ received: cases.length, closed, resolved, successRate: resolved / closed });
    expect(data.mediationStats.total.received).toBeGreaterThanOrEqual(500);
    expect(data.mediationStats.total.successRate).toBeGreaterThan(0.98);
    expect(data.mediationStats.definition.zh).toContain('调解成功率');
  });

  it('breaks down by quarter and category, rows adding up to the total', async () => {
    const data = await gqlOk<Stats>(t.api, QUERY, { stationSlug: 'zhuze', period: 'QUARTER', byCategory: true, fromYear: 2024, toYear: 2025 });
    const { rows, total } = data.mediationStats;
    expect(new Set(rows.map((r) => r.quarter))).toEqual(new Set([1, 2, 3, 4]));
    expect(rows.every((r) => r.category !== null)).toBe(true);
    expect(rows.reduce((n, r) => n + r.received, 0)).toBe(total.received);
  });

  it('refuses a room without its station', async () => {
    const result = await gql(t.api, QUERY, { roomSlug: 'youqing' });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('community', () => {
  it('lists volunteer teams of a station and upcoming events only', async () => {
    const data = await gqlOk<{
      station: { volunteerTeams: { name: { zh: string }; memberCount: number | null }[] };
      upcoming: { edges: { node: { startsAt: string; endsAt: string | null } }[] };
      all: { edges: unknown[] };
    }>(
      t.api,
      `{
        station(slug: "qiandeng") { volunteerTeams { name { zh } memberCount } }
        upcoming: events(first: 100, upcoming: true) { edges { node { startsAt endsAt } } }
        all: events(first: 100) { edges { node { startsAt } } }
      }`,
    );
    expect(data.station.volunteerTeams.map((v) => v.name.zh)).toContain('古镇守望');
    const now = Date.now();
    expect(data.upcoming.edges.length).toBeGreaterThan(0);
    expect(data.upcoming.edges.length).toBeLessThan(data.all.edges.length);
    for (const { node } of data.upcoming.edges) {
      expect(new Date(node.endsAt ?? node.startsAt).getTime()).toBeGreaterThanOrEqual(now);
    }
  });
});

describe('demo data is marked as such', () => {
  it('flags placeholder station contacts, invented areas and every officer', async () => {
    const data = await gqlOk<{
      stations: { edges: { node: { contactIsDemo: boolean; areas: { edges: { node: { name: { zh: string }; isIllustrative: boolean } }[] } } }[] };
      officers: { edges: { node: { isDemo: boolean } }[] };
    }>(
      t.api,
      `{
        stations(first: 10) { edges { node { contactIsDemo areas(first: 100) { edges { node { name { zh } isIllustrative } } } } } }
        officers(first: 100) { edges { node { isDemo } } }
      }`,
    );
    expect(data.stations.edges.every((e) => e.node.contactIsDemo)).toBe(true);
    const areas = data.stations.edges.flatMap((e) => e.node.areas.edges.map((a) => a.node));
    expect(areas.filter((a) => a.isIllustrative).length).toBeGreaterThan(0);
    for (const area of areas) expect(area.isIllustrative).toBe(area.name.zh.includes('（示例）'));
    expect(areas.find((a) => a.name.zh === '杨家村')?.isIllustrative).toBe(false);
    expect(data.officers.edges.every((e) => e.node.isDemo)).toBe(true);
  });
});
