import type { PrismaClient, SurveyAccessMode } from '@openstation/db';
import type { QuestionRule } from '../survey/answers.ts';
import { campaignPhase } from '../survey/calendar.ts';

/**
 * Campaigns taking answers, kept in memory so that a web submission needs no read before
 * its one statement. Only what cannot change while a campaign is open is trusted from here:
 * its questions (locked once it opens, `SURVEY_LOCKED`), access mode and station. What can
 * change — its status and dates (closing it), and whether the area a resident names is still
 * a current area of the station — the storing statement checks again
 * (survey-response-store.ts), so a stale entry can make a submission take the slow path but
 * never stores a response the database would refuse now. An entry is used only while its own
 * dates say the campaign is open, and for {@link TTL_MS} at most, so a new area is seen soon
 * (and at once: an area missing here is looked up in the database). Per database client, so
 * replicas and tests never share entries.
 */

export interface OpenCampaign {
  id: number;
  stationId: number;
  accessMode: SurveyAccessMode;
  opensOn: Date;
  closesOn: Date;
  /** Its questions as `validateAnswers` checks them, in order. */
  rules: readonly QuestionRule[];
  /** The station's current (not retired) areas when it was read. */
  areaIds: ReadonlySet<number>;
}

/** How long an entry is used: the longest a new area can wait to be trusted from memory. */
export const TTL_MS = 60_000;
/** Campaigns kept per database client; the oldest goes first. A station has one or two open at a time. */
const MAX_ENTRIES = 1_000;

const caches = new WeakMap<PrismaClient, Map<number, { campaign: OpenCampaign; until: number }>>();

function cacheOf(prisma: PrismaClient) {
  let cache = caches.get(prisma);
  if (!cache) {
    cache = new Map();
    caches.set(prisma, cache);
  }
  return cache;
}

/** The kept campaign `id` if it is open on `today` by the dates it was read with, else undefined. */
export function cachedOpenCampaign(prisma: PrismaClient, id: number, today: string, now = Date.now()): OpenCampaign | undefined {
  const cache = cacheOf(prisma);
  const entry = cache.get(id);
  if (!entry) return undefined;
  if (entry.until <= now || campaignPhase(entry.campaign, today) !== 'OPEN') {
    cache.delete(id);
    return undefined;
  }
  return entry.campaign;
}

/** Keeps a campaign just read and found open. */
export function rememberOpenCampaign(prisma: PrismaClient, campaign: OpenCampaign, now = Date.now()): void {
  const cache = cacheOf(prisma);
  cache.delete(campaign.id);
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as number);
  cache.set(campaign.id, { campaign, until: now + TTL_MS });
}

/** Drops a campaign, to be read again: the database refused what memory allowed. */
export function forgetOpenCampaign(prisma: PrismaClient, id: number): void {
  caches.get(prisma)?.delete(id);
}
