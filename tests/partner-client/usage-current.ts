// Compiled only by tests/server/partner-client.test.ts against the current schema's types.
import type { CreateReferralMutation, EventsByKindQuery, NodeContactsQuery, StationDirectoryQuery, ViewerQuery } from './operations.ts';

export function myStation(result: ViewerQuery): string | null {
  return result.viewer.kind === 'API_CLIENT' ? (result.viewer.station?.slug ?? null) : null;
}

export function referredBy(result: CreateReferralMutation): string {
  return `${result.createReferral.partner.slug} ${result.createReferral.direction}`;
}

export function meetings(result: EventsByKindQuery): string[] {
  return result.events.edges.map((edge) => `${edge.node.eventKind} ${edge.node.startsAt}`);
}

/** One phone per contact, whatever kind of record: the selection a Node union could not hold before. */
export function phones(result: NodeContactsQuery): (string | null)[] {
  return result.nodes.map((node) => {
    if (!node) return null;
    switch (node.__typename) {
      case 'Station':
        return node.dutyPhone;
      case 'Officer':
        return node.workPhone;
      case 'MediationRoom':
        return node.phone;
      default:
        return null;
    }
  });
}

export function directorySize(result: StationDirectoryQuery): number {
  const station = result.station;
  if (!station) return 0;
  return station.officers.edges.length + station.partnersConnection.edges.length + station.mediationRoomsConnection.edges.length;
}
