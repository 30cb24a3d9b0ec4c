import type { Prisma, SurveyIndicator } from '@openstation/db';
import { InputError, NotFoundError, RuleError } from '../errors.ts';
import type { Localized } from './patch.ts';
import { chinaDay, metricInBounds, notBefore, notInFuture, reportTitle, titleMatchesPeriod } from './rules.ts';

/**
 * A quarterly report's content (title, summary, sections, figures, priorities) as the
 * columns and rows it is stored in, and the content rules every part follows.
 */

export interface SectionFields {
  heading: Localized;
  body: Localized;
}

export interface MetricValueFields {
  /** A key of the metric catalogue. */
  metricKey: string;
  value: number;
  note?: Localized | null;
}

/** A concern residents raised and the action taken, with an optional link to where they said it. */
export interface PriorityFields {
  areaId?: number | null;
  issue: Localized;
  raisedOn: Date;
  action?: Localized | null;
  actionOn?: Date | null;
  /** A published survey of the station whose result for `indicator` (in the priority's area) raised it. */
  surveyCampaignId?: number | null;
  indicator?: SurveyIndicator | null;
  /** A residents' meeting (议事会/恳谈会) of the station where it was raised. */
  eventId?: number | null;
}

/** A new report's content: a title left out is written from the period; lists left out are empty. */
export interface ReportContent {
  title?: Localized | null;
  summary: Localized;
  sections?: readonly SectionFields[] | null;
  metrics?: readonly MetricValueFields[] | null;
  priorities?: readonly PriorityFields[] | null;
}

/**
 * Changes to a report's content: a part left out is unchanged; `title: null` writes the title
 * from the period again; a list given (or null, for none) replaces the whole list.
 */
export type ReportContentPatch = { [K in keyof ReportContent]?: ReportContent[K] | null };

/** The report the content belongs to. */
export interface ReportPeriod {
  stationId: number;
  year: number;
  quarter: number;
}

export type SectionRow = Omit<Prisma.ReportSectionCreateManyInput, 'reportId' | 'id'>;
export type MetricRow = { metricId: number; value: number; noteZh: string | null; noteEn: string | null };
export type PriorityRow = {
  position: number;
  areaId: number | null;
  issueZh: string;
  issueEn: string | null;
  raisedOn: Date;
  actionZh: string | null;
  actionEn: string | null;
  actionOn: Date | null;
  surveyCampaignId: number | null;
  indicator: SurveyIndicator | null;
  eventId: number | null;
};

/** The rows of a report's lists; a list left out is not there. */
export type ContentRows = {
  sections?: SectionRow[];
  metrics?: MetricRow[];
  priorities?: PriorityRow[];
};

const PATH = 'content';

const trimmed = (text: Localized) => ({ zh: text.zh.trim(), en: text.en?.trim() || null });
const pair = <B extends string>(base: B, text: Localized | null | undefined) => {
  const t = text ? trimmed(text) : null;
  return { [`${base}Zh`]: t?.zh ?? null, [`${base}En`]: t?.en ?? null } as Record<`${B}Zh` | `${B}En`, string | null>;
};

/**
 * The title columns: a given title must name the report's period (REPORT_TITLE_MISMATCH);
 * `null` (or left out on create) writes the title from the period.
 */
export function titleColumns(title: Localized | null, period: ReportPeriod): Pick<HeaderColumns, 'titleZh' | 'titleEn'> {
  if (title === null) {
    const derived = reportTitle(period.year, period.quarter);
    return { titleZh: derived.zh, titleEn: derived.en };
  }
  titleMatchesPeriod(title, period.year, period.quarter, `${PATH}.title`);
  const t = trimmed(title);
  return { titleZh: t.zh, titleEn: t.en };
}

/** A report's title and summary columns. */
export interface HeaderColumns {
  titleZh: string;
  titleEn: string | null;
  summaryZh: string;
  summaryEn: string | null;
}

/** The header columns a patch sets (title, summary); a summary cannot be cleared (FIELD_REQUIRED). */
export function headerColumns(patch: ReportContentPatch, period: ReportPeriod): Partial<HeaderColumns> {
  if (patch.summary === null) throw new RuleError('FIELD_REQUIRED', `${PATH}.summary`, 'A report needs a summary: give one or leave it out.');
  const summary = patch.summary === undefined ? null : trimmed(patch.summary);
  return {
    ...(patch.title === undefined ? {} : titleColumns(patch.title, period)),
    ...(summary === null ? {} : { summaryZh: summary.zh, summaryEn: summary.en }),
  };
}

/** A new report's header: the title given (matching the period) or written from the period, and the summary. */
export function newHeader(content: ReportContent, period: ReportPeriod): HeaderColumns {
  const summary = trimmed(content.summary);
  return { ...titleColumns(content.title ?? null, period), summaryZh: summary.zh, summaryEn: summary.en };
}

/** DATE_IN_FUTURE for a raised or action day after today, ACTION_BEFORE_ISSUE for an action before its issue. */
export function checkPriorityDates(p: { raisedOn: Date; actionOn: Date | null }, index: number, today = chinaDay()): void {
  const path = `${PATH}.priorities.${index}`;
  notInFuture(p.raisedOn, `${path}.raisedOn`, today);
  notInFuture(p.actionOn, `${path}.actionOn`, today);
  notBefore(p.actionOn, p.raisedOn, 'ACTION_BEFORE_ISSUE', `${path}.actionOn`, 'The action cannot be dated before the day the issue was raised.');
}

async function metricRows(tx: Prisma.TransactionClient, metrics: readonly MetricValueFields[]): Promise<MetricRow[]> {
  const keys = metrics.map((m) => m.metricKey);
  const catalogue = await tx.metric.findMany({ where: { key: { in: keys } }, select: { id: true, key: true, kind: true } });
  const byKey = new Map(catalogue.map((m) => [m.key, m]));
  const problems = keys.flatMap((key, i) =>
    byKey.has(key) ? (keys.indexOf(key) === i ? [] : [{ path: `${PATH}.metrics.${i}.metricKey`, message: 'each metric at most once' }])
      : [{ path: `${PATH}.metrics.${i}.metricKey`, message: 'unknown metric key' }],
  );
  if (problems.length > 0) {
    const unknown = keys.filter((k) => !byKey.has(k));
    throw new InputError(unknown.length > 0 ? `Unknown metric key(s): ${unknown.join(', ')}.` : 'A metric is given more than once.', { fields: problems });
  }
  return metrics.map((m, i) => {
    const metric = byKey.get(m.metricKey);
    if (!metric) throw new Error('checked above');
    metricInBounds(metric.kind, m.metricKey, m.value, `${PATH}.metrics.${i}.value`);
    return { metricId: metric.id, value: Math.round(m.value * 100) / 100, ...pair('note', m.note) };
  });
}

/** The ids a list of priorities refers to, loaded once. */
async function linkedRecords(tx: Prisma.TransactionClient, priorities: readonly PriorityFields[]) {
  const ids = (pick: (p: PriorityFields) => number | null | undefined) => [...new Set(priorities.map(pick).filter((id): id is number => id != null))];
  const [areas, campaigns, events] = await Promise.all([
    tx.area.findMany({ where: { id: { in: ids((p) => p.areaId) } }, select: { id: true, stationId: true } }),
    tx.surveyCampaign.findMany({
      where: { id: { in: ids((p) => p.surveyCampaignId) } },
      select: { id: true, stationId: true, status: true, questions: { select: { indicator: true } } },
    }),
    tx.event.findMany({ where: { id: { in: ids((p) => p.eventId) } }, select: { id: true, stationId: true, kind: true } }),
  ]);
  return { areas: new Map(areas.map((a) => [a.id, a])), campaigns: new Map(campaigns.map((c) => [c.id, c])), events: new Map(events.map((e) => [e.id, e])) };
}

type Linked = Awaited<ReturnType<typeof linkedRecords>>;

/** The area and links of one priority: records of the report's station, a published survey that asked the indicator, a residents' meeting. */
function checkLinks(p: PriorityFields, path: string, stationId: number, linked: Linked): void {
  const invalid = (field: string, message: string) => new RuleError('PRIORITY_LINK_INVALID', `${path}.${field}`, message);
  if (p.areaId != null) {
    const area = linked.areas.get(p.areaId);
    if (!area) throw new NotFoundError('No area has this id.', { entityType: 'Area', field: `${path}.areaId` });
    if (area.stationId !== stationId) throw new RuleError('AREA_OF_ANOTHER_STATION', `${path}.areaId`, 'The area belongs to another station than the report.');
  }
  if (p.surveyCampaignId != null && p.eventId != null) throw invalid('eventId', 'Link a priority to a survey result or to a meeting, not both.');
  if (p.indicator != null && p.surveyCampaignId == null) throw invalid('surveyCampaignId', 'An indicator needs the survey whose result it is.');
  if (p.surveyCampaignId != null) {
    const campaign = linked.campaigns.get(p.surveyCampaignId);
    if (!campaign) throw new NotFoundError('No survey has this id.', { entityType: 'SurveyCampaign', field: `${path}.surveyCampaignId` });
    if (campaign.stationId !== stationId) {
      throw new RuleError('CAMPAIGN_OF_ANOTHER_STATION', `${path}.surveyCampaignId`, 'The survey belongs to another station than the report.');
    }
    if (campaign.status !== 'PUBLISHED') throw invalid('surveyCampaignId', 'Link a published survey: a draft has no results.');
    if (p.indicator == null) throw invalid('indicator', 'Name the indicator of the survey result the priority answers.');
    if (!campaign.questions.some((q) => q.indicator === p.indicator)) throw invalid('indicator', 'The survey asked no question on this indicator.');
  }
  if (p.eventId != null) {
    const event = linked.events.get(p.eventId);
    if (!event) throw new NotFoundError('No event has this id.', { entityType: 'Event', field: `${path}.eventId` });
    if (event.stationId !== stationId) throw new RuleError('EVENT_OF_ANOTHER_STATION', `${path}.eventId`, 'The event belongs to another station than the report.');
    if (event.kind !== 'RESIDENTS_MEETING') throw invalid('eventId', 'Link a residents\' meeting (议事会/恳谈会), where residents raise concerns.');
  }
}

async function priorityRows(tx: Prisma.TransactionClient, priorities: readonly PriorityFields[], stationId: number, today: Date): Promise<PriorityRow[]> {
  const linked = await linkedRecords(tx, priorities);
  return priorities.map((p, i) => {
    const actionOn = p.actionOn ?? null;
    checkPriorityDates({ raisedOn: p.raisedOn, actionOn }, i, today);
    checkLinks(p, `${PATH}.priorities.${i}`, stationId, linked);
    const issue = trimmed(p.issue);
    return {
      position: i + 1,
      areaId: p.areaId ?? null,
      issueZh: issue.zh,
      issueEn: issue.en,
      raisedOn: p.raisedOn,
      ...pair('action', p.action),
      actionOn,
      surveyCampaignId: p.surveyCampaignId ?? null,
      indicator: p.indicator ?? null,
      eventId: p.eventId ?? null,
    };
  });
}

/**
 * The rows of the lists a patch gives (null: an empty list), checked against the content
 * rules: metric keys of the catalogue (BAD_USER_INPUT) with values their kind allows
 * (METRIC_OUT_OF_RANGE), priority dates (DATE_IN_FUTURE, ACTION_BEFORE_ISSUE), areas and
 * links of the report's station.
 */
export async function contentRows(tx: Prisma.TransactionClient, patch: ReportContentPatch, stationId: number, today = chinaDay()): Promise<ContentRows> {
  return {
    ...(patch.sections === undefined
      ? {}
      : { sections: (patch.sections ?? []).map((s, i) => ({ position: i + 1, ...pair('heading', s.heading), ...pair('body', s.body) }) as SectionRow) }),
    ...(patch.metrics === undefined ? {} : { metrics: await metricRows(tx, patch.metrics ?? []) }),
    ...(patch.priorities === undefined ? {} : { priorities: await priorityRows(tx, patch.priorities ?? [], stationId, today) }),
  };
}

const SECTION_COLUMNS = { position: true, headingZh: true, headingEn: true, bodyZh: true, bodyEn: true } as const;
const METRIC_COLUMNS = { metricId: true, value: true, noteZh: true, noteEn: true } as const;
const PRIORITY_COLUMNS = {
  position: true, areaId: true, issueZh: true, issueEn: true, raisedOn: true, actionZh: true, actionEn: true, actionOn: true,
  surveyCampaignId: true, indicator: true, eventId: true,
} as const;

/** A report's stored lists, as rows like {@link contentRows} makes. */
export async function storedRows(tx: Prisma.TransactionClient, reportId: number): Promise<Required<ContentRows>> {
  const [sections, metrics, priorities] = await Promise.all([
    tx.reportSection.findMany({ where: { reportId }, select: SECTION_COLUMNS, orderBy: { position: 'asc' } }),
    tx.metricValue.findMany({ where: { reportId }, select: METRIC_COLUMNS, orderBy: [{ metric: { position: 'asc' } }, { id: 'asc' }] }),
    tx.reportPriority.findMany({ where: { reportId }, select: PRIORITY_COLUMNS, orderBy: { position: 'asc' } }),
  ]);
  return { sections, metrics: metrics.map((m) => ({ ...m, value: m.value.toNumber() })), priorities };
}

const canonical = (rows: readonly object[]) => JSON.stringify(rows);

/** The lists of `rows` that differ from the stored ones (metric values compared by metric, not order). */
export function changedRows(stored: Required<ContentRows>, rows: ContentRows): ContentRows {
  const byMetric = (list: readonly MetricRow[]) => [...list].sort((a, b) => a.metricId - b.metricId);
  return {
    ...(rows.sections && canonical(rows.sections) !== canonical(stored.sections) ? { sections: rows.sections } : {}),
    ...(rows.metrics && canonical(byMetric(rows.metrics)) !== canonical(byMetric(stored.metrics)) ? { metrics: rows.metrics } : {}),
    ...(rows.priorities && canonical(rows.priorities) !== canonical(stored.priorities) ? { priorities: rows.priorities } : {}),
  };
}

/** Replaces the lists `rows` gives of report `reportId`. */
export async function writeRows(tx: Prisma.TransactionClient, reportId: number, rows: ContentRows): Promise<void> {
  if (rows.sections) {
    await tx.reportSection.deleteMany({ where: { reportId } });
    await tx.reportSection.createMany({ data: rows.sections.map((r) => ({ ...r, reportId })) });
  }
  if (rows.metrics) {
    await tx.metricValue.deleteMany({ where: { reportId } });
    await tx.metricValue.createMany({ data: rows.metrics.map((r) => ({ ...r, reportId })) });
  }
  if (rows.priorities) {
    await tx.reportPriority.deleteMany({ where: { reportId } });
    await tx.reportPriority.createMany({ data: rows.priorities.map((r) => ({ ...r, reportId })) });
  }
}

/**
 * The content rules a report must meet to be published, checked again on its stored content
 * (it may have been written before a rule existed): title and period, priority dates, metric
 * values within their kind.
 */
export async function checkPublishable(tx: Prisma.TransactionClient, report: ReportPeriod & { id: number; titleZh: string; titleEn: string | null }): Promise<void> {
  titleMatchesPeriod({ zh: report.titleZh, en: report.titleEn }, report.year, report.quarter, `${PATH}.title`);
  const [metrics, priorities] = await Promise.all([
    tx.metricValue.findMany({
      where: { reportId: report.id },
      select: { value: true, metric: { select: { key: true, kind: true } } },
      orderBy: [{ metric: { position: 'asc' } }, { id: 'asc' }],
    }),
    tx.reportPriority.findMany({ where: { reportId: report.id }, select: { raisedOn: true, actionOn: true }, orderBy: { position: 'asc' } }),
  ]);
  metrics.forEach((m, i) => metricInBounds(m.metric.kind, m.metric.key, m.value.toNumber(), `${PATH}.metrics.${i}.value`));
  const today = chinaDay();
  priorities.forEach((p, i) => checkPriorityDates(p, i, today));
}
