import type { PrismaClient } from '@openstation/db';
import type { LoginGate } from './auth/login-throttle.ts';
import type { Principal } from './auth/principal.ts';
import type { Loaders } from './loaders.ts';
import type { PortalUpdatesStatus } from './portal-updates.ts';
import type { ContentWarning } from './domain/actor.ts';
import type { PublicChangeListener } from './domain/public-change.ts';

/** The languages content is published in; Chinese is the source of truth. */
export type Locale = 'ZH' | 'EN';

/** What every resolver receives. */
export interface Context {
  prisma: PrismaClient;
  locale: Locale;
  loaders: Loaders;
  /** Who is calling (anonymous, a staff session or an API client), resolved once per request. */
  principal: Principal;
  /** Counts a survey submission against this client's limit, or throws RATE_LIMITED. */
  takeSurveySubmission: () => Promise<void>;
  /** Throttles failed logins of this client (its address) and of each account. */
  loginGate: LoginGate;
  /** Announces a committed change the portal shows (called by the domain's unit of work); never throws. */
  publicChanged: PublicChangeListener;
  /** Warnings of this request's committed changes, answered in `extensions.warnings`. */
  warnings: ContentWarning[];
  /** How the portal follows changes (build queue, webhook), if this process does that. */
  portalUpdatesStatus: () => PortalUpdatesStatus | null;
}

/** Picks the response language from `Accept-Language` (English if it is preferred, else Chinese). */
export function localeFromRequest(request: Request): Locale {
  const header = request.headers.get('accept-language') ?? '';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'EN' : 'ZH';
}
