import { gql } from '@urql/core';
import type { ReportView } from '@openstation/site/report';
import type { StationRef, Text } from './queries.ts';

/** A content rule's warning on a report, as publishing would give it. */
export interface ReportWarning {
  code: string;
  field: string | null;
  message: string;
}

/** A report as the console edits and previews it: what the portal shows, and the links behind it. */
export interface ReportRecord extends ReportView {
  id: string;
  status: 'DRAFT' | 'PUBLISHED';
  period: string;
  supersededAt: string | null;
  station: StationRef;
  priorities: (ReportView['priorities'][number] & {
    area: { id: string; name: Text } | null;
    surveyCampaign: { id: string } | null;
    indicator: string | null;
    event: { id: string } | null;
  })[];
  warnings: ReportWarning[];
}

const REPORT_FIELDS = `
  id status year quarter period revision publishedAt supersededAt
  title { zh en } summary { zh en } correctionNote { zh en }
  station { id slug name { zh en } }
  sections { heading { zh en } body { zh en } }
  metrics { value sameQuarterLastYear changePercent note { zh en } metric { key } }
  priorities { issue { zh en } raisedOn action { zh en } actionOn area { id name { zh en } } surveyCampaign { id } indicator event { id } }
  warnings { code field message }
`;

export const REPORT = gql<{ node: (ReportRecord & { __typename: string }) | null }, { id: string }>(`
  query ConsoleReport($id: ID!) {
    node(id: $id) { __typename ... on WorkReport { ${REPORT_FIELDS} } }
  }
`);

/** A report as the list shows it. */
export interface ReportListItem {
  id: string;
  year: number;
  quarter: number;
  period: string;
  revision: number;
  publishedAt: string | null;
  title: Text;
  correctionNote: Text | null;
}

const LIST_FIELDS = 'id year quarter period revision publishedAt title { zh en } correctionNote { zh en }';

export const STATION_REPORTS = gql<
  { workReportDrafts: { edges: { node: ReportListItem }[] }; workReports: { edges: { node: ReportListItem }[] } },
  { slug: string }
>(`
  query ConsoleStationReports($slug: String!) {
    workReportDrafts(stationSlug: $slug, first: 100) { edges { node { ${LIST_FIELDS} } } }
    workReports(stationSlug: $slug, first: 100) { edges { node { ${LIST_FIELDS} } } }
  }
`);

/** A metric of the catalogue, as the grid and the preview show it. */
export interface CatalogueMetric {
  key: string;
  kind: 'COUNT' | 'PERCENT' | 'MONEY';
  name: Text;
  unit: Text;
  definition: Text;
}

/** What the report form offers to pick from: metrics, areas by name, surveys and residents' meetings. */
export interface ReportChoices {
  metrics: CatalogueMetric[];
  station: { areas: { edges: { node: { id: string; name: Text } }[] } } | null;
  events: { edges: { node: { id: string; kind: string; title: Text; startsAt: string } }[] };
  surveyCampaigns: { id: string; period: string; title: Text; questions: { indicator: string }[] }[];
  /** The station's newest report before the period (drafts are not public, so published ones), for the pre-filled form. */
  previous: { edges: { node: ReportRecord }[] };
  /** The same quarter one year earlier, for the grid's comparison. */
  lastYear: { edges: { node: { metrics: { value: number; metric: { key: string } }[] } }[] };
}

export const REPORT_CHOICES = gql<ReportChoices, { slug: string; lastYear: number; quarter: number }>(`
  query ConsoleReportChoices($slug: String!, $lastYear: Int!, $quarter: Int!) {
    metrics { key kind name { zh en } unit { zh en } definition { zh en } }
    station(slug: $slug) { areas(first: 100) { edges { node { id name { zh en } } } } }
    events(stationSlug: $slug, first: 100) { edges { node { id kind title { zh en } startsAt } } }
    surveyCampaigns(stationSlug: $slug) { id period title { zh en } questions { indicator } }
    previous: workReports(stationSlug: $slug, first: 1) { edges { node { ${REPORT_FIELDS} } } }
    lastYear: workReports(stationSlug: $slug, year: $lastYear, quarter: $quarter, first: 1) { edges { node { metrics { value metric { key } } } } }
  }
`);

/** A localized input: Chinese, and English where given. */
export interface LocalizedInput {
  zh: string;
  en: string | null;
}

/** `WorkReportContentInput` / `WorkReportContentPatch` as the form sends them (every part given). */
export interface ReportContentInput {
  title?: LocalizedInput | null;
  summary: LocalizedInput;
  sections: { heading: LocalizedInput; body: LocalizedInput }[];
  metrics: { metricKey: string; value: number; note: LocalizedInput | null }[];
  priorities: {
    issue: LocalizedInput;
    raisedOn: string;
    action: LocalizedInput | null;
    actionOn: string | null;
    areaId: string | null;
    surveyCampaignId: string | null;
    indicator: string | null;
    eventId: string | null;
  }[];
}

export const CREATE_REPORT = gql<{ createWorkReport: { id: string } }, { stationId: string; year: number; quarter: number; content: ReportContentInput }>`
  mutation ConsoleCreateReport($stationId: ID!, $year: Int!, $quarter: Int!, $content: WorkReportContentInput!) {
    createWorkReport(stationId: $stationId, year: $year, quarter: $quarter, content: $content) { id }
  }
`;

export const UPDATE_REPORT = gql<{ updateWorkReport: { id: string } }, { id: string; content: ReportContentInput }>`
  mutation ConsoleUpdateReport($id: ID!, $content: WorkReportContentPatch!) {
    updateWorkReport(id: $id, content: $content) { id }
  }
`;

export const CORRECT_REPORT = gql<{ correctWorkReport: { id: string } }, { id: string; content: ReportContentInput; correctionNote: LocalizedInput }>`
  mutation ConsoleCorrectReport($id: ID!, $content: WorkReportContentPatch!, $correctionNote: LocalizedProseInput!) {
    correctWorkReport(id: $id, content: $content, correctionNote: $correctionNote) { id }
  }
`;

export const PUBLISH_REPORT = gql<{ publishWorkReport: { id: string; publishedAt: string } }, { id: string }>`
  mutation ConsolePublishReport($id: ID!) {
    publishWorkReport(id: $id) { id publishedAt }
  }
`;

export const DELETE_REPORT = gql<{ deleteWorkReportDraft: boolean }, { id: string }>`
  mutation ConsoleDeleteReport($id: ID!) {
    deleteWorkReportDraft(id: $id)
  }
`;

export const METRIC_CATALOGUE = gql<{ metrics: CatalogueMetric[] }, Record<string, never>>`
  query ConsoleMetricCatalogue {
    metrics { key kind name { zh en } unit { zh en } definition { zh en } }
  }
`;
