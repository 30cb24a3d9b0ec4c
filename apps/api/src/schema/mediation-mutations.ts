import { CaseSource, CaseStatus } from '@openstation/db';
import { z } from 'zod';
import { auditedCreate, auditedUpdate } from '../domain/legacy-audit.ts';
import { builder } from '../builder.ts';
import { columns, idFor, LocalizedLineInput, LocalizedProseInput, optionalColumns, phone, slug, year } from './inputs.ts';
import { MediationCategoryEnum } from './mediation.ts';
import { pageSize } from './pagination.ts';

const CaseSourceEnum = builder.enumType(CaseSource, { name: 'CaseSource', description: 'How a dispute reached the mediation room.' });
const CaseStatusEnum = builder.enumType(CaseStatus, { name: 'CaseStatus', description: 'Where a dispute stands.' });

const caseReaders = { mediator: true, apiScope: 'mediation:read' } as const;

builder.prismaNode('MediationCase', {
  description: 'One dispute: category, source, dates and outcome; never the parties\' names. Mediators and `mediation:read` keys.',
  id: { field: 'id' },
  authScopes: caseReaders,
  fields: (t) => ({
    reference: t.exposeString('reference'),
    category: t.expose('category', { type: MediationCategoryEnum }),
    source: t.expose('source', { type: CaseSourceEnum }),
    status: t.expose('status', { type: CaseStatusEnum }),
    receivedOn: t.expose('receivedOn', { type: 'Date' }),
    closedOn: t.expose('closedOn', { type: 'Date', nullable: true }),
    room: t.relation('room'),
  }),
});

const MediationRoomInput = builder.inputType('MediationRoomInput', {
  description: 'A mediation room. Updates replace all of it.',
  fields: (t) => ({
    stationId: t.globalID({ required: true }),
    slug: t.string({ required: true, validate: slug }),
    name: t.field({ type: LocalizedLineInput, required: true }),
    description: t.field({ type: LocalizedProseInput, required: true }),
    location: t.field({ type: LocalizedLineInput, required: true }),
    phone: t.string({ validate: phone }),
    openingHours: t.field({ type: LocalizedLineInput }),
    foundedYear: t.int({ validate: year }),
    leadMediatorId: t.globalID(),
  }),
});

function roomData(input: typeof MediationRoomInput.$inferInput) {
  return {
    stationId: idFor(input.stationId, 'Station', 'input.stationId'),
    slug: input.slug,
    ...columns('name', input.name),
    ...columns('description', input.description),
    ...columns('location', input.location),
    phone: input.phone ?? null,
    ...optionalColumns('openingHours', input.openingHours),
    foundedYear: input.foundedYear ?? null,
    leadMediatorId: input.leadMediatorId ? idFor(input.leadMediatorId, 'Officer', 'input.leadMediatorId') : null,
  };
}

const MediationCaseInput = builder.inputType('MediationCaseInput', {
  description: 'A dispute, without party names. Updates replace all of it.',
  fields: (t) => ({
    roomId: t.globalID({ required: true }),
    reference: t.string({ required: true, validate: z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'letters, digits and hyphens') }),
    category: t.field({ type: MediationCategoryEnum, required: true }),
    source: t.field({ type: CaseSourceEnum, required: true }),
    status: t.field({ type: CaseStatusEnum, required: true }),
    receivedOn: t.field({ type: 'Date', required: true }),
    closedOn: t.field({ type: 'Date' }),
  }),
  validate: z
    .looseObject({ status: z.string(), receivedOn: z.date(), closedOn: z.date().nullish() })
    .refine((c) => c.closedOn == null || c.closedOn >= c.receivedOn, { message: 'closedOn must not be before receivedOn', path: ['closedOn'] })
    .refine((c) => (c.status === 'RESOLVED' || c.status === 'UNRESOLVED') === (c.closedOn != null), {
      message: 'closedOn is set exactly when the status is RESOLVED or UNRESOLVED',
      path: ['closedOn'],
    }),
});

function caseData(input: typeof MediationCaseInput.$inferInput) {
  return {
    roomId: idFor(input.roomId, 'MediationRoom', 'input.roomId'),
    reference: input.reference,
    category: input.category,
    source: input.source,
    status: input.status,
    receivedOn: input.receivedOn,
    closedOn: input.closedOn ?? null,
  };
}

const roomEditors = { editor: true, mediator: true } as const;

builder.queryFields((t) => ({
  mediationCases: t.prismaConnection({
    type: 'MediationCase',
    cursor: 'id',
    ...pageSize,
    description: 'Disputes, newest first, optionally of one mediation room.',
    authScopes: caseReaders,
    args: { roomId: t.arg.globalID() },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.mediationCase.findMany({
        ...query,
        where: { retiredAt: null, ...(args.roomId ? { roomId: idFor(args.roomId, 'MediationRoom', 'roomId') } : {}) },
        orderBy: [{ receivedOn: 'desc' }, { id: 'desc' }],
      }),
  }),
}));

builder.mutationFields((t) => ({
  createMediationRoom: t.prismaField({
    type: 'MediationRoom',
    authScopes: roomEditors,
    args: { input: t.arg({ type: MediationRoomInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const data = roomData(input);
      const id = await auditedCreate(ctx, 'mediationRoom.create', 'MediationRoom', (tx) => tx.mediationRoom.create({ data }));
      return ctx.prisma.mediationRoom.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateMediationRoom: t.prismaField({
    type: 'MediationRoom',
    authScopes: roomEditors,
    args: { id: t.arg.globalID({ required: true }), input: t.arg({ type: MediationRoomInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'MediationRoom');
      const data = roomData(args.input);
      await auditedUpdate(ctx, 'mediationRoom.update', 'MediationRoom', id, (tx) => tx.mediationRoom.findUnique({ where: { id } }), (tx) =>
        tx.mediationRoom.update({ where: { id }, data }),
      );
      return ctx.prisma.mediationRoom.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  retireMediationRoom: t.prismaField({
    type: 'MediationRoom',
    authScopes: roomEditors,
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'MediationRoom');
      await auditedUpdate(ctx, 'mediationRoom.retire', 'MediationRoom', id, (tx) => tx.mediationRoom.findUnique({ where: { id } }), (tx, before) =>
        tx.mediationRoom.update({ where: { id }, data: { retiredAt: before.retiredAt ?? new Date() } }),
      );
      return ctx.prisma.mediationRoom.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  createMediationCase: t.prismaField({
    type: 'MediationCase',
    authScopes: { mediator: true },
    args: { input: t.arg({ type: MediationCaseInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const data = caseData(input);
      const id = await auditedCreate(ctx, 'mediationCase.create', 'MediationCase', (tx) => tx.mediationCase.create({ data }));
      return ctx.prisma.mediationCase.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateMediationCase: t.prismaField({
    type: 'MediationCase',
    authScopes: { mediator: true },
    args: { id: t.arg.globalID({ required: true }), input: t.arg({ type: MediationCaseInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'MediationCase');
      const data = caseData(args.input);
      await auditedUpdate(ctx, 'mediationCase.update', 'MediationCase', id, (tx) => tx.mediationCase.findUnique({ where: { id } }), (tx) =>
        tx.mediationCase.update({ where: { id }, data }),
      );
      return ctx.prisma.mediationCase.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  retireMediationCase: t.prismaField({
    type: 'MediationCase',
    description: 'Withdraws a case recorded in error: it no longer counts in the statistics.',
    authScopes: { mediator: true },
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'MediationCase');
      await auditedUpdate(ctx, 'mediationCase.retire', 'MediationCase', id, (tx) => tx.mediationCase.findUnique({ where: { id } }), (tx, before) =>
        tx.mediationCase.update({ where: { id }, data: { retiredAt: before.retiredAt ?? new Date() } }),
      );
      return ctx.prisma.mediationCase.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
