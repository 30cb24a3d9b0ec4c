import { describe, expect, it } from 'vitest';
import { createApi } from '../src/yoga.ts';
import { gql } from '../../../tests/support/graphql.ts';
import { useTestApi } from '../../../tests/support/test-api.ts';
import { openTestDatabase } from '../../../tests/support/test-database.ts';

describe('client errors carry a documented code', () => {
  const t = useTestApi();

  it('NOT_FOUND for an unknown station slug, in a lookup and in a filter', async () => {
    const lookup = await gql(t.api, '{ station(slug: "nowhere") { slug } }');
    expect(lookup.data).toEqual({ station: null });
    expect(lookup.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(lookup.errors?.[0]?.message).toContain('nowhere');

    const filter = await gql(t.api, '{ officers(first: 5, stationSlug: "nowhere") { edges { node { id } } } }');
    expect(filter.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('BAD_USER_INPUT when a connection is asked for without a page size or more than 100', async () => {
    const missing = await gql(t.api, '{ stations { edges { node { slug } } } }');
    expect(missing.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(missing.errors?.[0]?.message).toMatch(/first.*last/);

    const tooMany = await gql(t.api, '{ officers(first: 101) { edges { node { id } } } }');
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooMany.errors?.[0]?.message).toContain('100');

    const hundred = await gql(t.api, '{ officers(first: 100) { edges { node { id } } } }');
    expect(hundred.errors).toBeUndefined();
  });

  it('BAD_USER_INPUT for variable values that do not fit their type, with graphql-js\'s message', async () => {
    const query = 'query($role: OfficerRole, $n: Int!) { officers(first: $n, role: $role) { edges { node { id } } } }';
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ role: 'NOPE', n: 1 }, /"NOPE" does not exist in "OfficerRole"/],
      [{ n: 'x' }, /\$n/],
      [{}, /\$n/],
      [{ n: 1.5 }, /\$n/],
    ];
    for (const [variables, message] of cases) {
      const result = await gql(t.api, query, variables);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(message);
    }
  });

  it('BAD_USER_INPUT for arguments out of range and for malformed ids and cursors', async () => {
    const quarter = await gql(t.api, '{ workReports(first: 1, quarter: 5) { edges { node { id } } } }');
    expect(quarter.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(quarter.errors?.[0]?.message).toContain('quarter');

    const search = await gql(t.api, '{ serviceItems(first: 1, search: "  ") { edges { node { id } } } }');
    expect(search.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const cursor = await gql(t.api, '{ stations(first: 1, after: "not-a-cursor") { edges { node { id } } } }');
    expect(cursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const areaId = await gql(t.api, '{ officers(first: 1, areaId: "bogus") { edges { node { id } } } }');
    expect(areaId.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const years = await gql(t.api, '{ mediationStats(fromYear: 2026, toYear: 2024) { total { received } } }');
    expect(years.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('BAD_REQUEST for a body without a query or with broken JSON', async () => {
    for (const body of ['{}', 'not json']) {
      const response = await t.api.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body,
      });
      expect(response.status).toBe(400);
      const result = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect(result.errors[0]?.extensions.code).toBe('BAD_REQUEST');
    }
  });

  it('GRAPHQL_VALIDATION_FAILED for a query that does not match the schema', async () => {
    const accept = { accept: 'application/graphql-response+json' };
    const result = await gql(t.api, '{ stations(first: 1) { edges { node { password } } } }', {}, accept);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0]?.message).toContain('password');
  });

  it('GRAPHQL_PARSE_FAILED for text that is not GraphQL', async () => {
    const accept = { accept: 'application/graphql-response+json' };
    const result = await gql(t.api, '{ stations(first: 1) { edges', {}, accept);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});

describe('unexpected errors are masked', () => {
  it('answers INTERNAL_SERVER_ERROR without internals when the database fails', async () => {
    const db = await openTestDatabase();
    const api = createApi({ prisma: db.prisma });
    await db.close();
    const result = await gql(api, '{ stations(first: 1) { edges { node { slug } } } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(result.errors?.[0]?.message).toBe('Unexpected error.');
    expect(JSON.stringify(result)).not.toMatch(/prisma|postgres|pglite|select/i);
  });
});
