import { builder } from '../builder.ts';
import { LocalizedText, textOf } from './localized.ts';

export const Honour = builder.prismaObject('Honour', {
  description: 'A distinction awarded to a station.',
  // Select mode: only the columns the requested fields read are loaded (the id for cursors).
  select: { id: true, titleZh: true, titleEn: true, year: true },
  fields: (t) => ({
    title: t.field({ type: LocalizedText, resolve: (h) => textOf(h.titleZh, h.titleEn) }),
    awardedBy: t.exposeString('awardedBy', { nullable: true }),
    year: t.exposeInt('year'),
    month: t.exposeInt('month', { nullable: true, description: 'Month (1–12), when known.' }),
    awardedOn: t.expose('awardedOn', { type: 'Date', nullable: true }),
  }),
});

/** The one edge type of every connection of Honour records. */
export const HonourEdge = builder.edgeObject({ type: Honour, name: 'HonourEdge' });
