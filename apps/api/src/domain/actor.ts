import type { PrismaClient } from '@openstation/db';
import type { Principal } from '../auth/principal.ts';
import type { PublicChangeListener } from './public-change.ts';

/**
 * A rule that was not broken but that the person should know about (e.g. a report's
 * mediation figure that differs from the recorded cases). Returned beside the result, in
 * the GraphQL response's `extensions.warnings`; never blocks the change.
 */
export interface ContentWarning {
  /** Documented in docs/content-rules.md under "Warnings". */
  code: string;
  /** The input field it concerns, as a dotted path (`content.metrics.3.value`), if one. */
  field: string | null;
  message: string;
}

/**
 * Who is changing something and where the change goes: every domain function takes one.
 * The GraphQL context is an actor; the CSV import and the CLIs build one.
 */
export interface Actor {
  prisma: PrismaClient;
  principal: Principal;
  /** Told of each committed change the portal shows; never throws. */
  publicChanged: PublicChangeListener;
  /** Receives the warnings of committed changes (GraphQL puts them in `extensions.warnings`). */
  warnings: ContentWarning[];
}
