import { builder } from '../builder.ts';
import type { ContentWarning as Warning } from '../domain/actor.ts';

/**
 * A content rule that was not broken but that the person should know about, as mutations
 * return them in `extensions.warnings` and fields like `WorkReport.warnings` compute them.
 * Codes are listed in docs/content-rules.md under "Warnings".
 */
export const ContentWarning = builder.objectRef<Warning>('ContentWarning').implement({
  description: 'A content rule that does not block the change but that the person should know about (docs/content-rules.md, "Warnings").',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'E.g. `MEDIATION_FIGURE_DIFFERS`.' }),
    field: t.exposeString('field', { nullable: true, description: 'The input field it concerns, as a dotted path (`content.metrics.3.value`), if one.' }),
    message: t.exposeString('message'),
  }),
});
