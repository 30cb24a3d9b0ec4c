import { beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../src/auth/accounts.ts';
import { gql, gqlOk } from '../../../tests/support/graphql.ts';
import { createBoundStaff } from '../../../tests/support/principals.ts';
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

const CREATE = 'mutation ($input: StaffUserInput!) { createStaffUser(input: $input) { password user { id email role allStations stations { slug } } } }';
const UPDATE = 'mutation ($id: ID!, $input: StaffUserPatch!) { updateStaffUser(id: $id, input: $input) { name role allStations stations { slug } } }';
const RESET = 'mutation ($id: ID!) { resetStaffPassword(id: $id) { password user { email } } }';
const CHANGE = 'mutation ($current: String!, $next: String!) { changeOwnPassword(currentPassword: $current, newPassword: $next) }';

interface Created {
  createStaffUser: { password: string | null; user: { id: string; email: string; role: string; allStations: boolean; stations: { slug: string }[] } };
}

describe('the staff account lifecycle through the API', () => {
  const t = useTestApi();
  let admin: TestPrincipal;
  let stations: { id: number; slug: string; globalId: string }[];
  const fieldOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => [result.errors?.[0]?.extensions?.code, result.errors?.[0]?.extensions?.field];

  beforeAll(async () => {
    admin = (await createStaffPrincipals(t.db.prisma)).find((p) => p.role === 'ADMIN') as TestPrincipal;
    stations = (await t.db.prisma.station.findMany({ orderBy: { id: 'asc' }, take: 3 })).map((s) => ({ id: s.id, slug: s.slug, globalId: globalId('Station', s.id) }));
  });

  it('creates an account bound to stations with a generated password shown once; the audit trail never holds a secret', async () => {
    const [a, b] = stations;
    const data = await gqlOk<Created>(t.api, CREATE, { input: { email: ' New.Editor@Station.example ', name: 'New editor', role: 'EDITOR', stationIds: [a?.globalId, b?.globalId] } }, admin.headers);
    const { password, user } = data.createStaffUser;
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(user).toMatchObject({ email: 'new.editor@station.example', role: 'EDITOR', allStations: false, stations: [{ slug: a?.slug }, { slug: b?.slug }] });
    const login = await gqlOk<{ login: { token: string } }>(t.api, LOGIN, { email: 'new.editor@station.example', password });
    expect(login.login.token).toBeTruthy();

    const given = await gqlOk<Created>(t.api, CREATE, { input: { email: 'given@station.example', name: 'Given', role: 'MEDIATOR', allStations: true, password: 'a given long password' } }, admin.headers);
    expect(given.createStaffUser.password).toBeNull();
    expect(given.createStaffUser.user.allStations).toBe(true);

    expect(fieldOf(await gql(t.api, CREATE, { input: { email: 'short@station.example', name: 'S', role: 'EDITOR', allStations: true, password: 'too short' } }, admin.headers))).toEqual(['PASSWORD_TOO_SHORT', 'input.password']);
    expect(fieldOf(await gql(t.api, CREATE, { input: { email: 'none@station.example', name: 'N', role: 'EDITOR' } }, admin.headers))).toEqual(['STAFF_STATIONS_REQUIRED', 'input.stationIds']);
    expect(fieldOf(await gql(t.api, CREATE, { input: { email: 'given@station.example', name: 'Again', role: 'EDITOR', allStations: true } }, admin.headers))).toEqual(['CONFLICT', 'input.email']);

    const entries = await t.db.prisma.auditEntry.findMany({ where: { entityType: 'StaffUser' } });
    const text = JSON.stringify(entries);
    expect(entries.some((e) => e.action === 'staff.create')).toBe(true);
    for (const secret of ['scrypt$', 'passwordHash', 'tokenHash', password ?? '-', 'a given long password', login.login.token]) expect(text).not.toContain(secret);
  });

  it('binds station-bound admins to their stations: they manage, list and grant only those (FORBIDDEN otherwise)', async () => {
    const [a, b] = stations;
    if (!a || !b) throw new Error('need two stations');
    const local = await createBoundStaff(t.db.prisma, 'ADMIN', [a.id], 'local-admin@station.example');
    const ours = await createBoundStaff(t.db.prisma, 'EDITOR', [a.id], 'ours@station.example');
    const theirs = await createBoundStaff(t.db.prisma, 'EDITOR', [a.id, b.id], 'theirs@station.example');

    const made = await gqlOk<Created>(t.api, CREATE, { input: { email: 'made-locally@station.example', name: 'Local', role: 'EDITOR', stationIds: [a.globalId] } }, local.headers);
    expect(made.createStaffUser.user.stations).toEqual([{ slug: a.slug }]);
    expect(fieldOf(await gql(t.api, CREATE, { input: { email: 'x1@station.example', name: 'X', role: 'EDITOR', stationIds: [b.globalId] } }, local.headers))).toEqual(['FORBIDDEN', 'input.stationIds']);
    expect(fieldOf(await gql(t.api, CREATE, { input: { email: 'x2@station.example', name: 'X', role: 'ADMIN', allStations: true } }, local.headers))).toEqual(['FORBIDDEN', 'input.allStations']);

    const { staffUsers } = await gqlOk<{ staffUsers: { email: string }[] }>(t.api, '{ staffUsers { email } }', {}, local.headers);
    expect(staffUsers.map((u) => u.email).sort()).toEqual(['local-admin@station.example', 'made-locally@station.example', 'ours@station.example']);

    for (const query of [DISABLE, RESET]) {
      expect(codesOf(await gql(t.api, query, { id: globalId('StaffUser', theirs.id) }, local.headers))).toEqual(['FORBIDDEN']);
    }
    expect(codesOf(await gql(t.api, UPDATE, { id: globalId('StaffUser', ours.id), input: { stationIds: [a.globalId, b.globalId] } }, local.headers))).toEqual(['FORBIDDEN']);
    const renamed = await gqlOk<{ updateStaffUser: { name: string } }>(t.api, UPDATE, { id: globalId('StaffUser', ours.id), input: { name: 'Ours renamed' } }, local.headers);
    expect(renamed.updateStaffUser.name).toBe('Ours renamed');
    expect(await t.db.prisma.staffUser.count({ where: { email: { in: ['x1@station.example', 'x2@station.example'] } } })).toBe(0);
  });

  it('updates are patches: an empty patch records nothing, stationIds replaces the stations, one\'s own role cannot change', async () => {
    const [a, , c] = stations;
    const user = await createBoundStaff(t.db.prisma, 'EDITOR', [a?.id ?? 0], 'patched@station.example');
    const id = globalId('StaffUser', user.id);
    const audits = () => t.db.prisma.auditEntry.count({ where: { action: 'staff.update', entityId: user.id } });
    await gqlOk(t.api, UPDATE, { id, input: {} }, admin.headers);
    await gqlOk(t.api, UPDATE, { id, input: { name: 'patched' } }, admin.headers);
    expect(await audits()).toBe(0);
    const moved = await gqlOk<{ updateStaffUser: unknown }>(t.api, UPDATE, { id, input: { role: 'MEDIATOR', stationIds: [c?.globalId] } }, admin.headers);
    expect(moved.updateStaffUser).toEqual({ name: 'patched', role: 'MEDIATOR', allStations: false, stations: [{ slug: c?.slug }] });
    const wide = await gqlOk<{ updateStaffUser: unknown }>(t.api, UPDATE, { id, input: { allStations: true } }, admin.headers);
    expect(wide.updateStaffUser).toMatchObject({ allStations: true, stations: [] });
    expect(await audits()).toBe(2);
    expect(fieldOf(await gql(t.api, UPDATE, { id, input: { allStations: false } }, admin.headers))).toEqual(['STAFF_STATIONS_REQUIRED', 'input.stationIds']);
    const adminId = (await t.db.prisma.staffUser.findUniqueOrThrow({ where: { email: 'admin@test.example' } })).id;
    expect(fieldOf(await gql(t.api, UPDATE, { id: globalId('StaffUser', adminId), input: { role: 'EDITOR' } }, admin.headers))).toEqual(['CANNOT_CHANGE_OWN_ACCESS', 'input.role']);
    expect(codesOf(await gql(t.api, RESET, { id: globalId('StaffUser', adminId) }, admin.headers))).toEqual(['CANNOT_CHANGE_OWN_ACCESS']);
  });

  it('resetStaffPassword answers a new password once and ends the sessions; changeOwnPassword checks the current one and ends the others', async () => {
    const user = await createBoundStaff(t.db.prisma, 'EDITOR', 'all', 'forgetful@station.example');
    const reset = await gqlOk<{ resetStaffPassword: { password: string } }>(t.api, RESET, { id: globalId('StaffUser', user.id) }, admin.headers);
    expect(await t.db.prisma.staffSession.count({ where: { userId: user.id } })).toBe(0);
    expect(codesOf(await gql(t.api, LOGIN, { email: user.email, password: `password-${user.email}` }))).toEqual(['UNAUTHENTICATED']);
    const first = await gqlOk<{ login: { token: string } }>(t.api, LOGIN, { email: user.email, password: reset.resetStaffPassword.password });
    const second = await gqlOk<{ login: { token: string } }>(t.api, LOGIN, { email: user.email, password: reset.resetStaffPassword.password });
    const mine = { authorization: `Bearer ${first.login.token}` };

    expect(fieldOf(await gql(t.api, CHANGE, { current: 'not the password', next: 'a brand new password' }, mine))).toEqual(['WRONG_PASSWORD', 'currentPassword']);
    expect(fieldOf(await gql(t.api, CHANGE, { current: reset.resetStaffPassword.password, next: 'short' }, mine))).toEqual(['PASSWORD_TOO_SHORT', 'newPassword']);
    expect(await gqlOk(t.api, CHANGE, { current: reset.resetStaffPassword.password, next: 'a brand new password' }, mine)).toEqual({ changeOwnPassword: true });
    expect((await gql(t.api, '{ me { email } }', {}, mine)).errors).toBeUndefined();
    expect(codesOf(await gql(t.api, '{ me { email } }', {}, { authorization: `Bearer ${second.login.token}` }))).toEqual(['UNAUTHENTICATED']);
    expect((await gqlOk<{ login: { token: string } }>(t.api, LOGIN, { email: user.email, password: 'a brand new password' })).login.token).toBeTruthy();

    const text = JSON.stringify(await t.db.prisma.auditEntry.findMany({ where: { entityId: user.id, entityType: 'StaffUser' } }));
    expect(text).toContain('staff.resetPassword');
    expect(text).toContain('staff.changePassword');
    for (const secret of ['scrypt$', reset.resetStaffPassword.password, 'a brand new password', first.login.token]) expect(text).not.toContain(secret);
  });
});
