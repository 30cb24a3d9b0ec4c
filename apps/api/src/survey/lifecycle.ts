import type { SurveyStatus } from '@openstation/db';
import { ClientError, StateError } from '../errors.ts';
import { campaignPhase, isoDate } from './calendar.ts';

/** What the lifecycle rules need to know of a campaign. */
export interface CampaignState {
  status: SurveyStatus;
  opensOn: Date;
  closesOn: Date;
}

/** The parts of a campaign an update asks to change that can be locked (the title never is). */
export interface CampaignChange {
  opensOn: Date | null;
  closesOn: Date | null;
  questions: boolean;
}

/**
 * Refuses, with SURVEY_LOCKED, an update that changes what a campaign's state no longer lets
 * change on `today` (China date):
 * - a DRAFT, and a published campaign that has not opened, may change everything;
 * - once a published campaign has opened its questions and opening date are fixed (answers
 *   were given to those questions from that day); its title and closing date may change;
 * - once it has closed only its title may change (its results are public);
 * - questions are never replaced while responses exist, whatever the state.
 */
export function assertChangeAllowed(campaign: CampaignState, change: CampaignChange, today: string, responses: number): void {
  const phase = campaign.status === 'DRAFT' ? 'DRAFT' : campaignPhase(campaign, today);
  const changes = (before: Date, after: Date | null) => after !== null && isoDate(after) !== isoDate(before);
  const locked: string[] = [];
  if (change.questions && (responses > 0 || phase === 'OPEN' || phase === 'CLOSED')) locked.push('questions');
  if ((phase === 'OPEN' || phase === 'CLOSED') && changes(campaign.opensOn, change.opensOn)) locked.push('opensOn');
  if (phase === 'CLOSED' && changes(campaign.closesOn, change.closesOn)) locked.push('closesOn');
  if (locked.length > 0) {
    throw new ClientError(
      'SURVEY_LOCKED',
      phase === 'CLOSED'
        ? 'This survey has closed: only its title may change.'
        : `This survey has opened or holds responses: ${locked.join(' and ')} can no longer change.`,
      { fields: locked },
    );
  }
}

/**
 * Refuses to publish a campaign that is not a DRAFT (INVALID_STATE), has no questions, or
 * closes before `today` (SURVEY_INCOMPLETE, `extensions.reason` NO_QUESTIONS or CLOSES_IN_PAST).
 * A CODE campaign may be published before it has codes: they can be made until it closes.
 */
export function assertPublishable(campaign: CampaignState & { questions: number }, today: string): void {
  if (campaign.status !== 'DRAFT') throw new StateError('This survey is already published.');
  if (campaign.questions === 0) {
    throw new ClientError('SURVEY_INCOMPLETE', 'A survey needs at least one question before it is published.', { reason: 'NO_QUESTIONS' });
  }
  if (isoDate(campaign.closesOn) < today) {
    throw new ClientError('SURVEY_INCOMPLETE', 'The survey\'s closing date has passed: move it before publishing.', { reason: 'CLOSES_IN_PAST' });
  }
}
