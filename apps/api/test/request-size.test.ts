import { once } from 'node:events';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_QUESTIONNAIRE } from '@openstation/db';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_REQUEST_BODY_BYTES, requestContractFromEnv } from '../src/limits/contract.ts';
import { createApi } from '../src/yoga.ts';
import { createStaffPrincipals } from '../../../tests/support/principals.ts';
import { useTestApi } from '../../../tests/support/test-api.ts';

const t = useTestApi();

const LIMIT = 1_000;
const ENTER = `mutation ($id: ID!, $responses: [EnteredSurveyResponseInput!]!) {
  enterSurveyResponses(campaignId: $id, responses: $responses) { count } }`;
const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');

/** The largest `enterSurveyResponses` call: 500 responses, every question answered, every remark 1,000 characters of Chinese. */
function maxBulkBody(): string {
  const remark = '派'.repeat(1000);
  const answers = DEFAULT_QUESTIONNAIRE.map((q, i) => {
    const questionId = gid('SurveyQuestion', 9_999_900 + i);
    if (q.type === 'FREE_TEXT') return { questionId, text: remark };
    if (q.type === 'SINGLE_CHOICE') return { questionId, choice: 4 };
    return { questionId, value: 5 };
  });
  const responses = Array.from({ length: 500 }, () => ({ channel: 'PHONE', submittedOn: '2026-11-22', areaId: gid('Area', 9_999_999), answers }));
  return JSON.stringify({ query: ENTER, variables: { id: gid('SurveyCampaign', 9_999_999), responses } });
}

async function answer(response: Response) {
  return { status: response.status, body: (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] } };
}

function streamOf(text: string, chunkSize = 256): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

const big = JSON.stringify({ query: `{ metrics { key } } # ${'x'.repeat(LIMIT)}` });

describe('request body limit', () => {
  it('is above the largest survey bulk entry by default, which is accepted and parsed', async () => {
    const body = maxBulkBody();
    const bytes = Buffer.byteLength(body);
    expect(bytes).toBeGreaterThan(1_500_000);
    expect(bytes).toBeLessThan(DEFAULT_MAX_REQUEST_BODY_BYTES);
    const [, editor] = await createStaffPrincipals(t.db.prisma);
    const response = await answer(
      await t.api.fetch('http://yoga/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...editor?.headers }, body }),
    );
    expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });

  it('answers 413 REQUEST_ENTITY_TOO_LARGE to a Content-Length over the limit, before reading the body', async () => {
    const api = createApi({ prisma: t.db.prisma, maxRequestBodyBytes: LIMIT });
    const refused = await answer(await api.fetch('http://yoga/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: big }));
    expect(refused.status).toBe(413);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    const small = await api.fetch('http://yoga/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ metrics { key } }"}' });
    expect(small.status).toBe(200);
  });

  it('counts the bytes of a body without Content-Length (chunked) or with one that understates it', async () => {
    const api = createApi({ prisma: t.db.prisma, maxRequestBodyBytes: LIMIT });
    const send = (headers: Record<string, string>) =>
      api.fetch('http://yoga/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: streamOf(big), duplex: 'half' } as RequestInit);
    const understated: Record<string, string>[] = [{}, { 'content-length': '20' }];
    for (const headers of understated) {
      const refused = await answer(await send(headers));
      expect(refused.status).toBe(413);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    }
  });

  it('refuses a chunked body over the limit on a real socket', async () => {
    const api = createApi({ prisma: t.db.prisma, maxRequestBodyBytes: LIMIT });
    const server = createServer(api);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const request = httpRequest({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } });
      const responded = once(request, 'response');
      for (let i = 0; i < big.length; i += 200) request.write(big.slice(i, i + 200));
      request.end();
      const [response] = (await responded) as [import('node:http').IncomingMessage];
      let text = '';
      for await (const chunk of response) text += String(chunk);
      expect(response.statusCode).toBe(413);
      expect(JSON.parse(text).errors[0].extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('reads MAX_REQUEST_BODY_BYTES and REQUIRE_TRUSTED_OPERATIONS from the environment', () => {
    expect(requestContractFromEnv({})).toEqual({ maxRequestBodyBytes: DEFAULT_MAX_REQUEST_BODY_BYTES, requireTrustedOperations: true });
    expect(requestContractFromEnv({ MAX_REQUEST_BODY_BYTES: '5000', REQUIRE_TRUSTED_OPERATIONS: '0' })).toEqual({ maxRequestBodyBytes: 5000, requireTrustedOperations: false });
    expect(() => requestContractFromEnv({ MAX_REQUEST_BODY_BYTES: '1kb' })).toThrow(/positive whole number/);
    expect(() => requestContractFromEnv({ REQUIRE_TRUSTED_OPERATIONS: 'yes' })).toThrow(/0 or 1/);
  });
});
