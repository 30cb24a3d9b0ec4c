import { createServerAdapter } from '@whatwg-node/server';
import { describe, expect, it } from 'vitest';
import { serveOnNode } from '../../src/http/node-server.ts';
import { createRouter } from '../../src/http/router.ts';

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

  it('hands a route with its own Node listener the Node request, with the same reason phrase, closing and waiting', async () => {
    // As /graphql is served: Yoga is its own adapter. The fetch handler must not be used over HTTP.
    let release = () => {};
    let started = () => {};
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const own = createServerAdapter<{ req: { socket: { remoteAddress?: string } } }>(async (request, context) => {
      if (new URL(request.url).searchParams.has('slow')) {
        started();
        await new Promise<void>((resolve) => {
          release = resolve;
        });
      }
      return new Response(`own ${context.req.socket.remoteAddress}`);
    });
    const router = createRouter({
      routes: [{ path: '/graphql', handle: () => new Response('fetch handler'), node: own.requestListener }],
      fallback: () => new Response('portal'),
    });
    const server = serveOnNode(router);
    const port = await server.listen(0, '127.0.0.1');
    const first = await fetch(`http://127.0.0.1:${port}/graphql?x=1`);
    expect([first.status, first.statusText, await first.text()]).toEqual([200, 'OK', 'own 127.0.0.1']);
    expect(await (await fetch(`http://127.0.0.1:${port}/other`)).text()).toBe('portal');

    const inFlight = fetch(`http://127.0.0.1:${port}/graphql?slow`).then(async (r) => [r.headers.get('connection'), await r.text()]);
    await running;
    let closed = false;
    const closing = server.close(5_000).then(() => {
      closed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closed).toBe(false);
    release();
    expect(await inFlight).toEqual(['close', 'own 127.0.0.1']);
    await closing;
    expect(closed).toBe(true);
  });
});
