import { beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../src/auth/accounts.ts';
import { gqlOk } from '../../../tests/support/graphql.ts';
import { createStaffPrincipals, type TestPrincipal } from '../../../tests/support/principals.ts';
import { useTestApi } from '../../../tests/support/test-api.ts';

const AUDIT = '{ auditEntries(first: 100) { edges { node { action staffUser { email } apiClient { name } } } } }';
const REFERRALS = '{ referrals(first: 100) { edges { node { status station { slug } partner { slug name { zh } } } } } }';
const CASES = '{ mediationCases(first: 100) { edges { node { reference room { slug station { slug } } } } } }';

describe('staff and partner lists run a fixed number of SQL statements', () => {
  const t = useTestApi();
  let admin: TestPrincipal;
  let mediator: TestPrincipal;

  beforeAll(async () => {
    [admin, , mediator] = (await createStaffPrincipals(t.db.prisma)) as [TestPrincipal, TestPrincipal, TestPrincipal];
  });

  /** Statements one request sends: 1 to authenticate the session (with its account and stations), then the list and one per relation. */
  async function statements(query: string, headers: Record<string, string>): Promise<number> {
    t.db.resetQueries();
    await gqlOk(t.api, query, {}, headers);
    return t.db.queries.length;
  }

  it('auditEntries with who made each change', async () => {
    const { db } = t;
    const staff = await db.prisma.staffUser.findMany();
    const { client } = await createApiClient(db.prisma, { name: 'audited', scopes: [] });
    for (let i = 0; i < 30; i++) {
      await db.prisma.auditEntry.create({
        data: { action: 'test', entityType: 'Test', staffUserId: i % 2 === 0 ? (staff[i % staff.length]?.id ?? null) : null, apiClientId: i % 2 === 1 ? client.id : null },
      });
    }
    expect(await statements(AUDIT, admin.headers)).toBeLessThanOrEqual(5);
  });

  it('referrals with station and partner, and mediation cases with room and station', async () => {
    expect(await t.db.prisma.referral.count()).toBeGreaterThan(5);
    expect(await statements(REFERRALS, mediator.headers)).toBeLessThanOrEqual(5);
    expect(await t.db.prisma.mediationCase.count()).toBeGreaterThan(100);
    expect(await statements(CASES, mediator.headers)).toBeLessThanOrEqual(5);
  });
});
