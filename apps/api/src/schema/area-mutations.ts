import { auditedCreate, auditedUpdate } from '../domain/legacy-audit.ts';
import { builder } from '../builder.ts';
import { AreaKindEnum } from './area.ts';
import { count, columns, idFor, LocalizedLineInput } from './inputs.ts';

const AreaInput = builder.inputType('AreaInput', {
  description: 'A police area (警务区). Updates replace all of it.',
  fields: (t) => ({
    stationId: t.globalID({ required: true }),
    kind: t.field({ type: AreaKindEnum, required: true }),
    name: t.field({ type: LocalizedLineInput, required: true }),
    households: t.int({ validate: count }),
    population: t.int({ validate: count }),
    gridCount: t.int({ validate: count }),
  }),
});

function areaData(input: typeof AreaInput.$inferInput) {
  return {
    stationId: idFor(input.stationId, 'Station', 'input.stationId'),
    kind: input.kind,
    ...columns('name', input.name),
    households: input.households ?? null,
    population: input.population ?? null,
    gridCount: input.gridCount ?? null,
  };
}

builder.mutationFields((t) => ({
  createArea: t.prismaField({
    type: 'Area',
    authScopes: { editor: true },
    args: { input: t.arg({ type: AreaInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const data = areaData(input);
      const id = await auditedCreate(ctx, 'area.create', 'Area', (tx) => tx.area.create({ data }));
      return ctx.prisma.area.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateArea: t.prismaField({
    type: 'Area',
    authScopes: { editor: true },
    args: { id: t.arg.globalID({ required: true }), input: t.arg({ type: AreaInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'Area');
      const data = areaData(args.input);
      await auditedUpdate(ctx, 'area.update', 'Area', id, (tx) => tx.area.findUnique({ where: { id } }), (tx) =>
        tx.area.update({ where: { id }, data }),
      );
      return ctx.prisma.area.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  retireArea: t.prismaField({
    type: 'Area',
    description: 'Takes an area out of public lists (e.g. after a boundary change).',
    authScopes: { editor: true },
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'Area');
      await auditedUpdate(ctx, 'area.retire', 'Area', id, (tx) => tx.area.findUnique({ where: { id } }), (tx, before) =>
        tx.area.update({ where: { id }, data: { retiredAt: before.retiredAt ?? new Date() } }),
      );
      return ctx.prisma.area.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
