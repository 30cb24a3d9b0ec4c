import { auditedCreate, auditedUpdate } from '../domain/legacy-audit.ts';
import { builder } from '../builder.ts';
import { timeLimitDays, webUrl } from '../field-rules.ts';
import { replaceServiceItem } from '../service-item-history.ts';
import { columns, idFor, LocalizedLineInput, LocalizedListInput, LocalizedProseInput, optionalColumns, slug } from './inputs.ts';
import { ServiceCategoryEnum } from './service-item.ts';

const ServiceItemInput = builder.inputType('ServiceItemInput', {
  description: 'A service (办事指南). An update replaces it, keeps the previous version in its history and bumps `version`.',
  fields: (t) => ({
    stationId: t.globalID({ required: true }),
    slug: t.string({ required: true, validate: slug }),
    category: t.field({ type: ServiceCategoryEnum, required: true }),
    title: t.field({ type: LocalizedLineInput, required: true }),
    conditions: t.field({ type: LocalizedProseInput, required: true }),
    materials: t.field({ type: LocalizedListInput, required: true }),
    steps: t.field({ type: LocalizedListInput, required: true }),
    timeLimitDays: t.int({ validate: timeLimitDays }),
    timeLimit: t.field({ type: LocalizedLineInput, required: true }),
    fee: t.field({ type: LocalizedLineInput, required: true }),
    feeBasis: t.field({ type: LocalizedProseInput }),
    location: t.field({ type: LocalizedLineInput, required: true }),
    hours: t.field({ type: LocalizedLineInput, required: true }),
    onlineUrl: t.string({ validate: webUrl }),
    appointment: t.field({ type: LocalizedProseInput }),
    effectiveFrom: t.field({ type: 'Date', required: true }),
  }),
});

function serviceItemData(input: typeof ServiceItemInput.$inferInput) {
  return {
    stationId: idFor(input.stationId, 'Station', 'input.stationId'),
    slug: input.slug,
    category: input.category,
    ...columns('title', input.title),
    ...columns('conditions', input.conditions),
    materialsZh: input.materials.zh,
    materialsEn: input.materials.en ?? [],
    stepsZh: input.steps.zh,
    stepsEn: input.steps.en ?? [],
    timeLimitDays: input.timeLimitDays ?? null,
    ...columns('timeLimit', input.timeLimit),
    ...columns('fee', input.fee),
    ...optionalColumns('feeBasis', input.feeBasis),
    ...columns('location', input.location),
    ...columns('hours', input.hours),
    onlineUrl: input.onlineUrl ?? null,
    ...optionalColumns('appointment', input.appointment),
    effectiveFrom: input.effectiveFrom,
  };
}

builder.mutationFields((t) => ({
  createServiceItem: t.prismaField({
    type: 'ServiceItem',
    authScopes: { editor: true },
    args: { input: t.arg({ type: ServiceItemInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const data = serviceItemData(input);
      const id = await auditedCreate(ctx, 'serviceItem.create', 'ServiceItem', (tx) => tx.serviceItem.create({ data }));
      return ctx.prisma.serviceItem.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateServiceItem: t.prismaField({
    type: 'ServiceItem',
    description: 'Publishes a new version of a service item; the previous one is kept as a revision.',
    authScopes: { editor: true },
    args: { id: t.arg.globalID({ required: true }), input: t.arg({ type: ServiceItemInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'ServiceItem');
      const data = serviceItemData(args.input);
      await auditedUpdate(
        ctx,
        'serviceItem.update',
        'ServiceItem',
        id,
        (tx) => tx.serviceItem.findUnique({ where: { id } }),
        (tx, before) => replaceServiceItem(tx, before, data),
      );
      return ctx.prisma.serviceItem.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  retireServiceItem: t.prismaField({
    type: 'ServiceItem',
    description: 'Withdraws a service item from public lists.',
    authScopes: { editor: true },
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'ServiceItem');
      await auditedUpdate(ctx, 'serviceItem.retire', 'ServiceItem', id, (tx) => tx.serviceItem.findUnique({ where: { id } }), (tx, before) =>
        tx.serviceItem.update({ where: { id }, data: { retiredAt: before.retiredAt ?? new Date() } }),
      );
      return ctx.prisma.serviceItem.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
