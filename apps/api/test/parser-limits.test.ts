import { getIntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import { PARSER_LIMITS } from '../src/limits/parser-limits.ts';
import { gql } from '../../../tests/support/graphql.ts';
import { useTestApi } from '../../../tests/support/test-api.ts';

/** Posts a raw document, accepting the GraphQL over HTTP media type. */
async function post(api: ReturnType<typeof useTestApi>['api'], query: string) {
  const response = await api.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

describe('parser limits (GraphQL Armor): tokens and depth, introspection included', () => {
  const t = useTestApi();

  it('10,000 nested braces, brackets or objects answer a documented parse or limit error, not an unexpected error', async () => {
    const shapes: [string, Record<string, unknown>][] = [
      [`{ ${'a {'.repeat(10_000)} b ${'}'.repeat(10_000)} }`, { code: 'QUERY_TOO_COMPLEX', kind: 'tokens' }],
      [`{ stations(first: ${'['.repeat(10_000)}1${']'.repeat(10_000)}) { totalCount } }`, { code: 'QUERY_TOO_COMPLEX', kind: 'tokens' }],
      [`{ stations(first: 1, after: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}) { totalCount } }`, { code: 'QUERY_TOO_COMPLEX', kind: 'tokens' }],
      ['{'.repeat(10_000), { code: 'GRAPHQL_PARSE_FAILED' }],
    ];
    for (const [query, extensions] of shapes) {
      const { status, body } = await post(t.api, query);
      expect(body.errors?.[0]?.extensions).toMatchObject(extensions);
      expect(status).toBe(400);
    }
    const longest = `{ ${'a: __typename '.repeat(Math.floor((PARSER_LIMITS.tokens - 2) / 3))}}`;
    expect((await post(t.api, longest)).body.errors).toBeUndefined();
  });

  it('refuses introspection deeper than the limit (ofType 50 levels) and answers the standard introspection query', async () => {
    const deep = `{ __schema { types { ${'ofType { '.repeat(50)} name ${'}'.repeat(50)} } } }`;
    const refused = await post(t.api, deep);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', kind: 'depth', limits: PARSER_LIMITS });
    expect(refused.body.data).toBeUndefined();

    const standard = await gql(t.api, getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true }));
    expect(standard.errors).toBeUndefined();
  });
});
