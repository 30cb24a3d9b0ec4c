import { beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, createSession, createStaffUser } from '../src/auth/accounts.ts';
import { createApi } from '../src/yoga.ts';
import { gql } from '../../../tests/support/graphql.ts';
import { useTestApi } from '../../../tests/support/test-api.ts';

const t = useTestApi();

const TYPO = '{ stations(first: 1) { edges { node { slgu } } } }';
const BARE = 'Cannot query field "slgu" on type "Station".';

type Callers = Awaited<ReturnType<typeof createCallers>>;
let callers: Callers;
beforeAll(async () => {
  callers = await createCallers();
});

async function createCallers() {
  const user = await createStaffUser(t.db.prisma, { email: 'suggest@station.example', name: 'Suggest', role: 'EDITOR', password: 'a long password here', stations: 'all' });
  const { token } = await createSession(t.db.prisma, user.id);
  const partner = await createApiClient(t.db.prisma, { name: 'suggestions', scopes: [] });
  const dev = await createApiClient(t.db.prisma, { name: 'suggestions dev', scopes: [], development: true });
  return {
    staff: { authorization: `Bearer ${token}` },
    partner: { 'x-api-key': partner.key },
    dev: { 'x-api-key': dev.key },
  };
}

describe('field suggestions', () => {
  it('are withheld from anonymous callers and given to staff sessions and API keys, in either order', async () => {
    const { staff, partner, dev } = callers;
    const anonymousFirst = await gql(t.api, TYPO);
    expect(anonymousFirst.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(anonymousFirst.errors?.[0]?.message).toBe(BARE);
    for (const headers of [staff, partner, dev]) {
      const result = await gql(t.api, TYPO, {}, headers);
      expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(result.errors?.[0]?.message).toBe(`${BARE} Did you mean "slug"?`);
    }
    expect((await gql(t.api, TYPO)).errors?.[0]?.message).toBe(BARE);

    const other = '{ stations(first: 1) { edges { node { nmae { text } } } } }';
    expect((await gql(t.api, other, {}, staff)).errors?.[0]?.message).toMatch(/Did you mean "name"\?$/);
    expect((await gql(t.api, other)).errors?.[0]?.message).toBe('Cannot query field "nmae" on type "Station".');
  });

  it('a key that is not valid gets UNAUTHENTICATED before its document is looked at', async () => {
    const result = await gql(createApi({ prisma: t.db.prisma }), TYPO, {}, { 'x-api-key': 'forged' });
    expect(result.status).toBe(401);
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});
