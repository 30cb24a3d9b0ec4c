/** A committed change that the public portal shows, for whatever rebuilds or announces it. */
export interface PublicChange {
  /** The audit action, e.g. `workReport.publish`. */
  action: string;
  /** The audited entity type, e.g. `WorkReport`. */
  entityType: string;
  /** The station whose pages change; null for changes every station shows (the metric catalogue) or a schedule tick. */
  stationId?: number | null;
}

/**
 * Receives public changes after their transaction has committed; must not throw. What it
 * returns (a promise, if anything) is awaited before the write returns: the response cache
 * drops stale answers before the writer reads again.
 */
export type PublicChangeListener = (change: PublicChange) => unknown;

/** Entity types the portal never shows. */
const PRIVATE_ENTITY_TYPES = new Set(['StaffUser', 'ApiClient', 'TrustedOperation', 'Referral', 'AuditEntry']);

/** Actions on public entity types that change nothing public: drafts (reports, surveys), invitation codes. */
const PRIVATE_ACTIONS = new Set([
  'workReport.create',
  'workReport.update',
  'workReport.deleteDraft',
  'surveyCampaign.create',
  'surveyCampaign.deleteDraft',
  'invitationCodes.generate',
]);

/**
 * Whether an audited change can alter the public portal. Anything not known to be private
 * counts as public, so a new content mutation triggers a rebuild without being listed here.
 */
export function isPublicChange({ action, entityType }: PublicChange): boolean {
  return !PRIVATE_ENTITY_TYPES.has(entityType) && !PRIVATE_ACTIONS.has(action);
}
