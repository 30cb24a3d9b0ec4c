import type { StaffRole } from '@openstation/db';
import type { Principal } from '../auth/principal.ts';
import { ForbiddenError } from '../errors.ts';
import type { Actor } from './actor.ts';

/** What a change needs of a staff member: a role (ADMIN always qualifies). */
export type Need = 'staff' | 'editor' | 'mediator' | 'admin';

const ROLES: Record<Need, readonly StaffRole[]> = {
  staff: ['ADMIN', 'EDITOR', 'MEDIATOR'],
  editor: ['ADMIN', 'EDITOR'],
  mediator: ['ADMIN', 'MEDIATOR'],
  admin: ['ADMIN'],
};

/** Whether the caller may act for the station: bureau-wide staff for all, other staff for theirs, a key for its partner's. */
export function actsFor(principal: Principal, stationId: number): boolean {
  if (principal.kind === 'staff') return principal.stations === 'all' || principal.stations.includes(stationId);
  if (principal.kind === 'apiClient') return principal.stationId === stationId;
  return false;
}

/** Whether the caller is staff acting for every station (a bureau admin or bureau-wide account). */
export function isBureauWide(principal: Principal): boolean {
  return principal.kind === 'staff' && principal.stations === 'all';
}

/**
 * The stations whose non-public records the caller may read, as a Prisma filter on
 * `stationId` (nothing for bureau-wide staff, the caller's ids otherwise).
 */
export function stationFilter(principal: Principal): { in: number[] } | undefined {
  if (isBureauWide(principal)) return undefined;
  if (principal.kind === 'staff' && principal.stations !== 'all') return { in: [...principal.stations] };
  if (principal.kind === 'apiClient' && principal.stationId !== null) return { in: [principal.stationId] };
  return { in: [] };
}

/** FORBIDDEN unless the caller is staff with the role `need` (ADMIN always qualifies). */
export function requireRole(actor: Actor, need: Need): void {
  const { principal } = actor;
  if (principal.kind !== 'staff' || !ROLES[need].includes(principal.role)) {
    throw new ForbiddenError(`This change needs a staff account with the ${need === 'staff' ? 'staff' : need.toUpperCase()} role.`, { need });
  }
}

/** FORBIDDEN unless the caller acts for `stationId`. */
export function requireStation(actor: Actor, stationId: number): void {
  if (!actsFor(actor.principal, stationId)) {
    throw new ForbiddenError('You do not act for this station: ask an admin to add it to your account.', { stationId });
  }
}

/** {@link requireRole} and {@link requireStation} together: the check every station-bound change makes. */
export function authorize(actor: Actor, need: Need, stationId: number): void {
  requireRole(actor, need);
  requireStation(actor, stationId);
}
