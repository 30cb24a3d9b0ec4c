import { describe, expect, it } from 'vitest';
import { corsOriginsFromEnv } from '../src/cors.ts';
import { createApi } from '../src/yoga.ts';
import { openTestDatabase } from '../../../tests/support/test-database.ts';

async function preflight(api: ReturnType<typeof createApi>, origin: string): Promise<Response> {
  return api.fetch('http://yoga/graphql', {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-api-key' },
  });
}

describe('CORS allow-list', () => {
  it('lets listed origins call from a browser, and no one else', async () => {
    const db = await openTestDatabase();
    const open = createApi({ prisma: db.prisma, corsOrigins: ['https://justice.example'] });
    const allowed = await preflight(open, 'https://justice.example');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://justice.example');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('x-api-key');
    const other = await preflight(open, 'https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');

    const response = await open.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { origin: 'https://justice.example', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ metrics { key } }' }),
    });
    expect(response.headers.get('access-control-expose-headers')).toContain('X-RateLimit-Remaining');

    const closed = createApi({ prisma: db.prisma });
    expect((await preflight(closed, 'https://justice.example')).headers.get('access-control-allow-origin')).toBeNull();
    await db.close();
  });

  it('reads CORS_ORIGINS as a comma-separated list', () => {
    expect(corsOriginsFromEnv({ CORS_ORIGINS: ' https://a.example/, https://b.example ,' })).toEqual(['https://a.example', 'https://b.example']);
    expect(corsOriginsFromEnv({})).toEqual([]);
  });
});
