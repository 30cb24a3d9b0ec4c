import { describe, expect, it } from 'vitest';
import { serveOnNode } from '../../src/http/node-server.ts';

describe('the Node adapter', () => {
  it('gives handlers the client socket’s address and answers with the standard reason phrase', async () => {
    const server = serveOnNode((_request, context) => Response.json({ address: context.req?.socket?.remoteAddress ?? null }));
    const port = await server.listen(0, '127.0.0.1');
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`);
      expect(response.statusText).toBe('OK');
      expect(await response.json()).toEqual({ address: '127.0.0.1' });
    } finally {
      await server.close(1_000);
    }
  });

  it('lets a request in flight finish on close, refuses new connections, and resolves once it is done', async () => {
    let release = () => {};
    let started = () => {};
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const server = serveOnNode(async () => {
      started();
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return new Response('finished');
    });
    const port = await server.listen(0, '127.0.0.1');
    const inFlight = fetch(`http://127.0.0.1:${port}/slow`).then((r) => r.text());
    await running;
    let closed = false;
    const closing = server.close(5_000).then(() => {
      closed = true;
    });
    await expect(fetch(`http://127.0.0.1:${port}/other`)).rejects.toThrow();
    expect(closed).toBe(false);
    release();
    expect(await inFlight).toBe('finished');
    await closing;
    expect(closed).toBe(true);
  });
});
