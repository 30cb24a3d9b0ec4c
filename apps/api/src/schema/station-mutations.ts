import { builder } from '../builder.ts';
import { createStation, retireStation, updateStation } from '../domain/stations.ts';
import { count, idFor, LocalizedLineInput, LocalizedProseInput, phone, slug } from './inputs.ts';
import { z } from 'zod';

const StationInput = builder.inputType('StationInput', {
  description: 'Everything about a new station that staff maintain.',
  fields: (t) => ({
    slug: t.string({ required: true, validate: slug }),
    name: t.field({ type: LocalizedLineInput, required: true }),
    bureau: t.field({ type: LocalizedLineInput, required: true }),
    region: t.field({ type: LocalizedLineInput, required: true }),
    address: t.field({ type: LocalizedLineInput, required: true }),
    dutyPhone: t.string({ required: true, validate: phone }),
    openingHours: t.field({ type: LocalizedLineInput, required: true }),
    summary: t.field({ type: LocalizedProseInput, required: true }),
    areaKm2: t.float({ validate: z.number().positive().max(100_000) }),
    population: t.int({ validate: count }),
    households: t.int({ validate: count }),
    registeredUnits: t.int({ validate: count }),
    policeOfficers: t.int({ validate: count }),
    auxiliaryOfficers: t.int({ validate: count }),
    gridWorkers: t.int({ validate: count }),
  }),
});

const StationPatch = builder.inputType('StationPatch', {
  description: 'Changes to a station: a field left out is unchanged, `null` clears a figure.',
  fields: (t) => ({
    slug: t.string({ validate: slug }),
    name: t.field({ type: LocalizedLineInput }),
    bureau: t.field({ type: LocalizedLineInput }),
    region: t.field({ type: LocalizedLineInput }),
    address: t.field({ type: LocalizedLineInput }),
    dutyPhone: t.string({ validate: phone }),
    openingHours: t.field({ type: LocalizedLineInput }),
    summary: t.field({ type: LocalizedProseInput }),
    areaKm2: t.float({ validate: z.number().positive().max(100_000) }),
    population: t.int({ validate: count }),
    households: t.int({ validate: count }),
    registeredUnits: t.int({ validate: count }),
    policeOfficers: t.int({ validate: count }),
    auxiliaryOfficers: t.int({ validate: count }),
    gridWorkers: t.int({ validate: count }),
  }),
});

builder.mutationFields((t) => ({
  createStation: t.prismaField({
    type: 'Station',
    description: 'Registers a station.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: StationInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await createStation(ctx, input);
      return ctx.prisma.station.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateStation: t.prismaField({
    type: 'Station',
    description: 'Changes the facts given; the rest stay as they are. An empty patch changes nothing and is not audited.',
    authScopes: { editor: true },
    args: { id: t.arg.globalID({ required: true }), input: t.arg({ type: StationPatch, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'Station');
      await updateStation(ctx, id, args.input);
      return ctx.prisma.station.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  retireStation: t.prismaField({
    type: 'Station',
    description: 'Takes a station out of public lists; its history stays.',
    authScopes: { admin: true },
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'Station');
      await retireStation(ctx, id);
      return ctx.prisma.station.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
