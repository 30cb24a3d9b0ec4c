import { describe, expect, it } from 'vitest';
import { clientContext, type FetchHandler } from '../../src/http/context.ts';
import { createRouter } from '../../src/http/router.ts';

/** A handler that answers which handler it is, the URL it saw and the client address it was given. */
const echo =
  (name: string): FetchHandler =>
  (request, context) =>
    Response.json({ name, url: request.url, method: request.method, address: context.req?.socket?.remoteAddress ?? null });

const errors: unknown[] = [];
const router = createRouter({
  routes: [
    { path: '/graphql', handle: echo('graphql') },
    { path: '/health', methods: ['GET'], handle: echo('health') },
    { path: '/survey/submit', methods: ['POST'], handle: echo('survey') },
    {
      path: '/boom',
      methods: ['GET'],
      handle: () => {
        throw new Error('boom');
      },
    },
  ],
  mounts: [{ prefix: '/staff/', handle: echo('staff') }],
  fallback: echo('static'),
  onError: (_request, error) => errors.push(error),
});

const send = (path: string, method = 'GET') => router(new Request(`http://openstation${path}`, { method }), clientContext('192.0.2.9'));
const nameOf = async (response: Response) => ((await response.json()) as { name: string }).name;

describe('the router', () => {
  it('picks a route by exact path, with or without a trailing slash, and passes the server context on', async () => {
    const response = await send('/health');
    expect(await response.json()).toEqual({ name: 'health', url: 'http://openstation/health', method: 'GET', address: '192.0.2.9' });
    expect(await nameOf(await send('/health/'))).toBe('health');
    expect(await nameOf(await send('/healthy'))).toBe('static');
    expect(await nameOf(await send('/health/x'))).toBe('static');
  });

  it('answers 405 with Allow to a method a route does not take (GET implies HEAD)', async () => {
    const post = await send('/health', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    const get = await send('/survey/submit');
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('answers HEAD with the GET answer’s status and headers and no body', async () => {
    const head = await send('/health', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toContain('application/json');
    expect(await head.text()).toBe('');
  });

  it('passes every method to a route without a method list (Yoga answers its own)', async () => {
    expect(await nameOf(await send('/graphql', 'PUT'))).toBe('graphql');
  });

  it('sends every path under a mount to it with the full URL, and redirects the bare prefix', async () => {
    const response = await send('/staff/reports/12?x=1');
    expect(await response.json()).toMatchObject({ name: 'staff', url: 'http://openstation/staff/reports/12?x=1' });
    const bare = await send('/staff?next=1');
    expect(bare.status).toBe(308);
    expect(bare.headers.get('location')).toBe('/staff/?next=1');
  });

  it('answers a bare 500 when a handler throws, and reports the error', async () => {
    const response = await send('/boom');
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('boom');
    expect(errors).toHaveLength(1);
  });
});
