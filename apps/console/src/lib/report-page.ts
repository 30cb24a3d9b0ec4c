import { label } from '@openstation/site/i18n';
import { type Lang, localized, t } from '../i18n/index.ts';
import type { ApiClient, ApiProblem } from './api.ts';
import { REPORT_CHOICES, type CatalogueMetric, type ReportChoices, type ReportRecord, type ReportWarning } from './report-queries.ts';
import { reportFormField } from './report-form.ts';
import { ruleMessage } from './rule-messages.ts';

/** A choice of the "what residents said" list. */
export interface LinkOption {
  value: string;
  label: string;
}

/** What the report form offers for one station and quarter. */
export interface ReportFormChoices {
  catalogue: CatalogueMetric[];
  areas: { id: string; name: { zh: string; en: string | null } }[];
  surveyLinks: LinkOption[];
  meetingLinks: LinkOption[];
  /** The station's newest published report, to pre-fill a new one from. */
  previous: ReportRecord | null;
  /** The same quarter one year earlier: its figures by metric key. */
  lastYear: Map<string, number>;
}

/** Loads what the report form of `slug`'s report on `year`/`quarter` offers. */
export async function reportFormChoices(api: ApiClient, lang: Lang, slug: string, year: number, quarter: number): Promise<ReportFormChoices> {
  const answer = await api.query(REPORT_CHOICES, { slug, lastYear: year - 1, quarter });
  if (!answer.ok) throw new Error(`Could not load the report form's choices for ${slug}: ${answer.problems[0]?.message ?? 'no answer'}`);
  const data: ReportChoices = answer.data;
  const surveyLinks = data.surveyCampaigns.flatMap((c) =>
    [...new Set(c.questions.map((q) => q.indicator))].map((indicator) => ({
      value: `survey:${c.id}:${indicator}`,
      label: t(lang, 'report.linkSurvey', { period: c.period, indicator: label(lang, 'indicator', indicator) }),
    })),
  );
  const meetingLinks = data.events.edges
    .map((e) => e.node)
    .filter((e) => e.kind === 'RESIDENTS_MEETING')
    .map((e) => ({ value: `event:${e.id}`, label: t(lang, 'report.linkEvent', { date: e.startsAt.slice(0, 10), title: localized(e.title, lang) }) }));
  return {
    catalogue: data.metrics,
    areas: data.station?.areas.edges.map((e) => e.node) ?? [],
    surveyLinks,
    meetingLinks,
    previous: data.previous.edges[0]?.node ?? null,
    lastYear: new Map(data.lastYear.edges[0]?.node.metrics.map((m) => [m.metric.key, m.value]) ?? []),
  };
}

/** Which form field each list entry of a stored report is (its warnings name entries by position). */
export function storedEntries(report: ReportRecord): Map<string, string> {
  const entries = new Map<string, string>();
  report.metrics.forEach((m, i) => entries.set(`content.metrics.${i}`, `m.${m.metric.key}`));
  report.sections.forEach((_, i) => entries.set(`content.sections.${i}`, `s${i}`));
  report.priorities.forEach((_, i) => entries.set(`content.priorities.${i}`, `p${i}`));
  return entries;
}

/** Messages by form field, and those that name no field of the form (shown at the top). */
export interface PlacedMessages {
  byField: Record<string, string>;
  unplaced: string[];
}

/** The API's problems (or warnings) in the page's language, beside the form field each names. */
export function placeMessages(lang: Lang, items: readonly (ApiProblem | ReportWarning)[], entries: ReadonlyMap<string, string>, today: string): PlacedMessages {
  const byField: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const item of items) {
    const message = ruleMessage(lang, item, today);
    const field = reportFormField(item.field, entries);
    if (field) byField[field] = byField[field] ? `${byField[field]} ${message}` : message;
    else unplaced.push(message);
  }
  return { byField, unplaced };
}

/** A report's warnings as lines of the list above the form: each names the figure it concerns. */
export function warningLines(lang: Lang, report: ReportRecord, catalogue: readonly CatalogueMetric[], today: string): string[] {
  const entries = storedEntries(report);
  const names = new Map(catalogue.map((m) => [`m.${m.key}`, localized(m.name, lang)]));
  return report.warnings.map((w) => {
    const name = names.get(reportFormField(w.field, entries) ?? '');
    const message = ruleMessage(lang, w, today);
    return name ? `${name}${lang === 'zh' ? '：' : ': '}${message}` : message;
  });
}
