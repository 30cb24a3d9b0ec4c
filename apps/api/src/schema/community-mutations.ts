import { z } from 'zod';
import { auditedCreate, auditedUpdate } from '../domain/legacy-audit.ts';
import { builder } from '../builder.ts';
import { EventKindEnum } from './event.ts';
import { columns, count, idFor, LocalizedLineInput, LocalizedProseInput, optionalColumns, year } from './inputs.ts';

const VolunteerTeamInput = builder.inputType('VolunteerTeamInput', {
  description: 'A volunteer team (群防群治). Updates replace all of it.',
  fields: (t) => ({
    stationId: t.globalID({ required: true }),
    name: t.field({ type: LocalizedLineInput, required: true }),
    description: t.field({ type: LocalizedProseInput, required: true }),
    memberCount: t.int({ validate: count }),
    foundedYear: t.int({ validate: year }),
  }),
});

function teamData(input: typeof VolunteerTeamInput.$inferInput) {
  return {
    stationId: idFor(input.stationId, 'Station', 'input.stationId'),
    ...columns('name', input.name),
    ...columns('description', input.description),
    memberCount: input.memberCount ?? null,
    foundedYear: input.foundedYear ?? null,
  };
}

const EventInput = builder.inputType('EventInput', {
  description: 'A public event. Updates replace all of it.',
  fields: (t) => ({
    stationId: t.globalID({ required: true }),
    areaId: t.globalID(),
    kind: t.field({ type: EventKindEnum, required: true }),
    title: t.field({ type: LocalizedLineInput, required: true }),
    description: t.field({ type: LocalizedProseInput, required: true }),
    location: t.field({ type: LocalizedLineInput, required: true }),
    startsAt: t.field({ type: 'DateTime', required: true }),
    endsAt: t.field({ type: 'DateTime' }),
  }),
  validate: z
    .looseObject({ startsAt: z.date(), endsAt: z.date().nullish() })
    .refine((e) => e.endsAt == null || e.endsAt >= e.startsAt, { message: 'endsAt must not be before startsAt', path: ['endsAt'] }),
});

function eventData(input: typeof EventInput.$inferInput) {
  return {
    stationId: idFor(input.stationId, 'Station', 'input.stationId'),
    areaId: input.areaId ? idFor(input.areaId, 'Area', 'input.areaId') : null,
    kind: input.kind,
    ...columns('title', input.title),
    ...columns('description', input.description),
    ...columns('location', input.location),
    startsAt: input.startsAt,
    endsAt: input.endsAt ?? null,
  };
}

builder.mutationFields((t) => ({
  createVolunteerTeam: t.prismaField({
    type: 'VolunteerTeam',
    authScopes: { editor: true },
    args: { input: t.arg({ type: VolunteerTeamInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const data = teamData(input);
      const id = await auditedCreate(ctx, 'volunteerTeam.create', 'VolunteerTeam', (tx) => tx.volunteerTeam.create({ data }));
      return ctx.prisma.volunteerTeam.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateVolunteerTeam: t.prismaField({
    type: 'VolunteerTeam',
    authScopes: { editor: true },
    args: { id: t.arg.globalID({ required: true }), input: t.arg({ type: VolunteerTeamInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'VolunteerTeam');
      const data = teamData(args.input);
      await auditedUpdate(ctx, 'volunteerTeam.update', 'VolunteerTeam', id, (tx) => tx.volunteerTeam.findUnique({ where: { id } }), (tx) =>
        tx.volunteerTeam.update({ where: { id }, data }),
      );
      return ctx.prisma.volunteerTeam.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  retireVolunteerTeam: t.prismaField({
    type: 'VolunteerTeam',
    authScopes: { editor: true },
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'VolunteerTeam');
      await auditedUpdate(ctx, 'volunteerTeam.retire', 'VolunteerTeam', id, (tx) => tx.volunteerTeam.findUnique({ where: { id } }), (tx, before) =>
        tx.volunteerTeam.update({ where: { id }, data: { retiredAt: before.retiredAt ?? new Date() } }),
      );
      return ctx.prisma.volunteerTeam.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  createEvent: t.prismaField({
    type: 'Event',
    authScopes: { editor: true },
    args: { input: t.arg({ type: EventInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const data = eventData(input);
      const id = await auditedCreate(ctx, 'event.create', 'Event', (tx) => tx.event.create({ data }));
      return ctx.prisma.event.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateEvent: t.prismaField({
    type: 'Event',
    authScopes: { editor: true },
    args: { id: t.arg.globalID({ required: true }), input: t.arg({ type: EventInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'Event');
      const data = eventData(args.input);
      await auditedUpdate(ctx, 'event.update', 'Event', id, (tx) => tx.event.findUnique({ where: { id } }), (tx) =>
        tx.event.update({ where: { id }, data }),
      );
      return ctx.prisma.event.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  retireEvent: t.prismaField({
    type: 'Event',
    description: 'Cancels an event: it leaves public lists.',
    authScopes: { editor: true },
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'Event');
      await auditedUpdate(ctx, 'event.retire', 'Event', id, (tx) => tx.event.findUnique({ where: { id } }), (tx, before) =>
        tx.event.update({ where: { id }, data: { retiredAt: before.retiredAt ?? new Date() } }),
      );
      return ctx.prisma.event.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
