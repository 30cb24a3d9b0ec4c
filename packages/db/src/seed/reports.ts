import {
  addDays,
  chinaTime,
  quarterEnd,
  quarterKey,
  quarterOf,
  quarterStart,
  REPORT_QUARTERS,
  type YearQuarter,
} from './calendar.ts';
import type { ReportStatus } from '../generated/prisma/enums.ts';
import type { CasePlan } from './mediation.ts';
import { type MetricGroup, type MetricKey, metricDefinition } from './metrics.ts';
import { createRng, randomWeights, type Rng, splitTotal } from './prng.ts';
import type { MetricSeries, Period, StationSeed } from './types.ts';

export interface ReportPlan extends YearQuarter {
  status: ReportStatus;
  titleZh: string;
  titleEn: string | null;
  summaryZh: string;
  summaryEn: string | null;
  publishedAt: Date | null;
  sections: Array<{ headingZh: string; headingEn: string | null; bodyZh: string; bodyEn: string | null }>;
  metrics: Array<{ metric: MetricKey; value: number }>;
  priorities: PriorityPlan[];
}

export interface PriorityPlan {
  area: string | null;
  issueZh: string;
  issueEn: string;
  raisedOn: string;
  actionZh: string | null;
  actionEn: string | null;
  actionOn: string | null;
}

/** Quarterly values of every metric a station reports, keyed by metric then `2025Q3`. */
export type SeriesValues = Map<MetricKey, Map<string, number>>;

const REPORTED = new Set(REPORT_QUARTERS.map(quarterKey));

function periodQuarters(period: Period): YearQuarter[] {
  const quarters = (period.quarters ?? [1, 2, 3, 4]).map((quarter) => ({ year: period.year, quarter }));
  for (const yq of quarters) {
    if (!REPORTED.has(quarterKey(yq))) throw new Error(`period ${quarterKey(yq)} is outside the reported quarters`);
  }
  return quarters;
}

/** Splits a period's total over its quarters: a seasonal pattern shared by all years plus a little noise. */
function splitPeriod(rng: Rng, seasonal: readonly number[], quarters: readonly YearQuarter[], total: number, decimals: number): number[] {
  const scale = 10 ** decimals;
  const weights = quarters.map((yq) => (seasonal[yq.quarter - 1] ?? 1) * (0.96 + rng.next() * 0.08));
  return splitTotal(Math.round(total * scale), weights).map((part) => part / scale);
}

/**
 * Turns a station's series into quarterly values. Counts are split deterministically so
 * that each period adds up to the total the source gives; a `sum` series adds its own
 * remainder to its parts; mediation figures are counted from the generated cases.
 */
export function seriesValues(slug: string, series: readonly MetricSeries[], casesByRoom: ReadonlyMap<string, readonly CasePlan[]>): SeriesValues {
  const values: SeriesValues = new Map();
  for (const spec of series) {
    const rng = createRng(`series:${slug}:${spec.metric}`);
    const byQuarter = new Map<string, number>();
    if (spec.kind === 'count' || spec.kind === 'sum') {
      const decimals = spec.kind === 'count' ? (spec.decimals ?? 0) : 0;
      const seasonal = randomWeights(rng, 4, 0.12);
      for (const period of spec.periods) {
        const quarters = periodQuarters(period);
        const partsOf = (yq: YearQuarter): number =>
          spec.kind === 'sum' ? spec.parts.reduce((sum, part) => sum + (values.get(part)?.get(quarterKey(yq)) ?? Number.NaN), 0) : 0;
        const partsTotal = quarters.reduce((sum, yq) => sum + partsOf(yq), 0);
        if (Number.isNaN(partsTotal) || partsTotal > period.total) {
          throw new Error(`${slug}: ${spec.metric} ${period.year} total ${period.total} is below its parts (${partsTotal}) or a part is missing`);
        }
        const shares = splitPeriod(rng, seasonal, quarters, period.total - partsTotal, decimals);
        quarters.forEach((yq, i) => byQuarter.set(quarterKey(yq), partsOf(yq) + (shares[i] ?? 0)));
      }
      for (const key of REPORTED) {
        if (!byQuarter.has(key)) throw new Error(`${slug}: ${spec.metric} has no total covering ${key}`);
      }
    } else if (spec.kind === 'rate') {
      for (const yq of REPORT_QUARTERS) {
        if (spec.halfYearly && yq.quarter % 2 === 1) continue;
        byQuarter.set(quarterKey(yq), Math.round((spec.min + rng.next() * (spec.max - spec.min)) * 10) / 10);
      }
    } else {
      const cases = casesByRoom.get(spec.room);
      if (!cases) throw new Error(`${slug}: no mediation room ${spec.room}`);
      for (const yq of REPORT_QUARTERS) {
        const inQuarter = cases.filter((c) => Number(c.receivedOn.slice(0, 4)) === yq.year && quarterOf(c.receivedOn) === yq.quarter);
        if (spec.metric === 'mediation_received') {
          byQuarter.set(quarterKey(yq), inQuarter.length);
        } else {
          const resolved = inQuarter.filter((c) => c.status === 'RESOLVED').length;
          const closed = inQuarter.filter((c) => c.status === 'RESOLVED' || c.status === 'UNRESOLVED').length;
          if (closed > 0) byQuarter.set(quarterKey(yq), Math.floor((resolved / closed) * 1000) / 10);
        }
      }
    }
    values.set(spec.metric, byQuarter);
  }
  return values;
}

const QUARTER_ZH = ['一', '二', '三', '四'] as const;

const GROUPS: ReadonlyArray<{ group: MetricGroup; headingZh: string; headingEn: string }> = [
  { group: 'order', headingZh: '治安形势', headingEn: 'Public order' },
  { group: 'mediation', headingZh: '矛盾纠纷化解', headingEn: 'Resolving disputes' },
  { group: 'service', headingZh: '服务群众', headingEn: 'Serving residents' },
  { group: 'prevention', headingZh: '群防群治与防范宣传', headingEn: 'Community watch and prevention' },
];

function formatValue(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(1);
}

function phrase(metric: MetricKey, value: number, previous: number | undefined): { zh: string; en: string } {
  const def = metricDefinition(metric);
  const unitZh = def.unitZh === '%' ? '%' : def.unitZh;
  const unitEn = def.unitEn === '%' ? '%' : ` ${def.unitEn}`;
  let zh = `${def.nameZh}${formatValue(value)}${unitZh}`;
  // English counts money in yuan: 3 万元 is "30,000 yuan", not "3 10,000 yuan".
  let en = def.unitZh === '万元' ? `${def.nameEn}: ${formatValue(value * 10_000)} yuan` : `${def.nameEn}: ${formatValue(value)}${unitEn}`;
  if (previous !== undefined && def.unitZh !== '%') {
    if (previous === value) {
      zh += '，与去年同期持平';
      en += ', the same as a year earlier';
    } else if (previous > 0) {
      const change = ((value - previous) / previous) * 100;
      zh += `，同比${change < 0 ? '下降' : '上升'}${Math.abs(change).toFixed(1)}%`;
      en += `, ${change < 0 ? 'down' : 'up'} ${Math.abs(change).toFixed(1)}% on a year earlier`;
    }
  }
  return { zh, en };
}

/**
 * A station's quarterly reports, 2024 Q1 … 2026 Q3: published about two weeks after the
 * quarter ends, except from `reporting.draftFrom` on, which are still drafts.
 */
export function generateReports(station: StationSeed, casesByRoom: ReadonlyMap<string, readonly CasePlan[]>): ReportPlan[] {
  const values = seriesValues(station.slug, station.reporting.series, casesByRoom);
  const rng = createRng(`reports:${station.slug}`);
  const areaNames = new Set(station.areas.map((area) => area.nameZh));
  const pool = station.reporting.priorities.filter((priority) => !priority.fixed);
  const draftFrom = station.reporting.draftFrom;
  const roomNamesZh = station.rooms.map((room) => `“${room.nameZh}”`).join('、');
  const roomNamesEn = station.rooms.map((room) => room.nameEn).join(', ');
  let poolIndex = 0;

  return REPORT_QUARTERS.map((yq): ReportPlan => {
    const { year, quarter } = yq;
    const key = quarterKey(yq);
    const previousKey = quarterKey({ year: year - 1, quarter });
    const isDraft = draftFrom !== undefined && (year > draftFrom.year || (year === draftFrom.year && quarter >= draftFrom.quarter));
    const publishedOn = addDays(quarterEnd(year, quarter), rng.int(8, 20));

    const metrics = station.reporting.series.flatMap((spec) => {
      const value = values.get(spec.metric)?.get(key);
      return value === undefined ? [] : [{ metric: spec.metric, value }];
    });
    const phrases = new Map(metrics.map(({ metric, value }) => [metric, phrase(metric, value, values.get(metric)?.get(previousKey))]));

    const sections = GROUPS.flatMap(({ group, headingZh, headingEn }) => {
      const inGroup = metrics.filter(({ metric }) => metricDefinition(metric).group === group);
      const highlights = station.reporting.highlights.filter((h) => h.year === year && h.quarter === quarter && h.group === group);
      if (inGroup.length === 0 && highlights.length === 0) return [];
      const zhParts = inGroup.map(({ metric }) => phrases.get(metric)?.zh ?? '');
      const enParts = inGroup.map(({ metric }) => phrases.get(metric)?.en ?? '');
      const leadZh = group === 'mediation' && roomNamesZh ? `${roomNamesZh}：` : '本季度';
      const leadEn = group === 'mediation' && roomNamesEn ? `${roomNamesEn}: ` : 'This quarter: ';
      const bodyZh = [zhParts.length > 0 ? `${leadZh}${zhParts.join('；')}。` : '', ...highlights.map((h) => h.zh)].join('');
      const bodyEn = [enParts.length > 0 ? `${leadEn}${enParts.join('; ')}.` : '', ...highlights.map((h) => h.en)].filter(Boolean).join(' ');
      return [{ headingZh, headingEn: isDraft ? null : headingEn, bodyZh, bodyEn: isDraft ? null : bodyEn }];
    });

    const headline = [
      ...metrics.filter(({ metric }) => metricDefinition(metric).group === 'order').slice(0, 2),
      ...metrics.filter(({ metric }) => metric === 'mediation_received' || metric === 'mediation_success_rate'),
    ].flatMap(({ metric }) => phrases.get(metric) ?? []);
    const summaryZh = `${year}年第${QUARTER_ZH[quarter - 1]}季度，${station.nameZh}${headline.map((p) => p.zh).join('；')}。`;
    const summaryEn = `Q${quarter} ${year} at ${station.nameEn}: ${headline.map((p) => p.en).join('; ')}.`;

    const fixed = station.reporting.priorities.filter((p) => p.fixed?.year === year && p.fixed.quarter === quarter);
    const wanted = Math.max(fixed.length, rng.int(1, 3));
    const chosen = [...fixed];
    while (chosen.length < wanted) {
      const next = pool[poolIndex++ % pool.length];
      if (!next) break;
      chosen.push(next);
    }
    const latestAction = isDraft ? quarterEnd(year, quarter) : publishedOn;
    const priorities = chosen.map((p, index): PriorityPlan => {
      if (p.area && !areaNames.has(p.area)) throw new Error(`${station.slug}: priority names unknown area ${p.area}`);
      const raisedOn = p.fixed?.raisedOn ?? addDays(quarterStart(year, quarter), rng.int(2, 60));
      let actionOn: string | null = p.fixed?.actionOn ?? addDays(raisedOn, rng.int(3, 25));
      if (actionOn > latestAction) actionOn = latestAction;
      const pending = isDraft && index === chosen.length - 1 && !p.fixed;
      return {
        area: p.area ?? null,
        issueZh: p.issueZh,
        issueEn: p.issueEn,
        raisedOn,
        actionZh: pending ? null : p.actionZh,
        actionEn: pending ? null : p.actionEn,
        actionOn: pending ? null : actionOn,
      };
    });

    return {
      year,
      quarter,
      status: isDraft ? 'DRAFT' : 'PUBLISHED',
      titleZh: `${station.nameZh}${year}年第${QUARTER_ZH[quarter - 1]}季度工作报告`,
      titleEn: isDraft ? null : `${station.nameEn}: work report, Q${quarter} ${year}`,
      summaryZh,
      summaryEn: isDraft ? null : summaryEn,
      publishedAt: isDraft ? null : chinaTime(`${publishedOn} 10:00`),
      sections,
      metrics,
      priorities,
    };
  });
}
