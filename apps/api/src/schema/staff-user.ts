import { StaffRole } from '@openstation/db';
import { z } from 'zod';
import { createSession } from '../auth/accounts.ts';
import { DECOY_PASSWORD_HASH, verifyPassword } from '../auth/passwords.ts';
import { audited } from '../domain/legacy-audit.ts';
import { builder } from '../builder.ts';
import { ClientError, NotFoundError, StateError } from '../errors.ts';
import { idFor } from './inputs.ts';

export const StaffRoleEnum = builder.enumType(StaffRole, {
  name: 'StaffRole',
  description: 'ADMIN manages accounts and keys and may do everything; EDITOR maintains and publishes content; MEDIATOR maintains mediation rooms and cases.',
});

builder.prismaNode('StaffUser', {
  description: 'A member of station staff. Visible to the user themself and to admins.',
  id: { field: 'id' },
  authScopes: (user, { principal }) =>
    principal.kind === 'staff' && (principal.role === 'ADMIN' || principal.userId === user.id),
  fields: (t) => ({
    email: t.exposeString('email'),
    name: t.exposeString('name'),
    role: t.expose('role', { type: StaffRoleEnum }),
    disabledAt: t.expose('disabledAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When an admin disabled the account (it cannot log in); null while it is enabled.',
    }),
  }),
});

const Session = builder.objectRef<{ token: string; expiresAt: Date }>('Session').implement({
  description: 'A staff session: send `Authorization: Bearer <token>` with each request until `expiresAt`.',
  fields: (t) => ({
    token: t.exposeString('token', { description: 'Shown once; only its hash is stored.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  staffUsers: t.prismaField({
    type: ['StaffUser'],
    description: 'Every staff account, enabled ones first, then by email (admins only): where an admin finds the id to disable or enable.',
    authScopes: { admin: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.staffUser.findMany({ ...query, orderBy: [{ disabledAt: { sort: 'asc', nulls: 'first' } }, { email: 'asc' }] }),
  }),
  me: t.prismaField({
    type: 'StaffUser',
    description: 'The signed-in staff member.',
    authScopes: { staff: true },
    resolve: (query, _root, _args, { prisma, principal }) =>
      prisma.staffUser.findUniqueOrThrow({ ...query, where: { id: principal.kind === 'staff' ? principal.userId : -1 } }),
  }),
}));

function wrongCredentials(): ClientError {
  return new ClientError('UNAUTHENTICATED', 'Wrong email or password.');
}

const STAFF_SNAPSHOT = { id: true, email: true, name: true, role: true, disabledAt: true } as const;

builder.mutationFields((t) => ({
  disableStaffUser: t.prismaField({
    type: 'StaffUser',
    description:
      'Disables a staff account: its sessions end at once and it can no longer log in (a login answers UNAUTHENTICATED, as for ' +
      'a wrong password). Admins only; CANNOT_DISABLE_SELF for one\'s own account, INVALID_STATE if already disabled.',
    authScopes: { admin: true },
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'StaffUser');
      const { principal } = ctx;
      if (principal.kind === 'staff' && principal.userId === id) {
        throw new ClientError('CANNOT_DISABLE_SELF', 'You cannot disable your own account: ask another admin.');
      }
      await audited(ctx, 'staff.disable', async (tx) => {
        const before = await tx.staffUser.findUnique({ where: { id }, select: STAFF_SNAPSHOT });
        if (!before) throw new NotFoundError('No staff user has this id.', { entityType: 'StaffUser' });
        if (before.disabledAt) throw new StateError('This account is already disabled.');
        const after = await tx.staffUser.update({ where: { id }, data: { disabledAt: new Date() }, select: STAFF_SNAPSHOT });
        const ended = await tx.staffSession.deleteMany({ where: { userId: id } });
        return { entityType: 'StaffUser', entityId: id, before, after: { ...after, sessionsEnded: ended.count }, result: id };
      });
      return ctx.prisma.staffUser.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  enableStaffUser: t.prismaField({
    type: 'StaffUser',
    description: 'Enables a disabled staff account again: it may log in with its password. Admins only; INVALID_STATE if not disabled.',
    authScopes: { admin: true },
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'StaffUser');
      await audited(ctx, 'staff.enable', async (tx) => {
        const before = await tx.staffUser.findUnique({ where: { id }, select: STAFF_SNAPSHOT });
        if (!before) throw new NotFoundError('No staff user has this id.', { entityType: 'StaffUser' });
        if (!before.disabledAt) throw new StateError('This account is not disabled.');
        const after = await tx.staffUser.update({ where: { id }, data: { disabledAt: null }, select: STAFF_SNAPSHOT });
        return { entityType: 'StaffUser', entityId: id, before, after, result: id };
      });
      return ctx.prisma.staffUser.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  login: t.field({
    type: Session,
    description:
      'Opens a staff session. A wrong email and a wrong password give the same UNAUTHENTICATED answer. ' +
      'Costs 1,000 of the caller\'s budget: password hashing is deliberately slow, so guessing is too.',
    complexity: 1000,
    args: {
      email: t.arg.string({ required: true, validate: z.string().trim().min(3).max(320) }),
      password: t.arg.string({ required: true, validate: z.string().min(1).max(1024) }),
    },
    resolve: async (_root, { email, password }, ctx) => {
      const user = await ctx.prisma.staffUser.findUnique({
        where: { email: email.trim().toLowerCase() },
        select: { id: true, passwordHash: true, disabledAt: true },
      });
      const matches = await verifyPassword(password, user?.passwordHash ?? DECOY_PASSWORD_HASH);
      if (!user || !matches || user.disabledAt) throw wrongCredentials();
      return audited(ctx, 'staff.login', async (tx) => {
        const session = await createSession(tx, user.id);
        return {
          entityType: 'StaffUser',
          entityId: user.id,
          before: null,
          after: { expiresAt: session.expiresAt },
          result: session,
          staffUserId: user.id,
        };
      });
    },
  }),
  logout: t.boolean({
    description: 'Ends the current staff session.',
    authScopes: { staff: true },
    resolve: async (_root, _args, ctx) => {
      const { principal } = ctx;
      if (principal.kind !== 'staff') return false;
      return audited(ctx, 'staff.logout', async (tx) => {
        await tx.staffSession.update({ where: { id: principal.sessionId }, data: { revokedAt: new Date() } });
        return { entityType: 'StaffUser', entityId: principal.userId, before: null, after: null, result: true };
      });
    },
  }),
}));
