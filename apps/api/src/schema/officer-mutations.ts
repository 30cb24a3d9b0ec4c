import { auditedCreate, auditedUpdate } from '../audit.ts';
import { builder } from '../builder.ts';
import { badgeNumber, webUrl } from '../field-rules.ts';
import { idFor, LocalizedLineInput, optionalColumns, columns, phone } from './inputs.ts';
import { OfficerRoleEnum } from './officer.ts';

const OfficerInput = builder.inputType('OfficerInput', {
  description: 'A person residents can reach. Only a duty phone, never a private number. Updates replace all of it.',
  fields: (t) => ({
    stationId: t.globalID({ required: true }),
    role: t.field({ type: OfficerRoleEnum, required: true }),
    name: t.field({ type: LocalizedLineInput, required: true }),
    badgeNumber: t.string({ validate: badgeNumber }),
    photoUrl: t.string({ validate: webUrl }),
    dutyPhone: t.string({ validate: phone }),
    contactHours: t.field({ type: LocalizedLineInput }),
    lastVerifiedOn: t.field({ type: 'Date' }),
  }),
});

function officerData(input: typeof OfficerInput.$inferInput) {
  return {
    stationId: idFor(input.stationId, 'Station', 'input.stationId'),
    role: input.role,
    ...columns('name', input.name),
    badgeNumber: input.badgeNumber ?? null,
    photoUrl: input.photoUrl ?? null,
    dutyPhone: input.dutyPhone ?? null,
    ...optionalColumns('contactHours', input.contactHours),
    lastVerifiedOn: input.lastVerifiedOn ?? null,
  };
}

const AssignmentInput = builder.inputType('OfficerAssignmentInput', {
  fields: (t) => ({
    officerId: t.globalID({ required: true }),
    areaId: t.globalID({ required: true }),
    isPrimary: t.boolean({ required: true, description: 'The area\'s responsible officer rather than support.' }),
    since: t.field({ type: 'Date', required: true }),
  }),
});

function assignmentKey(input: { officerId: { typename: string; id: string }; areaId: { typename: string; id: string } }) {
  return {
    officerId: idFor(input.officerId, 'Officer', 'officerId'),
    areaId: idFor(input.areaId, 'Area', 'areaId'),
  };
}

builder.mutationFields((t) => ({
  createOfficer: t.prismaField({
    type: 'Officer',
    authScopes: { editor: true },
    args: { input: t.arg({ type: OfficerInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const data = officerData(input);
      const id = await auditedCreate(ctx, 'officer.create', 'Officer', (tx) => tx.officer.create({ data }));
      return ctx.prisma.officer.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateOfficer: t.prismaField({
    type: 'Officer',
    authScopes: { editor: true },
    args: { id: t.arg.globalID({ required: true }), input: t.arg({ type: OfficerInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'Officer');
      const data = officerData(args.input);
      await auditedUpdate(ctx, 'officer.update', 'Officer', id, (tx) => tx.officer.findUnique({ where: { id } }), (tx) =>
        tx.officer.update({ where: { id }, data }),
      );
      return ctx.prisma.officer.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  retireOfficer: t.prismaField({
    type: 'Officer',
    description: 'Takes an officer out of service: no longer listed or shown for their areas.',
    authScopes: { editor: true },
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'Officer');
      await auditedUpdate(ctx, 'officer.retire', 'Officer', id, (tx) => tx.officer.findUnique({ where: { id } }), (tx, before) =>
        tx.officer.update({ where: { id }, data: { retiredAt: before.retiredAt ?? new Date() } }),
      );
      return ctx.prisma.officer.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  assignOfficer: t.prismaField({
    type: 'OfficerAssignment',
    description: 'Makes an officer serve an area (CONFLICT if they already do).',
    authScopes: { editor: true },
    args: { input: t.arg({ type: AssignmentInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const data = { ...assignmentKey(input), isPrimary: input.isPrimary, since: input.since };
      const id = await auditedCreate(ctx, 'officerAssignment.create', 'OfficerAssignment', (tx) =>
        tx.officerAssignment.create({ data }),
      );
      return ctx.prisma.officerAssignment.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateOfficerAssignment: t.prismaField({
    type: 'OfficerAssignment',
    authScopes: { editor: true },
    args: { input: t.arg({ type: AssignmentInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const key = { officerId_areaId: assignmentKey(input) };
      const id = await ctx.prisma.officerAssignment.findUnique({ where: key, select: { id: true } });
      await auditedUpdate(
        ctx,
        'officerAssignment.update',
        'OfficerAssignment',
        id?.id ?? -1,
        (tx) => tx.officerAssignment.findUnique({ where: key }),
        (tx) => tx.officerAssignment.update({ where: key, data: { isPrimary: input.isPrimary, since: input.since } }),
      );
      return ctx.prisma.officerAssignment.findUniqueOrThrow({ ...query, where: key });
    },
  }),
  unassignOfficer: t.boolean({
    description: 'Ends an officer\'s service of an area (the audit trail keeps the assignment).',
    authScopes: { editor: true },
    args: { officerId: t.arg.globalID({ required: true }), areaId: t.arg.globalID({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const key = { officerId_areaId: assignmentKey(args) };
      const found = await ctx.prisma.officerAssignment.findUnique({ where: key, select: { id: true } });
      await auditedUpdate(
        ctx,
        'officerAssignment.delete',
        'OfficerAssignment',
        found?.id ?? -1,
        (tx) => tx.officerAssignment.findUnique({ where: key }),
        (tx) => tx.officerAssignment.delete({ where: key }).then(() => null),
      );
      return true;
    },
  }),
}));
