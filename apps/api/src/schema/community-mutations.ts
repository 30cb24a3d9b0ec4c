import {
  createEvent,
  createVolunteerTeam,
  retireEvent,
  retireVolunteerTeam,
  updateEvent,
  updateVolunteerTeam,
} from '../domain/community.ts';
import { builder } from '../builder.ts';
import { EventKindEnum } from './event.ts';
import { count, idFor, LocalizedLineInput, LocalizedProseInput, optionalIdFor, year } from './inputs.ts';

const VolunteerTeamInput = builder.inputType('VolunteerTeamInput', {
  description: 'A new volunteer team (群防群治) of a station; its Chinese name is unique in the station.',
  fields: (t) => ({
    stationId: t.globalID({ required: true }),
    name: t.field({ type: LocalizedLineInput, required: true }),
    description: t.field({ type: LocalizedProseInput, required: true }),
    memberCount: t.int({ validate: count }),
    foundedYear: t.int({ validate: year }),
  }),
});

const VolunteerTeamPatch = builder.inputType('VolunteerTeamPatch', {
  description: 'Changes to a volunteer team: a field left out is unchanged, `null` clears it (where it may be empty).',
  fields: (t) => ({
    name: t.field({ type: LocalizedLineInput }),
    description: t.field({ type: LocalizedProseInput }),
    memberCount: t.int({ validate: count }),
    foundedYear: t.int({ validate: year }),
  }),
});

const TIMES = '`endsAt` not before `startsAt`; the area, if one, is an area of the event\'s station.';

const EventInput = builder.inputType('EventInput', {
  description: `A new public event of a station. ${TIMES}`,
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
});

const EventPatch = builder.inputType('EventPatch', {
  description: `Changes to an event: a field left out is unchanged, \`null\` clears it (where it may be empty). ${TIMES}`,
  fields: (t) => ({
    areaId: t.globalID(),
    kind: t.field({ type: EventKindEnum }),
    title: t.field({ type: LocalizedLineInput }),
    description: t.field({ type: LocalizedProseInput }),
    location: t.field({ type: LocalizedLineInput }),
    startsAt: t.field({ type: 'DateTime' }),
    endsAt: t.field({ type: 'DateTime' }),
  }),
});

const PATCH = 'Changes the fields given; the rest stay as they are. An empty patch changes nothing and is not audited.';

builder.mutationFields((t) => ({
  createVolunteerTeam: t.prismaField({
    type: 'VolunteerTeam',
    description: 'Adds a volunteer team (群防群治) to a station. Editors of that station.',
    authScopes: { editor: true },
    args: { input: t.arg({ type: VolunteerTeamInput, required: true }) },
    resolve: async (query, _root, { input: { stationId, ...fields } }, ctx) => {
      const id = await createVolunteerTeam(ctx, idFor(stationId, 'Station', 'input.stationId'), fields);
      return ctx.prisma.volunteerTeam.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateVolunteerTeam: t.prismaField({
    type: 'VolunteerTeam',
    description: PATCH,
    authScopes: { editor: true },
    args: { id: t.arg.globalID({ required: true }), input: t.arg({ type: VolunteerTeamPatch, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'VolunteerTeam');
      await updateVolunteerTeam(ctx, id, args.input);
      return ctx.prisma.volunteerTeam.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  retireVolunteerTeam: t.prismaField({
    type: 'VolunteerTeam',
    description: 'Disbands a volunteer team: it leaves the public pages.',
    authScopes: { editor: true },
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'VolunteerTeam');
      await retireVolunteerTeam(ctx, id);
      return ctx.prisma.volunteerTeam.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  createEvent: t.prismaField({
    type: 'Event',
    description: 'Announces a public event of a station. Editors of that station.',
    authScopes: { editor: true },
    args: { input: t.arg({ type: EventInput, required: true }) },
    resolve: async (query, _root, { input: { stationId, areaId, ...fields } }, ctx) => {
      const id = await createEvent(ctx, idFor(stationId, 'Station', 'input.stationId'), { ...fields, areaId: optionalIdFor(areaId, 'Area', 'input.areaId') });
      return ctx.prisma.event.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateEvent: t.prismaField({
    type: 'Event',
    description: PATCH,
    authScopes: { editor: true },
    args: { id: t.arg.globalID({ required: true }), input: t.arg({ type: EventPatch, required: true }) },
    resolve: async (query, _root, { id: globalId, input: { areaId, ...fields } }, ctx) => {
      const id = idFor(globalId, 'Event');
      await updateEvent(ctx, id, { ...fields, areaId: optionalIdFor(areaId, 'Area', 'input.areaId') });
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
      await retireEvent(ctx, id);
      return ctx.prisma.event.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
