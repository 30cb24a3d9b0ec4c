import type { Me } from './queries.ts';

/** Whether the signed-in person records mediation cases: mediators and admins (the API's `mediator` need). */
export function mediates(staff: Me): boolean {
  return staff.role === 'ADMIN' || staff.role === 'MEDIATOR';
}

/** Whether the signed-in person keeps a station's content (areas, officers, reports, surveys, service guide, teams, events, holiday hours, CSV): editors and admins (the API's `editor` need). */
export const editsContent = (staff: Me): boolean => staff.role === 'ADMIN' || staff.role === 'EDITOR';

/** Whether the signed-in person keeps mediation rooms: any staff role (the API lets editors, mediators and admins). */
export const keepsRooms = (staff: Me): boolean => staff.role === 'ADMIN' || staff.role === 'EDITOR' || staff.role === 'MEDIATOR';

/** Whether the signed-in person administers accounts, keys and the audit trail: admins. */
export const administers = (staff: Me): boolean => staff.role === 'ADMIN';
