import { CaseSource, CaseStatus } from '@openstation/db';
import { z } from 'zod';
import { actsFor, stationFilter } from '../domain/access.ts';
import {
  createMediationCase,
  createMediationRoom,
  retireMediationCase,
  retireMediationRoom,
  updateMediationCase,
  updateMediationRoom,
} from '../domain/mediation.ts';
import { builder } from '../builder.ts';
import { idFor, LocalizedLineInput, LocalizedProseInput, optionalIdFor, phone, slug, year } from './inputs.ts';
import { MediationCategoryEnum } from './mediation.ts';
import { pageSize } from './pagination.ts';

const CaseSourceEnum = builder.enumType(CaseSource, { name: 'CaseSource', description: 'How a dispute reached the mediation room.' });
const CaseStatusEnum = builder.enumType(CaseStatus, { name: 'CaseStatus', description: 'Where a dispute stands.' });

const caseReaders = { mediator: true, apiScope: 'mediation:read' } as const;

export const MediationCase = builder.prismaNode('MediationCase', {
  description:
    'One dispute: category, source, dates and outcome; never the parties\' names. Mediators of its station, and ' +
    '`mediation:read` keys of a partner agency of its station.',
  id: { field: 'id' },
  include: { room: { select: { stationId: true } } },
  authScopes: (mediationCase, { principal }) => {
    if (!actsFor(principal, mediationCase.room.stationId)) return false;
    return principal.kind === 'apiClient' ? principal.scopes.includes('mediation:read') : { mediator: true };
  },
  fields: (t) => ({
    reference: t.exposeString('reference'),
    caseCategory: t.expose('category', { type: MediationCategoryEnum, description: 'What the dispute is about.' }),
    category: t.expose('category', { type: MediationCategoryEnum, deprecationReason: 'Use `caseCategory`: one name means one type across Node types.' }),
    source: t.expose('source', { type: CaseSourceEnum }),
    caseStatus: t.expose('status', { type: CaseStatusEnum, description: 'Where the case stands.' }),
    status: t.expose('status', { type: CaseStatusEnum, deprecationReason: 'Use `caseStatus`: one name means one type across Node types.' }),
    receivedOn: t.expose('receivedOn', { type: 'Date' }),
    closedOn: t.expose('closedOn', { type: 'Date', nullable: true }),
    room: t.relation('room'),
  }),
});

/** The one edge type of every connection of MediationCase records. */
export const MediationCaseEdge = builder.edgeObject({ type: MediationCase, name: 'MediationCaseEdge' });

const MediationRoomInput = builder.inputType('MediationRoomInput', {
  description: 'A new mediation room of a station.',
  fields: (t) => ({
    stationId: t.globalID({ required: true }),
    slug: t.string({ required: true, validate: slug }),
    name: t.field({ type: LocalizedLineInput, required: true }),
    description: t.field({ type: LocalizedProseInput, required: true }),
    location: t.field({ type: LocalizedLineInput, required: true }),
    phone: t.string({ validate: phone }),
    openingHours: t.field({ type: LocalizedLineInput }),
    foundedYear: t.int({ validate: year }),
    leadMediatorId: t.globalID({ description: 'An officer of the same station.' }),
  }),
});

const MediationRoomPatch = builder.inputType('MediationRoomPatch', {
  description: 'Changes to a mediation room: a field left out is unchanged, `null` clears it (where it may be empty).',
  fields: (t) => ({
    slug: t.string({ validate: slug }),
    name: t.field({ type: LocalizedLineInput }),
    description: t.field({ type: LocalizedProseInput }),
    location: t.field({ type: LocalizedLineInput }),
    phone: t.string({ validate: phone }),
    openingHours: t.field({ type: LocalizedLineInput }),
    foundedYear: t.int({ validate: year }),
    leadMediatorId: t.globalID({ description: 'An officer of the same station.' }),
  }),
});

const reference = z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'letters, digits and hyphens');
const DATES = 'Not after today; `closedOn` not before `receivedOn`, and set exactly when the status is RESOLVED or UNRESOLVED.';

const MediationCaseInput = builder.inputType('MediationCaseInput', {
  description: `A dispute, without party names. ${DATES}`,
  fields: (t) => ({
    roomId: t.globalID({ required: true }),
    reference: t.string({ required: true, validate: reference }),
    category: t.field({ type: MediationCategoryEnum, required: true }),
    source: t.field({ type: CaseSourceEnum, required: true }),
    status: t.field({ type: CaseStatusEnum, required: true }),
    receivedOn: t.field({ type: 'Date', required: true }),
    closedOn: t.field({ type: 'Date' }),
  }),
});

const MediationCasePatch = builder.inputType('MediationCasePatch', {
  description: `Changes to a dispute: a field left out is unchanged, \`closedOn: null\` clears the closing date. ${DATES}`,
  fields: (t) => ({
    roomId: t.globalID({ description: 'Moves the case to another room of a station you mediate for.' }),
    reference: t.string({ validate: reference }),
    category: t.field({ type: MediationCategoryEnum }),
    source: t.field({ type: CaseSourceEnum }),
    status: t.field({ type: CaseStatusEnum }),
    receivedOn: t.field({ type: 'Date' }),
    closedOn: t.field({ type: 'Date' }),
  }),
});

const roomEditors = { editor: true, mediator: true } as const;

builder.queryFields((t) => ({
  mediationCases: t.prismaConnection({
    type: 'MediationCase',
    cursor: 'id',
    ...pageSize,
    description: 'Disputes of the stations you act for, newest first, optionally of one mediation room.',
    authScopes: caseReaders,
    args: { roomId: t.arg.globalID() },
    resolve: (query, _root, args, ctx) => {
      const stationId = stationFilter(ctx.principal);
      return ctx.prisma.mediationCase.findMany({
        ...query,
        where: {
          retiredAt: null,
          ...(args.roomId ? { roomId: idFor(args.roomId, 'MediationRoom', 'roomId') } : {}),
          ...(stationId ? { room: { stationId } } : {}),
        },
        orderBy: [{ receivedOn: 'desc' }, { id: 'desc' }],
      });
    },
  }, {}, MediationCaseEdge),
}));

builder.mutationFields((t) => ({
  createMediationRoom: t.prismaField({
    type: 'MediationRoom',
    description: 'Adds a mediation room to a station (its editors and mediators).',
    authScopes: roomEditors,
    args: { input: t.arg({ type: MediationRoomInput, required: true }) },
    resolve: async (query, _root, { input: { stationId, leadMediatorId, ...fields } }, ctx) => {
      const id = await createMediationRoom(ctx, idFor(stationId, 'Station', 'input.stationId'), {
        ...fields,
        leadMediatorId: optionalIdFor(leadMediatorId, 'Officer', 'input.leadMediatorId'),
      });
      return ctx.prisma.mediationRoom.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateMediationRoom: t.prismaField({
    type: 'MediationRoom',
    description: 'Changes the fields given; the rest stay as they are. An empty patch changes nothing and is not audited.',
    authScopes: roomEditors,
    args: { id: t.arg.globalID({ required: true }), input: t.arg({ type: MediationRoomPatch, required: true }) },
    resolve: async (query, _root, { id: globalId, input: { leadMediatorId, ...fields } }, ctx) => {
      const id = idFor(globalId, 'MediationRoom');
      await updateMediationRoom(ctx, id, { ...fields, leadMediatorId: optionalIdFor(leadMediatorId, 'Officer', 'input.leadMediatorId') });
      return ctx.prisma.mediationRoom.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  retireMediationRoom: t.prismaField({
    type: 'MediationRoom',
    description: 'Closes a mediation room: it leaves the public pages; its cases stay in the statistics.',
    authScopes: roomEditors,
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'MediationRoom');
      await retireMediationRoom(ctx, id);
      return ctx.prisma.mediationRoom.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  createMediationCase: t.prismaField({
    type: 'MediationCase',
    description: 'Records a dispute in a room of a station you mediate for (CONFLICT naming `input.reference` for a reference the room already has).',
    authScopes: { mediator: true },
    args: { input: t.arg({ type: MediationCaseInput, required: true }) },
    resolve: async (query, _root, { input: { roomId, ...fields } }, ctx) => {
      const id = await createMediationCase(ctx, { ...fields, roomId: idFor(roomId, 'MediationRoom', 'input.roomId') });
      return ctx.prisma.mediationCase.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateMediationCase: t.prismaField({
    type: 'MediationCase',
    description: 'Changes the fields given; the rest stay as they are. An empty patch changes nothing and is not audited.',
    authScopes: { mediator: true },
    args: { id: t.arg.globalID({ required: true }), input: t.arg({ type: MediationCasePatch, required: true }) },
    resolve: async (query, _root, { id: globalId, input: { roomId, ...fields } }, ctx) => {
      const id = idFor(globalId, 'MediationCase');
      await updateMediationCase(ctx, id, { ...fields, roomId: optionalIdFor(roomId, 'MediationRoom', 'input.roomId') });
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
      await retireMediationCase(ctx, id);
      return ctx.prisma.mediationCase.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
