import { builder } from '../builder.ts';
import { createArea, retireArea, updateArea } from '../domain/areas.ts';
import { AreaKindEnum } from './area.ts';
import { count, idFor, LocalizedLineInput } from './inputs.ts';

const AreaInput = builder.inputType('AreaInput', {
  description: 'A new police area (警务区).',
  fields: (t) => ({
    stationId: t.globalID({ required: true }),
    kind: t.field({ type: AreaKindEnum, required: true }),
    name: t.field({ type: LocalizedLineInput, required: true }),
    households: t.int({ validate: count }),
    population: t.int({ validate: count }),
    gridCount: t.int({ validate: count }),
  }),
});

const AreaPatch = builder.inputType('AreaPatch', {
  description: 'Changes to an area: a field left out is unchanged, `null` clears it (where it may be empty).',
  fields: (t) => ({
    kind: t.field({ type: AreaKindEnum }),
    name: t.field({ type: LocalizedLineInput }),
    households: t.int({ validate: count }),
    population: t.int({ validate: count }),
    gridCount: t.int({ validate: count }),
  }),
});

builder.mutationFields((t) => ({
  createArea: t.prismaField({
    type: 'Area',
    description: 'Adds a police area (警务区) to a station. Editors of that station.',
    authScopes: { editor: true },
    args: { input: t.arg({ type: AreaInput, required: true }) },
    resolve: async (query, _root, { input: { stationId, ...fields } }, ctx) => {
      const id = await createArea(ctx, idFor(stationId, 'Station', 'input.stationId'), fields);
      return ctx.prisma.area.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateArea: t.prismaField({
    type: 'Area',
    description: 'Changes the fields given; the rest stay as they are. An empty patch changes nothing and is not audited.',
    authScopes: { editor: true },
    args: { id: t.arg.globalID({ required: true }), input: t.arg({ type: AreaPatch, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'Area');
      await updateArea(ctx, id, args.input);
      return ctx.prisma.area.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  retireArea: t.prismaField({
    type: 'Area',
    description:
      'Takes an area out of public lists (e.g. after a boundary change). Officers still assigned to it no longer show for it: ' +
      'the warning AREA_HAS_OFFICERS (`extensions.warnings`) names them.',
    authScopes: { editor: true },
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'Area');
      await retireArea(ctx, id);
      return ctx.prisma.area.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
