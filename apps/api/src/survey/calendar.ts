/** The date in China (UTC+8, no daylight saving) as `YYYY-MM-DD`: the only time a survey response keeps. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A `@db.Date` column's value as `YYYY-MM-DD`. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export type CampaignPhase = 'NOT_YET_OPEN' | 'OPEN' | 'CLOSED';

/** Where a campaign stands on `today`: it takes answers from `opensOn` to `closesOn`, both inclusive. */
export function campaignPhase(campaign: { opensOn: Date; closesOn: Date }, today: string): CampaignPhase {
  if (today < isoDate(campaign.opensOn)) return 'NOT_YET_OPEN';
  if (today > isoDate(campaign.closesOn)) return 'CLOSED';
  return 'OPEN';
}
