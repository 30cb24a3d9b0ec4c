import { StaffRole } from '@openstation/db';
import { z } from 'zod';
import { builder } from '../builder.ts';
import { pageSize } from './pagination.ts';
import {
  changeOwnPassword,
  createStaffUser,
  disableStaffUser,
  enableStaffUser,
  manageableStaffFilter,
  resetStaffPassword,
  updateStaffUser,
} from '../domain/staff.ts';
import { login, logout } from '../domain/staff-sessions.ts';
import { NotFoundError } from '../errors.ts';
import { idFor } from './inputs.ts';
import { Station } from './station.ts';

export const StaffRoleEnum = builder.enumType(StaffRole, {
  name: 'StaffRole',
  description: 'ADMIN manages accounts and keys and may do everything; EDITOR maintains and publishes content; MEDIATOR maintains mediation rooms and cases.',
});

export const StaffUser = builder.prismaNode('StaffUser', {
  description: 'A member of station staff. Visible to the user themself and to admins.',
  id: { field: 'id' },
  authScopes: (user, { principal }) =>
    principal.kind === 'staff' && (principal.role === 'ADMIN' || principal.userId === user.id),
  fields: (t) => ({
    email: t.exposeString('email'),
    displayName: t.exposeString('name', { description: 'The staff member\'s name as shown in the console and the audit trail.' }),
    staffRole: t.expose('role', { type: StaffRoleEnum, description: 'What the staff member may do: ADMIN, EDITOR or MEDIATOR.' }),
    name: t.exposeString('name', { deprecationReason: 'Use `displayName`: one name means one type across Node types.' }),
    role: t.expose('role', { type: StaffRoleEnum, deprecationReason: 'Use `staffRole`: one name means one type across Node types.' }),
    allStations: t.exposeBoolean('allStations', { description: 'Acts for every station of the bureau (then `stations` is empty).' }),
    stations: t.field({
      type: [Station],
      description: 'The stations the account acts for (empty when `allStations`).',
      select: { stations: { select: { station: true }, orderBy: { stationId: 'asc' } } },
      resolve: (user) => user.stations.map((s) => s.station),
    }),
    disabledAt: t.expose('disabledAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When an admin disabled the account (it cannot log in); null while it is enabled.',
    }),
  }),
});

/** The one edge type of every connection of StaffUser records. */
export const StaffUserEdge = builder.edgeObject({ type: StaffUser, name: 'StaffUserEdge' });

const Session = builder.objectRef<{ token: string; expiresAt: Date }>('Session').implement({
  description: 'A staff session: send `Authorization: Bearer <token>` with each request until `expiresAt`.',
  fields: (t) => ({
    token: t.exposeString('token', { description: 'Shown once; only its hash is stored.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
  }),
});

const email = z.string().trim().toLowerCase().pipe(z.email('an email address').max(320));
const name = z.string().trim().min(1).max(200);
const password = z.string().min(1).max(1024);

const StaffUserInput = builder.inputType('StaffUserInput', {
  description: 'A new staff account: bound to `stationIds`, or bureau-wide with `allStations: true` (one of the two).',
  fields: (t) => ({
    email: t.string({ required: true, validate: email }),
    name: t.string({ required: true, validate: name }),
    role: t.field({ type: StaffRoleEnum, required: true }),
    stationIds: t.globalIDList({ description: 'The stations the account acts for.' }),
    allStations: t.boolean({ description: 'Acts for every station (bureau-wide admins may grant it).' }),
    password: t.string({ validate: password, description: 'At least 12 characters; left out, one is generated and answered once.' }),
  }),
});

const StaffUserPatch = builder.inputType('StaffUserPatch', {
  description: 'Changes to a staff account: a field left out is unchanged; `stationIds` replaces its stations.',
  fields: (t) => ({
    name: t.string({ validate: name }),
    role: t.field({ type: StaffRoleEnum }),
    stationIds: t.globalIDList(),
    allStations: t.boolean(),
  }),
});

interface WithPassword {
  userId: number;
  password: string | null;
}

const StaffUserWithPassword = builder.objectRef<WithPassword>('StaffUserWithPassword').implement({
  description: 'An account and the password it was given: shown this once, never stored in clear or in the audit trail.',
  fields: (t) => ({
    user: t.prismaField({ type: 'StaffUser', resolve: (query, parent, _args, ctx) => ctx.prisma.staffUser.findUniqueOrThrow({ ...query, where: { id: parent.userId } }) }),
    password: t.exposeString('password', { nullable: true, description: 'The generated password (null when the caller gave one): hand it over safely.' }),
  }),
});

const stationIdsOf = (ids: readonly { typename: string; id: string }[] | null | undefined, path: string) =>
  ids == null ? ids : ids.map((id, i) => idFor(id, 'Station', `${path}.${i}`));

builder.queryFields((t) => ({
  staffUsersConnection: t.prismaConnection(
    {
      type: 'StaffUser',
      cursor: 'id',
      ...pageSize,
      description:
        'The staff accounts the caller may manage (admins): all for bureau-wide admins, otherwise those whose stations are all theirs; enabled ones first, then by email.',
      authScopes: { admin: true },
      resolve: (query, _root, _args, ctx) =>
        ctx.prisma.staffUser.findMany({ ...query, where: manageableStaffFilter(ctx.principal), orderBy: [{ disabledAt: { sort: 'asc', nulls: 'first' } }, { email: 'asc' }, { id: 'asc' }] }),
    },
    {},
    StaffUserEdge,
  ),
  staffUsers: t.prismaField({
    type: ['StaffUser'],
    deprecationReason: 'Use `staffUsersConnection`: lists are paged.',
    description:
      'The staff accounts the caller may manage (admins): all for bureau-wide admins, otherwise those whose stations are all theirs; enabled ones first, then by email.',
    authScopes: { admin: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.staffUser.findMany({ ...query, where: manageableStaffFilter(ctx.principal), orderBy: [{ disabledAt: { sort: 'asc', nulls: 'first' } }, { email: 'asc' }] }),
  }),
  me: t.prismaField({
    type: 'StaffUser',
    description: 'The signed-in staff member.',
    authScopes: { staff: true },
    resolve: (query, _root, _args, { prisma, principal }) => {
      const id = principal.kind === 'staff' ? principal.userId : null;
      if (id === null) throw new NotFoundError('The operator channel is not a staff account: act as one with X-OpenStation-Act-As.');
      return prisma.staffUser.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));

builder.mutationFields((t) => ({
  createStaffUser: t.field({
    type: StaffUserWithPassword,
    description:
      'Creates a staff account (admins; audited, never with the password). Station-bound admins may give only their own stations (FORBIDDEN otherwise). ' +
      'STAFF_STATIONS_REQUIRED without stations or `allStations`, PASSWORD_TOO_SHORT under 12 characters, CONFLICT for a taken email.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: StaffUserInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      createStaffUser(ctx, { ...input, stationIds: stationIdsOf(input.stationIds, 'input.stationIds') }),
  }),
  updateStaffUser: t.prismaField({
    type: 'StaffUser',
    description:
      'Changes a staff account\'s name, role or stations (admins who may manage it; patch semantics). CANNOT_CHANGE_OWN_ACCESS for one\'s own role or stations.',
    authScopes: { admin: true },
    args: { id: t.arg.globalID({ required: true }), input: t.arg({ type: StaffUserPatch, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = await updateStaffUser(ctx, idFor(args.id, 'StaffUser'), { ...args.input, stationIds: stationIdsOf(args.input.stationIds, 'input.stationIds') });
      return ctx.prisma.staffUser.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  disableStaffUser: t.prismaField({
    type: 'StaffUser',
    description:
      'Disables a staff account: its sessions end at once and it can no longer log in (a login answers UNAUTHENTICATED, as for ' +
      'a wrong password). Admins only; CANNOT_DISABLE_SELF for one\'s own account, INVALID_STATE if already disabled.',
    authScopes: { admin: true },
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = await disableStaffUser(ctx, idFor(args.id, 'StaffUser'));
      return ctx.prisma.staffUser.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  enableStaffUser: t.prismaField({
    type: 'StaffUser',
    description: 'Enables a disabled staff account again: it may log in with its password. Admins only; INVALID_STATE if not disabled.',
    authScopes: { admin: true },
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = await enableStaffUser(ctx, idFor(args.id, 'StaffUser'));
      return ctx.prisma.staffUser.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  resetStaffPassword: t.field({
    type: StaffUserWithPassword,
    description:
      'Gives a staff account a new generated password, answered once, and ends its sessions (admins who may manage it; audited without the password). ' +
      'CANNOT_CHANGE_OWN_ACCESS for one\'s own account: use changeOwnPassword.',
    authScopes: { admin: true },
    args: { id: t.arg.globalID({ required: true }) },
    resolve: (_root, args, ctx) => resetStaffPassword(ctx, idFor(args.id, 'StaffUser')),
  }),
  changeOwnPassword: t.boolean({
    description:
      'Changes the signed-in staff member\'s password; their other sessions end. WRONG_PASSWORD when `currentPassword` is not right, ' +
      'PASSWORD_TOO_SHORT under 12 characters. Costs 1,000 like login.',
    authScopes: { staff: true },
    complexity: 1000,
    args: { currentPassword: t.arg.string({ required: true, validate: password }), newPassword: t.arg.string({ required: true, validate: password }) },
    resolve: (_root, args, ctx) => changeOwnPassword(ctx, args.currentPassword, args.newPassword),
  }),
  login: t.field({
    type: Session,
    description:
      'Opens a staff session. A wrong email and a wrong password give the same UNAUTHENTICATED answer. ' +
      'Costs 1,000 of the caller\'s budget: password hashing is deliberately slow, so guessing is too.',
    complexity: 1000,
    args: {
      email: t.arg.string({ required: true, validate: z.string().trim().min(3).max(320) }),
      password: t.arg.string({ required: true, validate: password }),
    },
    resolve: (_root, args, ctx) => login(ctx, args.email, args.password, ctx.loginGate),
  }),
  logout: t.boolean({
    description: 'Ends the current staff session.',
    authScopes: { staff: true },
    resolve: (_root, _args, ctx) => logout(ctx),
  }),
}));
