import { once } from 'node:events';
import { createServer, type IncomingMessage, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createApi } from '../src/yoga.ts';
import { useTestApi } from '../../../tests/support/test-api.ts';

const t = useTestApi();
const LIMIT = 1_000;

/** POSTs `body` to a real socket with the given headers; answers status and parsed body. */
async function post(body: string, headers: Record<string, string>): Promise<{ status: number; body: { data?: unknown; errors?: { extensions?: { code?: string } }[] } }> {
  const server = createServer(createApi({ prisma: t.db.prisma, maxRequestBodyBytes: LIMIT }));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const { port } = server.address() as AddressInfo;
    const request = httpRequest({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json', ...headers } });
    const responded = once(request, 'response');
    request.end(body);
    const [response] = (await responded) as [IncomingMessage];
    let text = '';
    for await (const chunk of response) text += String(chunk);
    return { status: response.statusCode ?? 0, body: JSON.parse(text) };
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

describe('request body limit on a socket', () => {
  const small = JSON.stringify({ query: '{ metrics { key } }' });
  const big = JSON.stringify({ query: `{ metrics { key } } # ${'x'.repeat(LIMIT)}` });

  it('reads a body within its Content-Length as is', async () => {
    const answer = await post(small, { 'content-length': String(Buffer.byteLength(small)) });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toHaveProperty('metrics');
  });

  it('refuses a Content-Length over the limit with 413', async () => {
    const refused = await post(big, { 'content-length': String(Buffer.byteLength(big)) });
    expect(refused.status).toBe(413);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('REQUEST_ENTITY_TOO_LARGE');
  });
});
