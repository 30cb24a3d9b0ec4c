import { builder } from '../builder.ts';
import { createServiceItem, retireServiceItem, updateServiceItem } from '../domain/service-items.ts';
import { timeLimitDays, webUrl } from '../field-rules.ts';
import { idFor, LocalizedLineInput, LocalizedListInput, LocalizedProseInput, slug } from './inputs.ts';
import { ServiceCategoryEnum } from './service-item.ts';

const ServiceItemInput = builder.inputType('ServiceItemInput', {
  description: 'A new service (办事指南).',
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

const ServiceItemPatch = builder.inputType('ServiceItemPatch', {
  description: 'Changes to a service item: a field left out is unchanged, `null` clears an optional one. A change publishes a new version and keeps the previous one in its history.',
  fields: (t) => ({
    slug: t.string({ validate: slug }),
    category: t.field({ type: ServiceCategoryEnum }),
    title: t.field({ type: LocalizedLineInput }),
    conditions: t.field({ type: LocalizedProseInput }),
    materials: t.field({ type: LocalizedListInput }),
    steps: t.field({ type: LocalizedListInput }),
    timeLimitDays: t.int({ validate: timeLimitDays }),
    timeLimit: t.field({ type: LocalizedLineInput }),
    fee: t.field({ type: LocalizedLineInput }),
    feeBasis: t.field({ type: LocalizedProseInput }),
    location: t.field({ type: LocalizedLineInput }),
    hours: t.field({ type: LocalizedLineInput }),
    onlineUrl: t.string({ validate: webUrl }),
    appointment: t.field({ type: LocalizedProseInput }),
    effectiveFrom: t.field({ type: 'Date' }),
  }),
});

builder.mutationFields((t) => ({
  createServiceItem: t.prismaField({
    type: 'ServiceItem',
    description: 'Adds an item to a station\'s service guide (办事指南). Editors of that station.',
    authScopes: { editor: true },
    args: { input: t.arg({ type: ServiceItemInput, required: true }) },
    resolve: async (query, _root, { input: { stationId, ...fields } }, ctx) => {
      const id = await createServiceItem(ctx, idFor(stationId, 'Station', 'input.stationId'), fields);
      return ctx.prisma.serviceItem.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateServiceItem: t.prismaField({
    type: 'ServiceItem',
    description: 'Publishes a new version of a service item with the fields given changed; the previous one is kept as a revision. An empty patch changes nothing.',
    authScopes: { editor: true },
    args: { id: t.arg.globalID({ required: true }), input: t.arg({ type: ServiceItemPatch, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'ServiceItem');
      await updateServiceItem(ctx, id, args.input);
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
      await retireServiceItem(ctx, id);
      return ctx.prisma.serviceItem.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
