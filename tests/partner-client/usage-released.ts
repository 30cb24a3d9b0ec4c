// Compiled only by tests/server/partner-client.test.ts, next to the types GraphQL Code Generator
// wrote for the operations (./operations.ts): a partner's code reading the results.
import type {
  AcceptReferralMutation,
  LatestReportQuery,
  MediationFiguresQuery,
  NodeRefetchQuery,
  OfficerCard_OfficerFragment,
  OfficerForVillageQuery,
  PartnerReferralsQuery,
  ServiceSearchQuery,
  StationBySlugQuery,
  SurveyResultsQuery,
} from './operations.ts';

export function areaNames(result: StationBySlugQuery): string[] {
  const phone: string = result.station?.dutyPhone ?? '';
  return result.station?.areas.edges.map((edge) => `${edge.node.name.zh} ${edge.node.kind} ${phone}`) ?? [];
}

export function officerCards(result: OfficerForVillageQuery): OfficerCard_OfficerFragment[] {
  return result.officers.edges.map((edge) => edge.node);
}

export function figures(result: LatestReportQuery): Record<string, number> {
  return Object.fromEntries(result.latestReport?.metrics.map((m) => [m.metric.key, m.value]) ?? []);
}

export function successRate(result: MediationFiguresQuery): number | null {
  return result.mediationStats.total.successRate;
}

export function fees(result: ServiceSearchQuery): string[] {
  return result.serviceItems.edges.map((edge) => `${edge.node.title.zh}: ${edge.node.fee.zh} (${edge.node.timeLimitDays ?? '—'})`);
}

export function indicatorShares(result: SurveyResultsQuery): (number | null)[] {
  return result.surveyResults.indicators.map((i) => i.share.share);
}

export function describeNode(result: NodeRefetchQuery): string {
  const node = result.node;
  if (!node) return '';
  switch (node.__typename) {
    case 'Station':
      return node.slug;
    case 'Area':
      return node.kind;
    case 'Officer':
      return node.role;
    default:
      return node.id;
  }
}

export function openReferralIds(result: PartnerReferralsQuery): string[] {
  return result.referrals.edges.filter((e) => e.node.status !== 'RESOLVED').map((e) => e.node.id);
}

export function accepted(result: AcceptReferralMutation): boolean {
  return result.acceptReferral.status === 'ACCEPTED';
}
