import type { PrismaClient } from '../generated/prisma/client.ts';
import type { AreaKind } from '../generated/prisma/enums.ts';
import { buildStation } from './build.ts';
import { demoPhone } from './people.ts';
import { createRng } from './prng.ts';
import { birthRegistration, idCard, noCriminalRecord, residencePermit, type ServicePlace } from './services.ts';
import type { AreaSeed, Period, StationSeed } from './types.ts';
import { runSeed, type SeedSummary } from './run.ts';
import { ensureMetrics, writeStations } from './write.ts';

/** Size of a synthetic data set: e.g. 200 stations × 100 officers = 20,000 officers. */
export interface SyntheticOptions {
  stations: number;
  /** Exactly this many people per station (community officers, auxiliaries, grid workers, mediators …). */
  officersPerStation: number;
  /** Areas per station (default 12). */
  areasPerStation?: number;
}

export const SYNTHETIC_SLUG_PREFIX = 'synthetic-';

const AREA_KINDS: readonly AreaKind[] = ['COMMUNITY', 'COMMUNITY', 'VILLAGE', 'COMMUNITY', 'VILLAGE', 'INDUSTRIAL_PARK', 'SCHOOL_ZONE', 'SCENIC_AREA'];

function yearly(base: number, trend: number): Period[] {
  return [
    { year: 2024, total: base },
    { year: 2025, total: Math.round(base * trend) },
    { year: 2026, quarters: [1, 2, 3], total: Math.round(base * trend * trend * 0.75) },
  ];
}

/** A made-up station shaped like the real ones; names say plainly that it is synthetic. */
export function syntheticStation(index: number, options: SyntheticOptions): StationSeed {
  const rng = createRng(`synthetic:${index}`);
  const number = String(index).padStart(4, '0');
  const areaCode = `0${String(100 + (index % 900)).padStart(3, '0')}`;
  const areas: AreaSeed[] = Array.from({ length: options.areasPerStation ?? 12 }, (_, i) => ({
    nameZh: `合成第${i + 1}警务区`,
    nameEn: `Synthetic police area ${i + 1}`,
    kind: AREA_KINDS[i % AREA_KINDS.length] ?? 'COMMUNITY',
    illustrative: true,
    households: rng.int(800, 6_000),
    population: rng.int(2_000, 15_000),
    gridCount: rng.int(4, 20),
  }));
  const place: ServicePlace = {
    locationZh: `合成演示派出所${number}户籍窗口`,
    locationEn: `Registration counter, synthetic station ${number}`,
    hoursZh: '周一至周五 8:30–12:00，13:30–17:30',
    hoursEn: 'Mon–Fri 8:30–12:00, 13:30–17:30',
  };
  const calls = rng.int(2_000, 8_000);
  const trend = 0.85 + rng.next() * 0.2;
  const firstArea = areas[0]?.nameZh;
  return {
    slug: `${SYNTHETIC_SLUG_PREFIX}${number}`,
    code: `S${number}`,
    nameZh: `合成演示派出所${number}`,
    nameEn: `Synthetic Demo Station ${number}`,
    bureauZh: '合成演示公安局',
    bureauEn: 'Synthetic Demo Public Security Bureau',
    regionZh: '合成演示地区',
    regionEn: 'Synthetic demo region',
    addressZh: '合成数据，无真实地址',
    addressEn: 'Synthetic data, no real address',
    dutyPhone: demoPhone(areaCode, 100),
    openingHoursZh: '报警求助24小时；户籍窗口工作日开放',
    openingHoursEn: 'Emergencies 24 hours; registration counter on working days',
    summaryZh: '用于性能测试的合成数据，人员、电话和数字均为虚构。',
    summaryEn: 'Synthetic data for benchmarks; people, numbers and figures are invented.',
    areaKm2: rng.int(20, 400),
    population: areas.reduce((sum, area) => sum + (area.population ?? 0), 0),
    households: areas.reduce((sum, area) => sum + (area.households ?? 0), 0),
    policeOfficers: Math.round(options.officersPerStation * 0.3),
    auxiliaryOfficers: Math.round(options.officersPerStation * 0.6),
    source: { titleZh: '合成数据', publishedOn: null },
    honours: [{ titleZh: '合成演示荣誉', titleEn: 'Synthetic demo honour', awardedBy: '合成演示', year: 2020 + (index % 6) }],
    areas,
    staff: { gridWorkers: 4, caseOfficers: 3, total: options.officersPerStation },
    partners: [
      { slug: 'justice-office', kind: 'JUSTICE_OFFICE', nameZh: '合成司法所', nameEn: 'Synthetic justice office' },
      { slug: 'town-government', kind: 'TOWN_GOVERNMENT', nameZh: '合成镇政府', nameEn: 'Synthetic town government' },
      { slug: 'committee', kind: 'COMMUNITY_COMMITTEE', nameZh: '合成社区居委会', nameEn: 'Synthetic community committee' },
      { slug: 'school', kind: 'SCHOOL', nameZh: '合成中心小学', nameEn: 'Synthetic primary school' },
    ],
    rooms: [
      {
        slug: 'mediation-room',
        code: `M${number}`,
        nameZh: `合成调解室${number}`,
        nameEn: `Synthetic mediation room ${number}`,
        descriptionZh: '合成数据。',
        descriptionEn: 'Synthetic data.',
        locationZh: '派出所内',
        locationEn: 'Inside the station',
        openingHoursZh: '工作日',
        openingHoursEn: 'Working days',
        mediators: 2,
        yearly: {
          2024: { received: rng.int(80, 160), successRate: 0.93 + rng.next() * 0.05 },
          2025: { received: rng.int(80, 160), successRate: 0.93 + rng.next() * 0.05 },
          2026: { received: rng.int(70, 140), successRate: 0.93 + rng.next() * 0.05 },
        },
        referredShare: 0.03,
        categories: { NEIGHBOUR: 35, FAMILY: 15, LAND_AND_HOUSING: 15, LABOUR: 10, CONSUMER: 10, TRAFFIC: 10, TENANCY: 5 },
        sources: { POLICE_CALL: 45, WALK_IN: 25, GRID_WORKER: 15, PARTNER_REFERRAL: 10, PATROL: 5 },
        partnersByCategory: {
          NEIGHBOUR: ['committee'],
          FAMILY: ['justice-office'],
          LAND_AND_HOUSING: ['town-government', 'justice-office'],
          LABOUR: ['justice-office'],
          CONSUMER: ['town-government'],
          TRAFFIC: ['justice-office'],
          TENANCY: ['committee'],
        },
        partnerShare: 0.3,
      },
    ],
    volunteerTeams: [
      { nameZh: '合成巡防队', nameEn: 'Synthetic patrol team', descriptionZh: '合成数据。', descriptionEn: 'Synthetic data.', memberCount: rng.int(20, 200) },
      { nameZh: '合成宣讲队', nameEn: 'Synthetic speakers team', descriptionZh: '合成数据。', descriptionEn: 'Synthetic data.', memberCount: rng.int(10, 80) },
    ],
    services: [birthRegistration(place), idCard(place), residencePermit(place), noCriminalRecord(place)],
    events: [
      { month: '05-20', kind: 'OPEN_DAY' as const },
      { month: '09-15', kind: 'PREVENTION_TALK' as const },
      { month: '12-08', kind: 'RESIDENTS_MEETING' as const },
    ].map(({ month, kind }) => ({
      kind,
      titleZh: `合成活动（${kind}）`,
      titleEn: `Synthetic event (${kind})`,
      descriptionZh: '合成数据。',
      descriptionEn: 'Synthetic data.',
      locationZh: '派出所',
      locationEn: 'Station',
      startsAt: `2026-${month} 09:30`,
      endsAt: `2026-${month} 11:00`,
      ...(firstArea ? { area: firstArea } : {}),
    })),
    reporting: {
      series: [
        { kind: 'count', metric: 'police_calls', periods: yearly(calls, trend) },
        { kind: 'count', metric: 'criminal_cases', periods: yearly(Math.round(calls * 0.05), trend) },
        { kind: 'count', metric: 'administrative_cases', periods: yearly(Math.round(calls * 0.12), trend) },
        { kind: 'mediation', metric: 'mediation_received', room: 'mediation-room' },
        { kind: 'mediation', metric: 'mediation_success_rate', room: 'mediation-room' },
        { kind: 'count', metric: 'household_visits', periods: yearly(rng.int(2_000, 6_000), 1.03) },
        { kind: 'count', metric: 'patrols', periods: yearly(rng.int(300, 700), 1.02) },
        { kind: 'rate', metric: 'window_satisfaction_rate', min: 97, max: 100 },
      ],
      highlights: [],
      priorities: areas.slice(0, 3).map((area) => ({
        area: area.nameZh,
        issueZh: `${area.nameZh}居民反映的合成问题`,
        issueEn: `A synthetic concern raised in ${area.nameEn}`,
        actionZh: '合成处置措施',
        actionEn: 'A synthetic action',
      })),
      ...(index % 10 === 0 ? { draftFrom: { year: 2026, quarter: 2 as const } } : index % 10 === 5 ? { draftFrom: { year: 2026, quarter: 3 as const } } : {}),
    },
  };
}

/**
 * Adds `stations` synthetic stations (slugs `synthetic-0001` …) with their officers,
 * areas, assignments, service items, reports and mediation cases, for benchmarks.
 * Deterministic; stations that already exist are skipped, so a run can be repeated or
 * extended. Every person is marked `isDemo`.
 */
export function seedSynthetic(prisma: PrismaClient, options: SyntheticOptions): Promise<SeedSummary> {
  return runSeed(prisma, async (tx) => {
    const existing = await tx.station.findMany({
      where: { slug: { startsWith: SYNTHETIC_SLUG_PREFIX } },
      select: { slug: true },
    });
    const have = new Set(existing.map((station) => station.slug));
    const seeds = Array.from({ length: options.stations }, (_, i) => syntheticStation(i + 1, options)).filter(
      (seed) => !have.has(seed.slug),
    );
    if (seeds.length === 0) return false;
    await writeStations(tx, seeds.map(buildStation), await ensureMetrics(tx));
    return true;
  });
}
