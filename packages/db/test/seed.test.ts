import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/index.ts';
import { buildStation } from '../src/seed/build.ts';
import {
  DEMO_STATIONS,
  DEMO_TODAY,
  REAL_NAMES_IN_SOURCES,
  type SeedSummary,
  seedDemoData,
  seedSynthetic,
} from '../src/seed/index.ts';

let db: Database;
let first: SeedSummary;
let second: SeedSummary;

beforeAll(async () => {
  db = await openDatabase('pglite:memory');
  first = await seedDemoData(db.prisma);
  second = await seedDemoData(db.prisma);
}, 120_000);

afterAll(async () => {
  await db?.close();
});

function countsOf({ inserted: _inserted, durationMs: _durationMs, ...counts }: SeedSummary): Omit<SeedSummary, 'inserted' | 'durationMs'> {
  return counts;
}

/** Sum of one metric's quarterly values of a station, over the given quarters of a year. */
async function metricTotal(slug: string, key: string, year: number, quarters = [1, 2, 3, 4]): Promise<number> {
  const values = await db.prisma.metricValue.findMany({
    where: { metric: { key }, report: { station: { slug }, year, quarter: { in: quarters } } },
    select: { value: true },
  });
  return values.reduce((sum, row) => sum + Number(row.value), 0);
}

function percentChange(from: number, to: number): string {
  return (((to - from) / from) * 100).toFixed(2);
}

async function roomYear(slug: string, year: number): Promise<{ received: number; success: number }> {
  const rows = await db.prisma.mediationCase.groupBy({
    by: ['status'],
    where: { room: { slug }, receivedOn: { gte: new Date(`${year}-01-01`), lt: new Date(`${year + 1}-01-01`) } },
    _count: { _all: true },
  });
  const count = (status: string): number => rows.find((row) => row.status === status)?._count._all ?? 0;
  const received = rows.reduce((sum, row) => sum + row._count._all, 0);
  return { received, success: count('RESOLVED') / (count('RESOLVED') + count('UNRESOLVED')) };
}

describe('seedDemoData', () => {
  it('inserts once and leaves a seeded database alone', () => {
    expect(first.inserted).toBe(true);
    expect(second.inserted).toBe(false);
    expect(countsOf(second)).toEqual(countsOf(first));
    expect(first.stations).toBe(5);
  });

  it('builds the same data every time', () => {
    const [one, two] = [buildStation(DEMO_STATIONS[0]!), buildStation(DEMO_STATIONS[0]!)];
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });

  it('has the five stations of the articles with their public facts', async () => {
    const stations = await db.prisma.station.findMany({ orderBy: { id: 'asc' }, include: { honours: true } });
    expect(stations.map((s) => [s.nameZh, s.bureauZh])).toEqual([
      ['竹箦派出所', '溧阳市公安局'],
      ['头屯河派出所', '新疆生产建设兵团第十二师公安局二分局'],
      ['千灯派出所', '昆山市公安局'],
      ['临城派出所', '枣庄市公安局薛城分局'],
      ['迁陵派出所', '保靖县公安局'],
    ]);
    const [zhuze, toutunhe, , xuecheng, qianling] = stations;
    expect(zhuze?.honours.map((h) => h.year).sort()).toEqual([2019, 2021, 2022, 2022]);
    expect(zhuze?.honours.map((h) => h.titleZh)).toContain('全国“枫桥式公安派出所”（第二批）');
    expect(zhuze?.gridWorkers).toBe(362);
    expect([toutunhe?.policeOfficers, toutunhe?.auxiliaryOfficers]).toEqual([16, 94]);
    expect(xuecheng?.summaryZh).toContain('区级');
    expect(Number(qianling?.areaKm2)).toBe(374.43);
    expect([qianling?.population, qianling?.households, qianling?.registeredUnits]).toEqual([100000, 45570, 735]);
    expect(qianling?.summaryZh).toContain('97656');
  });

  it('names the areas, teams and rooms of the articles', async () => {
    const areas = (await db.prisma.area.findMany({ select: { nameZh: true } })).map((a) => a.nameZh);
    expect(areas).toEqual(expect.arrayContaining(['同和幸福城二社区', '大门院社区', '绿洲南社区', '炎武社区', '秦峰社区', '马路桥社区', '淞南社区', '千灯古镇景区', '钟灵山工业园', '杨家村']));
    const teams = await db.prisma.volunteerTeam.findMany({ select: { nameZh: true, memberCount: true } });
    expect(teams).toEqual(expect.arrayContaining([{ nameZh: '千灯心防卫士', memberCount: 152 }, { nameZh: '村级巡防队', memberCount: 100 }]));
    expect(teams.map((t) => t.nameZh)).toEqual(expect.arrayContaining(['古镇守望', '护安企业', '老兵警长义务服务队', '燕子未成年人工作室']));
    const rooms = (await db.prisma.mediationRoom.findMany({ select: { nameZh: true, leadMediatorId: true } }));
    expect(rooms.map((r) => r.nameZh)).toEqual(expect.arrayContaining(['老陈调解室', '酉情调解室', '调解亭', '党员共建调解队伍']));
    expect(rooms.every((r) => r.leadMediatorId !== null)).toBe(true);
  });

  it('publishes only fictitious people, marked as demo', async () => {
    const officers = await db.prisma.officer.findMany();
    expect(officers.length).toBeGreaterThan(50);
    expect(officers.every((o) => o.isDemo)).toBe(true);
    expect(officers.filter((o) => REAL_NAMES_IN_SOURCES.includes(o.nameZh))).toEqual([]);
    expect(officers.every((o) => /^0\d{3}-8000\d{4}$/.test(o.dutyPhone ?? ''))).toBe(true);
    expect(officers.every((o) => o.badgeNumber === null || o.badgeNumber.startsWith('DEMO-'))).toBe(true);
    expect(officers.every((o) => o.lastVerifiedOn?.getUTCFullYear() === 2026)).toBe(true);
  });

  it('gives every community one officer and two auxiliaries, every village one officer', async () => {
    const areas = await db.prisma.area.findMany({
      where: { kind: { in: ['COMMUNITY', 'VILLAGE'] } },
      include: { assignments: { include: { officer: { select: { role: true } } } } },
    });
    for (const area of areas) {
      const roles = area.assignments.map((a) => a.officer.role);
      expect(roles.filter((r) => r === 'COMMUNITY_OFFICER'), area.nameZh).toHaveLength(1);
      expect(roles.filter((r) => r === 'AUXILIARY_OFFICER').length, area.nameZh).toBe(area.kind === 'COMMUNITY' ? 2 : 1);
    }
  });

  it('generates mediation cases matching the rooms’ published figures', async () => {
    for (const year of [2024, 2025]) {
      const laoChen = await roomYear('lao-chen', year);
      expect(laoChen.received).toBeGreaterThanOrEqual(300);
      expect(laoChen.success).toBeGreaterThan(0.95);
      const youqing = await roomYear('youqing', year);
      expect(youqing.received).toBeGreaterThanOrEqual(500);
      expect(youqing.success).toBeGreaterThan(0.98);
      const xuecheng = await roomYear('dispute-centre', year);
      expect(xuecheng.success).toBeGreaterThan(0.95);
    }
    const statuses = await db.prisma.mediationCase.groupBy({ by: ['status'], _count: { _all: true } });
    expect(statuses.map((s) => s.status).sort()).toEqual(['IN_PROGRESS', 'RECEIVED', 'REFERRED', 'RESOLVED', 'UNRESOLVED']);
    const open = await db.prisma.mediationCase.findMany({ where: { status: { in: ['RECEIVED', 'IN_PROGRESS'] } } });
    expect(open.every((c) => c.closedOn === null && c.receivedOn >= new Date('2026-10-01'))).toBe(true);
    expect(await db.prisma.mediationCase.count({ where: { closedOn: { gt: new Date(DEMO_TODAY) } } })).toBe(0);
    expect(await db.prisma.mediationCasePartner.count()).toBeGreaterThan(0);
    expect(await db.prisma.referral.count({ where: { direction: 'POLICE_TO_PARTNER', case: { status: 'REFERRED' } } })).toBeGreaterThan(0);
    expect(await db.prisma.referral.count({ where: { direction: 'PARTNER_TO_POLICE' } })).toBeGreaterThan(0);
  });

  it('reproduces the articles’ year-on-year figures from the metric values', async () => {
    const scenic = [await metricTotal('qiandeng', 'scenic_area_incidents', 2024), await metricTotal('qiandeng', 'scenic_area_incidents', 2025)];
    expect(percentChange(scenic[0]!, scenic[1]!)).toBe('-69.39');
    expect(await metricTotal('qiandeng', 'pickpocketing_reports', 2025)).toBe(0);
    expect(await metricTotal('qiandeng', 'prevention_audience', 2025, [4])).toBe(3298);

    const accepted = [await metricTotal('qianling', 'cases_accepted', 2024), await metricTotal('qianling', 'cases_accepted', 2025)];
    expect(percentChange(accepted[0]!, accepted[1]!)).toBe('-45.00');
    const ytd = [1, 2, 3];
    const criminal = [await metricTotal('qianling', 'criminal_cases', 2025, ytd), await metricTotal('qianling', 'criminal_cases', 2026, ytd)];
    expect(Math.round(Number(percentChange(criminal[0]!, criminal[1]!)))).toBe(-59);
    const admin = [await metricTotal('qianling', 'administrative_cases', 2025, ytd), await metricTotal('qianling', 'administrative_cases', 2026, ytd)];
    expect(Math.round(Number(percentChange(admin[0]!, admin[1]!)))).toBe(-52);

    const zhuzeRates = await db.prisma.metricValue.findMany({
      where: { metric: { key: { in: ['certificates_on_time_rate', 'window_satisfaction_rate'] } }, report: { station: { slug: 'zhuze' } } },
    });
    expect(zhuzeRates).toHaveLength(22);
    expect(zhuzeRates.every((v) => Number(v.value) === 100)).toBe(true);
  });

  it('reports every quarter, with 迁陵 more than a quarter overdue', async () => {
    const reports = await db.prisma.workReport.findMany({
      include: { station: true, _count: { select: { sections: true, metrics: true, priorities: true } } },
    });
    expect(reports).toHaveLength(5 * 11);
    for (const r of reports) {
      expect(r._count.sections).toBeGreaterThanOrEqual(2);
      expect(r._count.sections).toBeLessThanOrEqual(4);
      expect(r._count.metrics).toBeGreaterThanOrEqual(6);
      expect(r._count.metrics).toBeLessThanOrEqual(10);
      expect(r._count.priorities).toBeGreaterThanOrEqual(1);
      expect(r._count.priorities).toBeLessThanOrEqual(3);
      if (r.status === 'PUBLISHED') {
        const quarterEnd = Date.UTC(r.year, r.quarter * 3, 1);
        const delay = ((r.publishedAt?.getTime() ?? 0) - quarterEnd) / 86_400_000;
        expect(delay).toBeGreaterThan(0);
        expect(delay).toBeLessThanOrEqual(21);
      }
    }
    const latest = (slug: string): string => {
      const published = reports.filter((r) => r.station.slug === slug && r.status === 'PUBLISHED');
      const last = published.sort((a, b) => b.year - a.year || b.quarter - a.quarter)[0];
      return `${last?.year}Q${last?.quarter}`;
    };
    expect(latest('qianling')).toBe('2026Q1');
    const drafts = reports.filter((r) => r.status === 'DRAFT').map((r) => `${r.station.slug} ${r.year}Q${r.quarter}`).sort();
    expect(drafts).toEqual(['qianling 2026Q2', 'qianling 2026Q3']);
    for (const slug of ['zhuze', 'toutunhe', 'qiandeng', 'xuecheng']) expect(latest(slug)).toBe('2026Q3');
  });

  it('lists upcoming events and service items with fees and their basis', async () => {
    const stations = await db.prisma.station.findMany({
      include: { events: { where: { startsAt: { gt: new Date(`${DEMO_TODAY}T00:00:00+08:00`) } } }, serviceItems: true },
    });
    for (const station of stations) {
      expect(station.events.length, station.slug).toBeGreaterThan(0);
      expect(station.serviceItems.length, station.slug).toBeGreaterThanOrEqual(4);
    }
    const idCard = await db.prisma.serviceItem.findFirstOrThrow({ where: { slug: 'resident-id-card' } });
    expect(idCard.feeZh).toContain('20元');
    expect(idCard.feeBasisZh).toContain('居民身份证法');
    const passport = await db.prisma.serviceItem.findFirstOrThrow({ where: { slug: 'ordinary-passport' }, include: { revisions: true } });
    expect(passport.version).toBe(2);
    expect(passport.revisions).toHaveLength(1);
  });
});

describe('seedSynthetic', () => {
  it('adds synthetic stations once, every person marked demo', async () => {
    const added = await seedSynthetic(db.prisma, { stations: 3, officersPerStation: 40, areasPerStation: 5 });
    expect(added.inserted).toBe(true);
    expect(added.stations).toBe(first.stations + 3);
    expect(added.officers).toBe(first.officers + 120);
    expect(await db.prisma.officer.count({ where: { isDemo: false } })).toBe(0);
    const again = await seedSynthetic(db.prisma, { stations: 3, officersPerStation: 40, areasPerStation: 5 });
    expect(again.inserted).toBe(false);
    expect(countsOf(again)).toEqual(countsOf(added));
  });
});

describe('demo surveys', () => {
  it('gives each station two closed campaigns with responses and a running 2026-H2 campaign (CODE mode at qiandeng)', async () => {
    const campaigns = await db.prisma.surveyCampaign.findMany({
      select: { period: true, accessMode: true, closesOn: true, station: { select: { slug: true } }, _count: { select: { responses: true, questions: true } } },
    });
    expect(campaigns).toHaveLength(15);
    for (const campaign of campaigns) {
      expect(campaign._count.questions).toBe(8);
      if (campaign.period === '2026-H2') {
        expect(campaign._count.responses).toBe(0);
        expect(campaign.closesOn.toISOString().slice(0, 10) > DEMO_TODAY).toBe(true);
        expect(campaign.accessMode).toBe(campaign.station.slug === 'qiandeng' ? 'CODE' : 'OPEN');
      } else {
        expect(campaign._count.responses).toBeGreaterThanOrEqual(50);
        expect(campaign.closesOn.toISOString().slice(0, 10) < DEMO_TODAY).toBe(true);
      }
    }
  });

  it('leaves some areas with fewer than ten responses, to exercise suppression', async () => {
    const cells = await db.prisma.surveyResponse.groupBy({
      by: ['campaignId', 'areaId'],
      where: { campaign: { period: '2026-H1' }, areaId: { not: null } },
      _count: { _all: true },
    });
    expect(cells.filter((cell) => cell._count._all < 10).length).toBeGreaterThanOrEqual(10);
    expect(cells.filter((cell) => cell._count._all >= 10).length).toBeGreaterThanOrEqual(10);
  });

  it('is deterministic', async () => {
    const other = await openDatabase('pglite:memory');
    try {
      await seedDemoData(other.prisma);
      const digest = (prisma: typeof db.prisma) =>
        prisma.$queryRawUnsafe<Array<{ n: bigint; s: bigint }>>(
          'SELECT count(*) AS n, sum(coalesce(value, 0) * 7 + coalesce(choice, 0) * 3 + length(coalesce(text, \'\'))) AS s FROM "SurveyAnswer"',
        );
      expect(await digest(other.prisma)).toEqual(await digest(db.prisma));
    } finally {
      await other.close();
    }
  }, 120_000);
});
