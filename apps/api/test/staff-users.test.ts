import { beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../src/auth/accounts.ts';
import { gql, gqlOk } from '../../../tests/support/graphql.ts';
import { createStaffPrincipals, type TestPrincipal } from '../../../tests/support/principals.ts';
import { useTestApi } from '../../../tests/support/test-api.ts';

const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');

const DISABLE = 'mutation ($id: ID!) { disableStaffUser(id: $id) { email disabledAt } }';
const ENABLE = 'mutation ($id: ID!) { enableStaffUser(id: $id) { email disabledAt } }';
const LOGIN = 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';

const codesOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => (result.errors ?? []).map((e) => e.extensions?.code);

describe('disabling staff accounts', () => {
  const t = useTestApi();
  let admin: TestPrincipal;
  let adminId: number;
  let editorId: number;

  beforeAll(async () => {
    admin = (await createStaffPrincipals(t.db.prisma)).find((p) => p.role === 'ADMIN') as TestPrincipal;
    adminId = (await t.db.prisma.staffUser.findUniqueOrThrow({ where: { email: 'admin@test.example' } })).id;
    editorId = (await t.db.prisma.staffUser.findUniqueOrThrow({ where: { email: 'editor@test.example' } })).id;
  });

  it('ends the user\'s sessions at once, refuses their login like a wrong password, and is audited', async () => {
    const sessions = [await createSession(t.db.prisma, editorId), await createSession(t.db.prisma, editorId)];
    const editorHeaders = { authorization: `Bearer ${sessions[0]?.token}` };
    expect((await gql(t.api, '{ me { email } }', {}, editorHeaders)).errors).toBeUndefined();
    const live = await t.db.prisma.staffSession.count({ where: { userId: editorId } });
    expect(live).toBeGreaterThanOrEqual(2);

    const data = await gqlOk<{ disableStaffUser: { email: string; disabledAt: string | null } }>(t.api, DISABLE, { id: globalId('StaffUser', editorId) }, admin.headers);
    expect(data.disableStaffUser.email).toBe('editor@test.example');
    expect(data.disableStaffUser.disabledAt).not.toBeNull();
    expect(await t.db.prisma.staffSession.count({ where: { userId: editorId } })).toBe(0);

    const stale = await gql(t.api, '{ me { email } }', {}, editorHeaders);
    expect([stale.status, ...codesOf(stale)]).toEqual([401, 'UNAUTHENTICATED']);

    const rightPassword = await gql(t.api, LOGIN, { email: 'editor@test.example', password: 'password-editor' });
    const wrongPassword = await gql(t.api, LOGIN, { email: 'editor@test.example', password: 'not-the-password' });
    const noAccount = await gql(t.api, LOGIN, { email: 'nobody@test.example', password: 'password-editor' });
    const answer = (r: typeof rightPassword) => ({ status: r.status, data: r.data, errors: r.errors?.map((e) => [e.message, e.extensions?.code]) });
    expect(answer(rightPassword)).toEqual(answer(wrongPassword));
    expect(answer(rightPassword)).toEqual(answer(noAccount));
    expect(codesOf(rightPassword)).toEqual(['UNAUTHENTICATED']);
    expect(await t.db.prisma.staffSession.count({ where: { userId: editorId } })).toBe(0);

    const audit = await t.db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'staff.disable', entityId: editorId } });
    expect(audit.staffUserId).toBe(adminId);
    expect(audit.before).toMatchObject({ disabledAt: null });
    expect(audit.after).toMatchObject({ sessionsEnded: live });
    expect(JSON.stringify(audit)).not.toContain('passwordHash');

    expect(codesOf(await gql(t.api, DISABLE, { id: globalId('StaffUser', editorId) }, admin.headers))).toEqual(['INVALID_STATE']);

    const enabled = await gqlOk<{ enableStaffUser: { disabledAt: string | null } }>(t.api, ENABLE, { id: globalId('StaffUser', editorId) }, admin.headers);
    expect(enabled.enableStaffUser.disabledAt).toBeNull();
    expect(codesOf(await gql(t.api, ENABLE, { id: globalId('StaffUser', editorId) }, admin.headers))).toEqual(['INVALID_STATE']);
    const login = await gqlOk<{ login: { token: string } }>(t.api, LOGIN, { email: 'editor@test.example', password: 'password-editor' });
    expect((await gql(t.api, '{ me { email } }', {}, { authorization: `Bearer ${login.login.token}` })).errors).toBeUndefined();
    expect(await t.db.prisma.auditEntry.count({ where: { action: 'staff.enable', entityId: editorId } })).toBe(1);
  });

  it('lists every account for admins, disabled ones last, with the id to disable them by', async () => {
    const editorGlobalId = globalId('StaffUser', editorId);
    await gqlOk(t.api, DISABLE, { id: editorGlobalId }, admin.headers);
    try {
      const { staffUsers } = await gqlOk<{ staffUsers: { id: string; email: string; disabledAt: string | null }[] }>(
        t.api, '{ staffUsers { id email disabledAt } }', {}, admin.headers,
      );
      expect(staffUsers.length).toBe(await t.db.prisma.staffUser.count());
      expect(staffUsers.at(-1)).toMatchObject({ id: editorGlobalId, email: 'editor@test.example' });
      expect(staffUsers.at(-1)?.disabledAt).not.toBeNull();
      const enabled = staffUsers.slice(0, -1);
      expect(enabled.every((u) => u.disabledAt === null)).toBe(true);
      expect(enabled.map((u) => u.email)).toEqual([...enabled.map((u) => u.email)].sort());
    } finally {
      await gqlOk(t.api, ENABLE, { id: editorGlobalId }, admin.headers);
    }
  });

  it('refuses to let an admin disable their own account (CANNOT_DISABLE_SELF)', async () => {
    const result = await gql(t.api, DISABLE, { id: globalId('StaffUser', adminId) }, admin.headers);
    expect(codesOf(result)).toEqual(['CANNOT_DISABLE_SELF']);
    expect((await t.db.prisma.staffUser.findUniqueOrThrow({ where: { id: adminId } })).disabledAt).toBeNull();
    expect(await t.db.prisma.staffSession.count({ where: { userId: adminId } })).toBeGreaterThan(0);
    expect(await t.db.prisma.auditEntry.count({ where: { action: 'staff.disable', entityId: adminId } })).toBe(0);
  });

  it('answers NOT_FOUND for an unknown user and BAD_USER_INPUT for an id of another type', async () => {
    expect(codesOf(await gql(t.api, DISABLE, { id: globalId('StaffUser', 999_999) }, admin.headers))).toEqual(['NOT_FOUND']);
    expect(codesOf(await gql(t.api, DISABLE, { id: globalId('Station', editorId) }, admin.headers))).toEqual(['BAD_USER_INPUT']);
  });
});
