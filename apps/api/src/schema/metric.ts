import { MetricKind } from '@openstation/db';
import { builder } from '../builder.ts';
import { LocalizedText, textOf } from './localized.ts';

export const MetricKindEnum = builder.enumType(MetricKind, {
  name: 'MetricKind',
  description: 'What a metric counts, and so the values a report may give it: COUNT a whole number ≥ 0, PERCENT 0–100, MONEY an amount ≥ 0.',
});

builder.prismaObject('Metric', {
  description: 'A figure stations report every quarter: what exactly is counted, and in what unit.',
  // Select mode: only the columns the requested fields read are loaded.
  select: {},
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable machine name, e.g. `criminal_cases`.' }),
    name: t.field({ type: LocalizedText, select: { nameZh: true, nameEn: true }, resolve: (m) => textOf(m.nameZh, m.nameEn) }),
    definition: t.field({ type: LocalizedText, select: { definitionZh: true, definitionEn: true }, resolve: (m) => textOf(m.definitionZh, m.definitionEn) }),
    kind: t.expose('kind', { type: MetricKindEnum }),
    unit: t.field({ type: LocalizedText, select: { unitZh: true, unitEn: true }, resolve: (m) => textOf(m.unitZh, m.unitEn) }),
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
