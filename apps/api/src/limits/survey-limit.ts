import { createHash } from 'node:crypto';
import { ClientError } from '../errors.ts';
import type { CostBucketStore } from './bucket.ts';
import { positiveInt } from './env.ts';
import { memoryBuckets } from './memory-bucket.ts';
import { redisBuckets } from './redis-bucket.ts';

/** How many survey submissions one client may make to OPEN campaigns. */
export interface SurveyLimitOptions {
  /** Short-lived counters (leaky buckets): Redis or memory; never stored with a response. */
  store: CostBucketStore;
  /** Submissions per window and client address. */
  perWindow: number;
  /** Take the client address from the first `X-Forwarded-For` entry. */
  trustProxy: boolean;
}

/**
 * Accepted submissions one address may make per hour, by default: a residents' meeting of 100
 * answering on one shared Wi-Fi, or a carrier's shared (CGNAT) address, fits; a script posting
 * one every few seconds does not (docs/surveys.md, "Abuse controls", has the reasoning).
 */
export const DEFAULT_SURVEY_SUBMISSIONS_PER_HOUR = 120;

/**
 * From the environment: `SURVEY_SUBMISSIONS_PER_WINDOW` (default
 * {@link DEFAULT_SURVEY_SUBMISSIONS_PER_HOUR}) per `SURVEY_WINDOW_SECONDS` (default 3600),
 * counted in Redis when `REDIS_URL` is set.
 */
export function surveyLimitFromEnv(env: NodeJS.ProcessEnv = process.env): SurveyLimitOptions {
  const windowMs = positiveInt(env, 'SURVEY_WINDOW_SECONDS', 3600) * 1000;
  return {
    store: env.REDIS_URL ? redisBuckets(env.REDIS_URL, windowMs, { keyPrefix: 'openstation:survey:' }) : memoryBuckets(windowMs),
    perWindow: positiveInt(env, 'SURVEY_SUBMISSIONS_PER_WINDOW', DEFAULT_SURVEY_SUBMISSIONS_PER_HOUR),
    trustProxy: env.TRUST_PROXY === '1',
  };
}

/**
 * Counts one submission for the client at `address` (kept only as a sha256 in the counter's
 * key, which expires once the bucket drains) or refuses it with RATE_LIMITED (HTTP 429).
 */
export async function takeSurveySubmission(options: SurveyLimitOptions, address: string): Promise<void> {
  const key = createHash('sha256').update(address).digest('hex');
  const state = await options.store.take(key, options.perWindow, 1);
  if (state.allowed) return;
  throw new ClientError('RATE_LIMITED', `Too many survey submissions from this connection: retry in ${state.retryAfterSeconds} s.`, {
    retryAfter: state.retryAfterSeconds,
    http: { status: 429, headers: { 'Retry-After': String(state.retryAfterSeconds) } },
  });
}
