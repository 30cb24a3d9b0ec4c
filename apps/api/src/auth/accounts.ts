/**
 * Account rows written without an audit entry, for test fixtures and seeding. Everything a
 * person or tool does goes through the domain instead (`domain/staff.ts`,
 * `domain/staff-sessions.ts`, `domain/api-clients.ts`), which checks and audits it.
 */
export { insertApiClient as createApiClient } from '../domain/api-clients.ts';
export { MIN_PASSWORD_LENGTH, insertStaffUser as createStaffUser } from '../domain/staff.ts';
export { openSession as createSession, SESSION_TTL_MS } from '../domain/staff-sessions.ts';
