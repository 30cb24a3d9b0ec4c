import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RebuildBatch, RebuildTask } from './portal-rebuild-queue.ts';

/** The header carrying `sha256=<hex HMAC-SHA256 of the body>` when a secret is set. */
export const SIGNATURE_HEADER = 'x-openstation-signature';

/** The `event` of every webhook body. */
export const REBUILD_EVENT = 'portal.content-changed';

export interface RebuildWebhookOptions {
  url: string;
  /** Signs the body (HMAC-SHA256) into the `X-OpenStation-Signature` header. */
  secret?: string;
  /** Per attempt (ms); default 10,000. */
  timeoutMs?: number;
  /** Attempts after the first one, for network errors, timeouts, 429 and 5xx; default 3. */
  retries?: number;
  /** Wait before the first retry (ms), doubling for each further one; default 1,000. */
  backoffMs?: number;
}

/** `sha256=` and the hex HMAC-SHA256 of `body` under `secret`, as the receiver should recompute it. */
export function signatureOf(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

class WebhookAttemptError extends Error {
  readonly retryable: boolean;
  constructor(message: string, retryable: boolean) {
    super(message);
    this.retryable = retryable;
  }
}

async function attempt(url: string, headers: Record<string, string>, body: string, signal: AbortSignal): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, body, signal, redirect: 'error' });
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    throw new WebhookAttemptError(reason, true);
  }
  await response.body?.cancel();
  if (response.ok) return;
  throw new WebhookAttemptError(`answered HTTP ${response.status}`, response.status === 429 || response.status >= 500);
}

/**
 * A rebuild task that POSTs `{ event, entityTypes, at }` as JSON to a webhook (a CI job, a
 * static host's build hook), retrying with exponential backoff; throws once every attempt failed.
 */
export function rebuildWebhook({ url, secret, timeoutMs = 10_000, retries = 3, backoffMs = 1_000 }: RebuildWebhookOptions): RebuildTask {
  return async (batch: RebuildBatch, stop: AbortSignal) => {
    const body = JSON.stringify({ event: REBUILD_EVENT, entityTypes: batch.entityTypes, at: batch.at.toISOString() });
    const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'OpenStation' };
    if (secret) headers[SIGNATURE_HEADER] = signatureOf(body, secret);
    const failures: string[] = [];
    for (let i = 0; i <= retries; i += 1) {
      if (i > 0) await sleep(backoffMs * 2 ** (i - 1), undefined, { signal: stop });
      try {
        await attempt(url, headers, body, AbortSignal.any([stop, AbortSignal.timeout(timeoutMs)]));
        return;
      } catch (error) {
        if (stop.aborted) throw error;
        const reason = error instanceof Error ? error.message : String(error);
        failures.push(`attempt ${i + 1}: ${reason}`);
        if (error instanceof WebhookAttemptError && !error.retryable) break;
      }
    }
    throw new Error(`Webhook ${new URL(url).origin} failed (${failures.join('; ')}).`);
  };
}
