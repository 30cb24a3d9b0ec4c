import { builder } from '../builder.ts';
import './scalars.ts';
import './localized.ts';
import './station.ts';
import './station-hours.ts';
import './honour.ts';
import './area.ts';
import './officer.ts';
import './service-item.ts';
import './metric.ts';
import './work-report.ts';
import './mediation.ts';
import './partner-agency.ts';
import './volunteer-team.ts';
import './event.ts';
import './staff-user.ts';
import './api-client.ts';
import './trusted-operation.ts';
import './audit-entry.ts';
import './station-mutations.ts';
import './station-hours-mutations.ts';
import './area-mutations.ts';
import './officer-mutations.ts';
import './service-item-mutations.ts';
import './community-mutations.ts';
import './mediation-mutations.ts';
import './work-report-mutations.ts';
import './referral.ts';
import './survey.ts';
import './survey-mutations.ts';
import './survey-results.ts';
import './portal-build-status.ts';
import './viewer.ts';
import './release-calendar.ts';
import './csv.ts';

builder.queryType({
  description: 'What can be read: public data without a key; more with a key\'s scopes or a staff session.',
});
builder.mutationType({
  description: 'What can be changed: staff by role and station, partner keys by scope (their own agency\'s records only).',
});

export const schema = builder.toSchema();
