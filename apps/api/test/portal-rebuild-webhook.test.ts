import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPortalUpdates } from '../src/portal-updates.ts';
import { REBUILD_EVENT, rebuildWebhook, SIGNATURE_HEADER } from '../src/portal-rebuild-webhook.ts';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A real HTTP receiver that answers each request with the next status in `answers` (then 200). */
function receiver() {
  const received: Received[] = [];
  const answers: number[] = [];
  let delayMs = 0;
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      const status = answers.shift() ?? 200;
      setTimeout(() => response.writeHead(status).end(), delayMs);
    });
  });
  return {
    received,
    answers,
    setDelay: (ms: number) => (delayMs = ms),
    listen: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/portal`))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const hook = receiver();
let url = '';
beforeAll(async () => {
  url = await hook.listen();
});
afterAll(() => hook.close());

const batch = { entityTypes: ['Officer', 'WorkReport'], at: new Date('2026-05-01T08:00:00Z') };
const never = new AbortController().signal;

describe('portal rebuild webhook', () => {
  it('POSTs the event as JSON, signed with HMAC-SHA256 of the body', async () => {
    hook.received.length = 0;
    await rebuildWebhook({ url, secret: 'shared secret' })(batch, never);
    expect(hook.received).toHaveLength(1);
    const [request] = hook.received as [Received];
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body)).toEqual({ event: REBUILD_EVENT, entityTypes: ['Officer', 'WorkReport'], at: '2026-05-01T08:00:00.000Z' });
    const expected = `sha256=${createHmac('sha256', 'shared secret').update(request.body).digest('hex')}`;
    expect(request.headers[SIGNATURE_HEADER]).toBe(expected);
  });

  it('sends no signature without a secret', async () => {
    hook.received.length = 0;
    await rebuildWebhook({ url })(batch, never);
    expect(hook.received[0]?.headers[SIGNATURE_HEADER]).toBeUndefined();
  });

  it('retries after a 500 with backoff, with the same body and signature', async () => {
    hook.received.length = 0;
    hook.answers.push(500, 503);
    const started = performance.now();
    await rebuildWebhook({ url, secret: 's', backoffMs: 50 })(batch, never);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(hook.received).toHaveLength(3);
    expect(new Set(hook.received.map((r) => r.body)).size).toBe(1);
    expect(new Set(hook.received.map((r) => r.headers[SIGNATURE_HEADER])).size).toBe(1);
  });

  it('gives up after the last retry, and does not retry a 4xx answer', async () => {
    hook.received.length = 0;
    hook.answers.push(500, 500, 500);
    await expect(rebuildWebhook({ url, retries: 2, backoffMs: 10 })(batch, never)).rejects.toThrow(
      /attempt 1: answered HTTP 500; attempt 2: answered HTTP 500; attempt 3: answered HTTP 500/,
    );
    expect(hook.received).toHaveLength(3);
    hook.received.length = 0;
    hook.answers.push(404);
    await expect(rebuildWebhook({ url, backoffMs: 10 })(batch, never)).rejects.toThrow(/HTTP 404/);
    expect(hook.received).toHaveLength(1);
  });

  it('times out a slow receiver and retries', async () => {
    hook.received.length = 0;
    hook.setDelay(3000);
    try {
      await expect(rebuildWebhook({ url, timeoutMs: 400, retries: 1, backoffMs: 10 })(batch, never)).rejects.toThrow(/attempt 2: timed out/);
      expect(hook.received).toHaveLength(2);
    } finally {
      hook.setDelay(0);
    }
  });

  it('through createPortalUpdates: a burst of changes is one signed call', async () => {
    hook.received.length = 0;
    const lines: string[] = [];
    const updates = createPortalUpdates({
      build: null,
      env: { PORTAL_REBUILD_WEBHOOK_URL: url, PORTAL_REBUILD_WEBHOOK_SECRET: 'k', PORTAL_REBUILD_DEBOUNCE_MS: '50' },
      log: { info: (l) => lines.push(l), error: (l) => lines.push(l) },
    });
    for (const entityType of ['Station', 'Officer', 'Station']) updates.publicChanged({ action: 'x.update', entityType });
    await vi.waitFor(() => expect(updates.status().webhook).toMatchObject({ runs: 1, running: false }), { timeout: 10_000, interval: 50 });
    expect(hook.received).toHaveLength(1);
    expect(JSON.parse(hook.received[0]?.body ?? '{}')).toMatchObject({ entityTypes: ['Officer', 'Station'] });
    expect(updates.status()).toMatchObject({ build: null, webhook: { runs: 1, failures: 0, lastError: null } });
    expect(lines.some((l) => l.startsWith('Portal rebuild webhook done'))).toBe(true);
    await updates.close();
  });

  it('refuses a webhook address that is not http(s)', () => {
    expect(() => createPortalUpdates({ build: null, env: { PORTAL_REBUILD_WEBHOOK_URL: 'ftp://example/hook' } })).toThrow(/PORTAL_REBUILD_WEBHOOK_URL/);
  });
});
