import { auditedCreate, auditedUpdate } from '../domain/legacy-audit.ts';
import { builder } from '../builder.ts';
import { count, columns, idFor, LocalizedLineInput, LocalizedProseInput, phone, slug } from './inputs.ts';
import { z } from 'zod';

const StationInput = builder.inputType('StationInput', {
  description: 'Everything about a station that staff maintain. Updates replace all of it.',
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

function stationData(input: typeof StationInput.$inferInput) {
  return {
    slug: input.slug,
    ...columns('name', input.name),
    ...columns('bureau', input.bureau),
    ...columns('region', input.region),
    ...columns('address', input.address),
    dutyPhone: input.dutyPhone,
    ...columns('openingHours', input.openingHours),
    ...columns('summary', input.summary),
    areaKm2: input.areaKm2 ?? null,
    population: input.population ?? null,
    households: input.households ?? null,
    registeredUnits: input.registeredUnits ?? null,
    policeOfficers: input.policeOfficers ?? null,
    auxiliaryOfficers: input.auxiliaryOfficers ?? null,
    gridWorkers: input.gridWorkers ?? null,
  };
}

builder.mutationFields((t) => ({
  createStation: t.prismaField({
    type: 'Station',
    description: 'Registers a station.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: StationInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await auditedCreate(ctx, 'station.create', 'Station', (tx) => tx.station.create({ data: stationData(input) }));
      return ctx.prisma.station.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateStation: t.prismaField({
    type: 'Station',
    description: 'Replaces a station\'s facts.',
    authScopes: { editor: true },
    args: { id: t.arg.globalID({ required: true }), input: t.arg({ type: StationInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'Station');
      await auditedUpdate(
        ctx,
        'station.update',
        'Station',
        id,
        (tx) => tx.station.findUnique({ where: { id } }),
        (tx) => tx.station.update({ where: { id }, data: stationData(args.input) }),
      );
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
      await auditedUpdate(
        ctx,
        'station.retire',
        'Station',
        id,
        (tx) => tx.station.findUnique({ where: { id } }),
        (tx, before) => tx.station.update({ where: { id }, data: { retiredAt: before.retiredAt ?? new Date() } }),
      );
      return ctx.prisma.station.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
