import { type Prisma, ServiceCategory } from '@openstation/db';
import { resolveArrayConnection } from '@pothos/plugin-relay';
import { z } from 'zod';
import { builder } from '../builder.ts';
import { actsFor } from '../domain/access.ts';
import { LocalizedText, LocalizedTextList, optionalTextOf, textListOf, textOf } from './localized.ts';
import { pageSize } from './pagination.ts';
import { serviceItemHistory, ServiceItemVersion, ServiceItemVersionEdge } from './service-item-history.ts';
import { assertStationExists } from './station.ts';
import { inServiceOrChangedSince, RETIRED_AT_DESCRIPTION, UPDATED_AT_DESCRIPTION, UPDATED_SINCE_DESCRIPTION } from './sync.ts';

export const ServiceCategoryEnum = builder.enumType(ServiceCategory, {
  name: 'ServiceCategory',
  description: 'Kinds of service a station offers residents (户籍, 身份证, 居住证, 出入境 …).',
});

export const ServiceItem = builder.prismaNode('ServiceItem', {
  description:
    '办事指南 — one service: who may apply, what to bring, the steps, the promised time limit, ' +
    'the fee and its legal basis, where and when.',
  id: { field: 'id' },
  fields: (t) => ({
    slug: t.exposeString('slug'),
    category: t.expose('category', { type: ServiceCategoryEnum }),
    title: t.field({ type: LocalizedText, resolve: (s) => textOf(s.titleZh, s.titleEn) }),
    conditions: t.field({ type: LocalizedText, resolve: (s) => textOf(s.conditionsZh, s.conditionsEn) }),
    materials: t.field({ type: LocalizedTextList, resolve: (s) => textListOf(s.materialsZh, s.materialsEn) }),
    steps: t.field({ type: LocalizedTextList, resolve: (s) => textListOf(s.stepsZh, s.stepsEn) }),
    timeLimitDays: t.exposeInt('timeLimitDays', {
      nullable: true,
      description: 'Promised time limit in working days; null when done on the spot or not fixed.',
    }),
    timeLimit: t.field({ type: LocalizedText, resolve: (s) => textOf(s.timeLimitZh, s.timeLimitEn) }),
    fee: t.field({ type: LocalizedText, resolve: (s) => textOf(s.feeZh, s.feeEn) }),
    feeBasis: t.field({
      type: LocalizedText,
      nullable: true,
      description: 'The law or price rule the fee is based on (收费依据).',
      resolve: (s) => optionalTextOf(s.feeBasisZh, s.feeBasisEn),
    }),
    location: t.field({ type: LocalizedText, resolve: (s) => textOf(s.locationZh, s.locationEn) }),
    hours: t.field({ type: LocalizedText, resolve: (s) => textOf(s.hoursZh, s.hoursEn) }),
    onlineUrl: t.exposeString('onlineUrl', { nullable: true }),
    appointment: t.field({
      type: LocalizedText,
      nullable: true,
      description: 'How to book an appointment, extended-hours or home service, if offered.',
      resolve: (s) => optionalTextOf(s.appointmentZh, s.appointmentEn),
    }),
    effectiveFrom: t.expose('effectiveFrom', { type: 'Date' }),
    version: t.exposeInt('version'),
    history: t.connection(
      {
        type: ServiceItemVersion,
        description: "Every version, newest first, with when and by whom it was published. Editors of the item's station.",
        select: { id: true, version: true, effectiveFrom: true, stationId: true },
        authScopes: (item, _args, ctx) => actsFor(ctx.principal, item.stationId) && { editor: true },
        // A version is not a record with an id: the history is built in memory (one item's versions), then paged.
        resolve: async (item, args, ctx) => {
          pageSize.defaultSize(args); // first or last, at most 100, as every connection
          return resolveArrayConnection({ args, maxSize: pageSize.maxSize }, await serviceItemHistory(ctx.prisma, item));
        },
      },
      {},
      ServiceItemVersionEdge,
    ),
    station: t.relation('station'),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: UPDATED_AT_DESCRIPTION }),
    retiredAt: t.expose('retiredAt', { type: 'DateTime', nullable: true, description: RETIRED_AT_DESCRIPTION }),
  }),
});

/** The one edge type of every connection of ServiceItem records. */
export const ServiceItemEdge = builder.edgeObject({ type: ServiceItem, name: 'ServiceItemEdge' });

builder.queryFields((t) => ({
  serviceItems: t.prismaConnection({
    type: 'ServiceItem',
    cursor: 'id',
    ...pageSize,
    description: 'Service items in force, by station and category, or whose text contains `search` (Chinese or English).',
    args: {
      stationSlug: t.arg.string(),
      category: t.arg({ type: ServiceCategoryEnum }),
      search: t.arg.string({
        description: 'Words to look for in title and conditions, e.g. "身份证" or "passport".',
        validate: z.string().trim().min(1, 'search must not be empty').max(100, 'search is at most 100 characters'),
      }),
      updatedSince: t.arg({ type: 'DateTime', description: UPDATED_SINCE_DESCRIPTION }),
    },
    resolve: async (query, _root, args, ctx) => {
      const term = args.search?.trim();
      const where: Prisma.ServiceItemWhereInput = {
        ...inServiceOrChangedSince(args.updatedSince),
        ...(args.stationSlug != null ? { station: { slug: args.stationSlug } } : {}),
        ...(args.category != null ? { category: args.category } : {}),
        ...(term
          ? {
              OR: (['titleZh', 'titleEn', 'conditionsZh', 'conditionsEn'] as const).map((field) => ({
                [field]: { contains: term, mode: 'insensitive' as const },
              })),
            }
          : {}),
      };
      const rows = await ctx.prisma.serviceItem.findMany({
        ...query,
        where,
        orderBy: [{ id: 'asc' }],
      });
      if (rows.length === 0) await assertStationExists(ctx, args.stationSlug);
      return rows;
    },
  }, {}, ServiceItemEdge),
}));
