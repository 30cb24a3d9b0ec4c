import { PartnerKind } from '@openstation/db';
import { builder } from '../builder.ts';
import { LocalizedText, textOf } from './localized.ts';

export const PartnerKindEnum = builder.enumType(PartnerKind, {
  name: 'PartnerKind',
  description: 'What kind of body a partner agency is.',
});

export const PartnerAgency = builder.prismaNode('PartnerAgency', {
  id: { field: 'id' },
  description: 'An agency the station works with: justice office, town government, fire brigade, school …',
  fields: (t) => ({
    slug: t.exposeString('slug'),
    partnerKind: t.expose('kind', { type: PartnerKindEnum, description: 'What kind of agency it is.' }),
    kind: t.expose('kind', { type: PartnerKindEnum, deprecationReason: 'Use `partnerKind`: one name means one type across Node types.' }),
    name: t.field({ type: LocalizedText, resolve: (p) => textOf(p.nameZh, p.nameEn) }),
  }),
});

/** The one edge type of every connection of PartnerAgency records. */
export const PartnerAgencyEdge = builder.edgeObject({ type: PartnerAgency, name: 'PartnerAgencyEdge' });
