import type { Me } from './queries.ts';

/** Whether the signed-in person keeps a station's content (areas, officers, service guide, teams, events): editors and admins. */
export const editsContent = (staff: Me): boolean => staff.role === 'ADMIN' || staff.role === 'EDITOR';

/** Whether the signed-in person keeps mediation rooms: any staff role (the API lets editors, mediators and admins). */
export const keepsRooms = (staff: Me): boolean => staff.role === 'ADMIN' || staff.role === 'EDITOR' || staff.role === 'MEDIATOR';
