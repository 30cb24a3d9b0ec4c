import type { Me } from './queries.ts';

/** Whether the signed-in person keeps surveys: editors and admins (the API's `editor` need). */
export function keepsSurveys(staff: Me): boolean {
  return staff.role === 'ADMIN' || staff.role === 'EDITOR';
}

/** Whether the signed-in person records mediation cases: mediators and admins (the API's `mediator` need). */
export function mediates(staff: Me): boolean {
  return staff.role === 'ADMIN' || staff.role === 'MEDIATOR';
}
