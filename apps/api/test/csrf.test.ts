import { describe, expect, it } from 'vitest';
import { useTestApi } from '../../../tests/support/test-api.ts';

const t = useTestApi();
const QUERY = '{ stations(first: 1) { edges { node { slug } } } }';

async function send(init: RequestInit & { path?: string }): Promise<{ status: number; body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } }> {
  const response = await t.api.fetch(`http://yoga${init.path ?? '/graphql'}`, init);
  return { status: response.status, body: (await response.json()) as never };
}

describe('CSRF prevention', () => {
  it('refuses a GET without a CSRF or credential header, with a documented code', async () => {
    const result = await send({ path: `/graphql?query=${encodeURIComponent(QUERY)}`, method: 'GET', headers: { accept: 'application/json' } });
    expect(result.status).toBe(403);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('CSRF_HEADER_REQUIRED');
    expect(result.body.data).toBeUndefined();
  });

  it('accepts a GET with the CSRF header or a JSON content type', async () => {
    const headers: Array<Record<string, string>> = [{ 'x-graphql-yoga-csrf': '1' }, { 'content-type': 'application/json' }];
    for (const header of headers) {
      const result = await send({ path: `/graphql?query=${encodeURIComponent(QUERY)}`, method: 'GET', headers: { accept: 'application/json', ...header } });
      expect(result.status).toBe(200);
      expect(result.body.data).toEqual({ stations: { edges: [{ node: { slug: expect.any(String) } }] } });
    }
  });

  it('lets a credential header through to authentication (it forces a browser preflight)', async () => {
    const result = await send({ path: `/graphql?query=${encodeURIComponent(QUERY)}`, method: 'GET', headers: { accept: 'application/json', 'x-api-key': 'os_000000000000_nope' } });
    expect(result.status).toBe(401);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a form-encoded POST (what another site can send) that Yoga would otherwise run', async () => {
    const form = { method: 'POST', body: new URLSearchParams({ query: 'mutation { logout }' }).toString() };
    const forged = await send({ ...form, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' } });
    expect(forged.status).toBe(403);
    expect(forged.body.errors?.[0]?.extensions?.code).toBe('CSRF_HEADER_REQUIRED');

    const withHeader = await send({ ...form, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'x-graphql-yoga-csrf': '1' } });
    expect(withHeader.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a text/plain POST and accepts a JSON POST', async () => {
    const body = JSON.stringify({ query: QUERY });
    const text = await send({ method: 'POST', body, headers: { 'content-type': 'text/plain', accept: 'application/json' } });
    expect(text.status).toBe(403);
    const json = await send({ method: 'POST', body, headers: { 'content-type': 'application/json', accept: 'application/json' } });
    expect(json.status).toBe(200);
  });

  it('still serves GraphiQL to a browser', async () => {
    const response = await t.api.fetch('http://yoga/graphql', { method: 'GET', headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('OpenStation API');
  });
});
