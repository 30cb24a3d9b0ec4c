import { builder } from '../builder.ts';
import { LocalizedText, textOf } from './localized.ts';

builder.prismaObject('Metric', {
  description: 'A figure stations report every quarter: what exactly is counted, and in what unit.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable machine name, e.g. `criminal_cases`.' }),
    name: t.field({ type: LocalizedText, resolve: (m) => textOf(m.nameZh, m.nameEn) }),
    definition: t.field({ type: LocalizedText, resolve: (m) => textOf(m.definitionZh, m.definitionEn) }),
    unit: t.field({ type: LocalizedText, resolve: (m) => textOf(m.unitZh, m.unitEn) }),
    higherIsBetter: t.exposeBoolean('higherIsBetter', {
      description: 'Whether a rise is good news (satisfaction) or bad news (crime).',
    }),
  }),
});

builder.queryFields((t) => ({
  metrics: t.prismaField({
    type: ['Metric'],
    description: 'The metric catalogue, with definitions and units.',
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.metric.findMany({ ...query, orderBy: [{ position: 'asc' }, { id: 'asc' }] }),
  }),
}));
