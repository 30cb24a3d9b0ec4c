import type { Text } from './text.ts';

/** What the report page says about one metric of the catalogue. */
export interface ReportMetricInfo {
  name: Text;
  unit: Text;
  definition: Text;
}

/**
 * A quarterly report as the portal's report page shows it (and the console's preview, which
 * renders the same component): published, or a draft not yet published (`publishedAt` null).
 */
export interface ReportView {
  year: number;
  quarter: number;
  revision: number;
  publishedAt: string | null;
  title: Text;
  summary: Text;
  correctionNote: Text | null;
  sections: { heading: Text; body: Text }[];
  metrics: { value: number; sameQuarterLastYear: number | null; changePercent: number | null; note: Text | null; metric: { key: string } }[];
  priorities: { issue: Text; raisedOn: string; action: Text | null; actionOn: string | null; area: { name: Text } | null }[];
}
