import { globalId } from '@openstation/site/global-id';
import type { ApiClient } from './api.ts';
import type { Me } from './queries.ts';
import { editsContent } from './roles.ts';
import { actsFor } from './stations.ts';
import { CAMPAIGN } from './survey-queries.ts';

/**
 * The campaign of a survey page's address (`surveys/12/…`), with the HTTP status the page
 * answers: 404 for no such campaign, 403 unless the signed-in person keeps surveys of its station.
 */
export async function campaignOfPage(api: ApiClient, staff: Me, number: string) {
  const found = /^\d{1,9}$/.test(number) ? await api.query(CAMPAIGN, { id: globalId('SurveyCampaign', number) }) : null;
  if (found && !found.ok && found.problems.some((p) => p.code === 'FORBIDDEN')) return { campaign: null, status: 403 } as const;
  const campaign = found?.ok && found.data.node?.__typename === 'SurveyCampaign' ? found.data.node : null;
  if (!campaign) return { campaign: null, status: 404 } as const;
  if (!editsContent(staff) || !actsFor(staff, campaign.station.slug)) return { campaign: null, status: 403 } as const;
  return { campaign, status: 200 } as const;
}

/** The state a campaign is in, as one word: a draft, or its phase once published. */
export function campaignState(campaign: { status: string; phase: string }): 'DRAFT' | 'NOT_YET_OPEN' | 'OPEN' | 'CLOSED' {
  if (campaign.status === 'DRAFT') return 'DRAFT';
  return campaign.phase === 'OPEN' ? 'OPEN' : campaign.phase === 'CLOSED' ? 'CLOSED' : 'NOT_YET_OPEN';
}
