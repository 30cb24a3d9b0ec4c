import { StaffRole } from '@openstation/db';
import { z } from 'zod';
import { createSession } from '../auth/accounts.ts';
import { DECOY_PASSWORD_HASH, verifyPassword } from '../auth/passwords.ts';
import { audited } from '../audit.ts';
import { builder } from '../builder.ts';
import { ClientError } from '../errors.ts';

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

builder.mutationFields((t) => ({
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
