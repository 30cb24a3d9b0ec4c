import { parseFigure } from './figure.ts';
import type { CatalogueMetric, LocalizedInput, ReportContentInput, ReportRecord } from './report-queries.ts';

/** A section row of the form. */
export interface SectionRow {
  headingZh: string;
  headingEn: string;
  bodyZh: string;
  bodyEn: string;
}

/** A metric row of the grid: the figure as typed, and the note kept as it was. */
export interface MetricRow {
  value: string;
  noteZh: string;
  noteEn: string;
}

/** A priority row: the area by id, and the link to what residents said as one choice (`survey:<id>:<INDICATOR>`, `event:<id>` or empty). */
export interface PriorityRow {
  issueZh: string;
  issueEn: string;
  raisedOn: string;
  actionZh: string;
  actionEn: string;
  actionOn: string;
  area: string;
  link: string;
}

/** The report form as the browser sends it (every value a string). */
export interface ReportForm {
  titleZh: string;
  titleEn: string;
  summaryZh: string;
  summaryEn: string;
  sections: SectionRow[];
  /** By metric key, in the order the grid shows them. */
  metrics: Map<string, MetricRow>;
  priorities: PriorityRow[];
  correctionZh: string;
  correctionEn: string;
}

/** Blank rows offered under the filled ones, for a new section or priority. */
export const BLANK_ROWS = 2;
const MAX_ROWS = 60;

const blankSection = (): SectionRow => ({ headingZh: '', headingEn: '', bodyZh: '', bodyEn: '' });
const blankPriority = (): PriorityRow => ({ issueZh: '', issueEn: '', raisedOn: '', actionZh: '', actionEn: '', actionOn: '', area: '', link: '' });

/** The link choice of a priority as the form's select names it. */
export function linkChoice(p: ReportRecord['priorities'][number]): string {
  if (p.surveyCampaign && p.indicator) return `survey:${p.surveyCampaign.id}:${p.indicator}`;
  if (p.event) return `event:${p.event.id}`;
  return '';
}

/** The form filled from a report: all of it (editing a draft, correcting a published one). */
export function reportForm(report: ReportRecord, catalogue: CatalogueMetric[]): ReportForm {
  const metrics = new Map<string, MetricRow>(report.metrics.map((m) => [m.metric.key, { value: String(m.value), noteZh: m.note?.zh ?? '', noteEn: m.note?.en ?? '' }]));
  for (const m of catalogue) if (!metrics.has(m.key)) metrics.set(m.key, { value: '', noteZh: '', noteEn: '' });
  return {
    titleZh: report.title.zh,
    titleEn: report.title.en ?? '',
    summaryZh: report.summary.zh,
    summaryEn: report.summary.en ?? '',
    sections: report.sections.map((s) => ({ headingZh: s.heading.zh, headingEn: s.heading.en ?? '', bodyZh: s.body.zh, bodyEn: s.body.en ?? '' })),
    metrics,
    priorities: report.priorities.map((p) => ({
      issueZh: p.issue.zh,
      issueEn: p.issue.en ?? '',
      raisedOn: p.raisedOn,
      actionZh: p.action?.zh ?? '',
      actionEn: p.action?.en ?? '',
      actionOn: p.actionOn ?? '',
      area: p.area?.id ?? '',
      link: linkChoice(p),
    })),
    correctionZh: '',
    correctionEn: '',
  };
}

/**
 * A new report's form, pre-filled from the station's last one: its section headings (bodies
 * empty) and its metric list first (figures empty), then the rest of the catalogue.
 */
export function newReportForm(previous: ReportRecord | null, catalogue: CatalogueMetric[]): ReportForm {
  const metrics = new Map<string, MetricRow>();
  for (const m of previous?.metrics ?? []) metrics.set(m.metric.key, { value: '', noteZh: '', noteEn: '' });
  for (const m of catalogue) if (!metrics.has(m.key)) metrics.set(m.key, { value: '', noteZh: '', noteEn: '' });
  return {
    titleZh: '',
    titleEn: '',
    summaryZh: '',
    summaryEn: '',
    sections: (previous?.sections ?? []).map((s) => ({ ...blankSection(), headingZh: s.heading.zh, headingEn: s.heading.en ?? '' })),
    metrics,
    priorities: [],
    correctionZh: '',
    correctionEn: '',
  };
}

/** The rows the form shows: the filled ones and {@link BLANK_ROWS} blank ones. */
export function withBlankRows(form: ReportForm): ReportForm {
  return {
    ...form,
    sections: [...form.sections, ...Array.from({ length: BLANK_ROWS }, blankSection)],
    priorities: [...form.priorities, ...Array.from({ length: BLANK_ROWS }, blankPriority)],
  };
}

/** The form as submitted: rows left wholly empty are dropped. */
export function submittedReportForm(form: FormData, catalogue: CatalogueMetric[]): ReportForm {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  const rows = <T extends object>(prefix: string, blank: () => T): T[] => {
    const out: T[] = [];
    for (let i = 0; i < MAX_ROWS && form.has(`${prefix}${i}.${Object.keys(blank())[0]}`); i++) {
      const row = Object.fromEntries(Object.keys(blank()).map((k) => [k, text(`${prefix}${i}.${k}`)])) as T;
      if (Object.values(row).some((v) => v !== '')) out.push(row);
    }
    return out;
  };
  // The grid's rows in the order the page showed them (the last report's metrics first), then any the page left out.
  const known = new Set(catalogue.map((m) => m.key));
  const shown = [...form.keys()].filter((name) => /^m\.[\w-]+$/.test(name)).map((name) => name.slice(2));
  const metrics = new Map<string, MetricRow>();
  for (const key of [...shown, ...known]) {
    if (known.has(key) && !metrics.has(key)) metrics.set(key, { value: text(`m.${key}`), noteZh: text(`m.${key}.noteZh`), noteEn: text(`m.${key}.noteEn`) });
  }
  return {
    titleZh: text('titleZh'),
    titleEn: text('titleEn'),
    summaryZh: text('summaryZh'),
    summaryEn: text('summaryEn'),
    sections: rows('s', blankSection),
    metrics,
    priorities: rows('p', blankPriority),
    correctionZh: text('correctionZh'),
    correctionEn: text('correctionEn'),
  };
}

const text = (zh: string, en: string): LocalizedInput => ({ zh, en: en === '' ? null : en });
const optionalText = (zh: string, en: string): LocalizedInput | null => (zh === '' && en === '' ? null : text(zh, en));

/** The content the form says, which API field is which form field, and the figures that are not numbers. */
export interface ReportContent {
  content: ReportContentInput;
  /** The form field of each list entry the API may name: `content.metrics.3` → `m.police_calls`. */
  fieldOfEntry: Map<string, string>;
  /** Form fields whose figure is not a number (nothing is sent then). */
  notNumbers: string[];
}

/** What the form asks the API to store: the whole content (a patch that gives every part). */
export function reportContent(form: ReportForm): ReportContent {
  const fieldOfEntry = new Map<string, string>();
  const notNumbers: string[] = [];
  const metrics: ReportContentInput['metrics'] = [];
  for (const [key, row] of form.metrics) {
    if (row.value === '') continue;
    const value = parseFigure(row.value);
    if (value === null) {
      notNumbers.push(`m.${key}`);
      continue;
    }
    fieldOfEntry.set(`content.metrics.${metrics.length}`, `m.${key}`);
    metrics.push({ metricKey: key, value, note: optionalText(row.noteZh, row.noteEn) });
  }
  form.sections.forEach((_, i) => fieldOfEntry.set(`content.sections.${i}`, `s${i}`));
  form.priorities.forEach((_, i) => fieldOfEntry.set(`content.priorities.${i}`, `p${i}`));
  return {
    fieldOfEntry,
    notNumbers,
    content: {
      title: form.titleZh === '' && form.titleEn === '' ? null : text(form.titleZh, form.titleEn),
      summary: text(form.summaryZh, form.summaryEn),
      sections: form.sections.map((s) => ({ heading: text(s.headingZh, s.headingEn), body: text(s.bodyZh, s.bodyEn) })),
      metrics,
      priorities: form.priorities.map((p) => {
        const [kind, id, indicator] = p.link.split(':');
        return {
          issue: text(p.issueZh, p.issueEn),
          raisedOn: p.raisedOn,
          action: optionalText(p.actionZh, p.actionEn),
          actionOn: p.actionOn === '' ? null : p.actionOn,
          areaId: p.area === '' ? null : p.area,
          surveyCampaignId: kind === 'survey' ? (id ?? null) : null,
          indicator: kind === 'survey' ? (indicator ?? null) : null,
          eventId: kind === 'event' ? (id ?? null) : null,
        };
      }),
    },
  };
}

/** Sub-fields of a list entry the API names, and the form field each is shown beside. */
const ENTRY_FIELD: Record<string, string> = {
  heading: 'headingZh',
  'heading.zh': 'headingZh',
  'heading.en': 'headingEn',
  body: 'bodyZh',
  'body.zh': 'bodyZh',
  'body.en': 'bodyEn',
  issue: 'issueZh',
  'issue.zh': 'issueZh',
  'issue.en': 'issueEn',
  action: 'actionZh',
  'action.zh': 'actionZh',
  'action.en': 'actionEn',
  raisedOn: 'raisedOn',
  actionOn: 'actionOn',
  areaId: 'area',
  surveyCampaignId: 'link',
  indicator: 'link',
  eventId: 'link',
};

const TOP_FIELD: Record<string, string> = {
  quarter: 'period',
  year: 'period',
  'content.title': 'titleZh',
  'content.title.zh': 'titleZh',
  'content.title.en': 'titleEn',
  'content.summary': 'summaryZh',
  'content.summary.zh': 'summaryZh',
  'content.summary.en': 'summaryEn',
  correctionNote: 'correctionZh',
  'correctionNote.zh': 'correctionZh',
  'correctionNote.en': 'correctionEn',
};

/** The form field beside which an API error or warning naming `apiField` is shown, if any. */
export function reportFormField(apiField: string | null, fieldOfEntry: ReadonlyMap<string, string>): string | null {
  if (!apiField) return null;
  const top = TOP_FIELD[apiField];
  if (top) return top;
  const match = /^(content\.(?:metrics|sections|priorities)\.\d+)(?:\.(.+))?$/.exec(apiField);
  if (!match?.[1]) return null;
  const entry = fieldOfEntry.get(match[1]);
  if (!entry) return null;
  if (entry.startsWith('m.')) return entry;
  const sub = ENTRY_FIELD[match[2] ?? ''];
  return sub ? `${entry}.${sub}` : `${entry}.${entry.startsWith('s') ? 'headingZh' : 'issueZh'}`;
}
