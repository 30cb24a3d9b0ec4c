import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../src/auth/accounts.ts';
import { createLoginThrottle, LOGIN_THROTTLE } from '../src/auth/login-throttle.ts';
import { memoryLoginStore } from '../src/auth/login-throttle-store.ts';
import { memoryBuckets } from '../src/limits/memory-bucket.ts';
import { createApi, type Api } from '../src/yoga.ts';
import { useTestApi } from '../../../tests/support/test-api.ts';

/** One row of docs/errors.md's "HTTP statuses" table. */
interface StatusRow {
  code: string;
  when: string;
  graphqlResponse: number;
  json: number;
}

function statusRows(): StatusRow[] {
  const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf('## HTTP statuses'), doc.indexOf('## Input limits'));
  return [...section.matchAll(/^\| (.+?) \| (.+?) \| (\d{3}) \| (\d{3}) \|$/gm)].map((m) => ({
    code: (m[1] as string).replaceAll('`', ''),
    when: m[2] as string,
    graphqlResponse: Number(m[3]),
    json: Number(m[4]),
  }));
}

const ACCEPTS = { graphqlResponse: 'application/graphql-response+json', json: 'application/json' } as const;

/** A request that provokes one row, by the row's code and the start of its "when". */
interface Case {
  code: string;
  when: string;
  api?: () => Api;
  send: (accept: string) => Request;
}

const json = (body: unknown, headers: Record<string, string> = {}) => (accept: string) =>
  new Request('http://yoga/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept, ...headers }, body: JSON.stringify(body) });

describe('every HTTP status in docs/errors.md is the one the API answers, for both Accept headers', () => {
  const t = useTestApi();
  let trusted: Api;
  let keyHeaders: Record<string, string>;
  let limited: Api;
  let small: Api;
  let throttled: Api;

  beforeAll(async () => {
    trusted = createApi({ prisma: t.db.prisma, requireTrustedOperations: true });
    keyHeaders = { 'x-api-key': (await createApiClient(t.db.prisma, { name: 'statuses', scopes: ['public:read'], partnerId: null })).key };
    limited = createApi({ prisma: t.db.prisma, rateLimit: { store: memoryBuckets(60_000), anonymousBudget: 1, staffBudget: 1, trustProxy: true, exemptLoopback: false } });
    small = createApi({ prisma: t.db.prisma, maxRequestBodyBytes: 200 });
    // A clock that stands still: the throttle's first delay (1 s) must not run out while the
    // cases before this one run on a busy machine (it did, in CI).
    const frozen = Date.now();
    throttled = createApi({ prisma: t.db.prisma, loginThrottle: createLoginThrottle(memoryLoginStore(() => frozen), { now: () => frozen }) });
    const guess = json({ query: 'mutation { login(email: "guessed@test.example", password: "guess") { token } }' });
    for (let i = 0; i < LOGIN_THROTTLE.account.free; i++) await throttled.fetch(guess('application/json'));
  });

  const deep = `{ stations(first: 1) { edges { node { areas(first: 1) { edges { node { station { areas(first: 1) { edges { node { station { areas(first: 1) { edges { node { station { slug } } } } } } } } } } } } } } } }`;
  const cases: Case[] = [
    { code: 'any code raised by a field', when: 'a field failed', send: json({ query: '{ station(slug: "nowhere") { slug } }' }) },
    { code: 'BAD_USER_INPUT', when: 'an argument refused', send: json({ query: '{ stations(first: 101) { edges { cursor } } }' }) },
    { code: 'BAD_USER_INPUT', when: 'an argument refused', send: json({ query: 'query($s: String!) { station(slug: $s) { slug } }', variables: { s: '\u0000' } }) },
    { code: 'BAD_USER_INPUT', when: 'a variable that is missing', send: json({ query: 'query($n: Int!) { stations(first: $n) { edges { cursor } } }', variables: { n: 'x' } }) },
    { code: 'BAD_USER_INPUT', when: 'a value written in the document', send: json({ query: '{ auditEntries(first: 1, from: "1800-01-01") { edges { cursor } } }' }) },
    { code: 'UNAUTHENTICATED', when: 'a field needs credentials', send: json({ query: '{ me { email } }' }) },
    { code: 'UNAUTHENTICATED', when: 'a field needs credentials', send: json({ query: 'mutation { login(email: "nobody@test.example", password: "wrong password") { token } }' }) },
    { code: 'UNAUTHENTICATED', when: 'the session token', send: json({ query: '{ __typename }' }, { authorization: 'Bearer nope' }) },
    { code: 'QUERY_TOO_COMPLEX', when: '`kind` `depth`, `breadth`', send: json({ query: deep }) },
    { code: 'QUERY_TOO_COMPLEX', when: '`kind` `tokens`', send: json({ query: `{ ${'a '.repeat(2000)}}` }) },
    { code: 'GRAPHQL_PARSE_FAILED', when: 'the document does not parse', send: json({ query: '{' }) },
    { code: 'GRAPHQL_VALIDATION_FAILED', when: 'the document does not validate', send: json({ query: '{ nope }' }) },
    { code: 'OPERATION_RESOLUTION_FAILURE', when: 'no operation to run', send: json({ query: 'query A { __typename } query B { __typename }' }) },
    { code: 'OPERATION_RESOLUTION_FAILURE', when: 'no operation to run', send: json({ query: '{ __typename }', operationName: { a: 1 } }) },
    {
      code: 'BAD_REQUEST',
      when: 'a mutation sent with `GET`',
      send: (accept) => new Request('http://yoga/graphql?query=mutation%7Blogout%7D', { headers: { accept, 'x-graphql-yoga-csrf': '1' } }),
    },
    { code: 'BAD_REQUEST', when: 'not a GraphQL request', send: json({ nothing: true }) },
    { code: 'CSRF_HEADER_REQUIRED', when: 'a request a browser', send: (accept) => new Request('http://yoga/graphql?query=%7B__typename%7D', { headers: { accept } }) },
    { code: 'PERSISTED_OPERATION_REQUIRED', when: 'a key that must', api: () => trusted, send: (accept) => json({ query: '{ __typename }' }, keyHeaders)(accept) },
    {
      code: 'PERSISTED_OPERATION_NOT_FOUND',
      when: 'the hash names',
      api: () => trusted,
      send: (accept) => json({ extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } }, keyHeaders)(accept),
    },
    { code: 'RATE_LIMITED', when: 'the cost budget', api: () => limited, send: json({ query: '{ stations(first: 5) { edges { node { slug } } } }' }, { 'x-forwarded-for': '203.0.113.9' }) },
    {
      code: 'LOGIN_THROTTLED',
      when: 'too many failed logins',
      api: () => throttled,
      send: json({ query: 'mutation { login(email: "guessed@test.example", password: "guess") { token } }' }),
    },
    { code: 'REQUEST_ENTITY_TOO_LARGE', when: 'the body is larger', api: () => small, send: json({ query: `{ __typename } # ${'x'.repeat(300)}` }) },
  ];

  it('each case answers its row\'s code and statuses', async () => {
    const rows = statusRows();
    expect(rows.length).toBeGreaterThan(15);
    for (const c of cases) {
      const row = rows.find((r) => r.code === c.code && r.when.startsWith(c.when));
      expect(row, `${c.code}: ${c.when}`).toBeDefined();
      for (const [key, accept] of Object.entries(ACCEPTS) as [keyof typeof ACCEPTS, string][]) {
        const response = await (c.api?.() ?? t.api).fetch(c.send(accept));
        const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
        const code = body.errors?.[0]?.extensions?.code;
        if (c.code.startsWith('any')) expect(code).toBe('NOT_FOUND');
        else expect(code, `${c.code}: ${c.when}`).toBe(c.code);
        expect(response.status, `${c.code}: ${c.when} (${accept})`).toBe(row?.[key]);
      }
    }
  });

  it('every row has a case (SERVICE_UNAVAILABLE: database-outage.test.ts; INTERNAL_SERVER_ERROR: none can be provoked)', () => {
    const untested = statusRows().filter((r) => !['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE'].includes(r.code) && !cases.some((c) => c.code === r.code && r.when.startsWith(c.when)));
    expect(untested).toEqual([]);
  });
});
