import { PartnerKind } from '@openstation/db';
import { builder } from '../builder.ts';
import { LocalizedText, textOf } from './localized.ts';

export const PartnerKindEnum = builder.enumType(PartnerKind, {
  name: 'PartnerKind',
  description: 'What kind of body a partner agency is.',
});

builder.prismaNode('PartnerAgency', {
  id: { field: 'id' },
  description: 'An agency the station works with: justice office, town government, fire brigade, school …',
  fields: (t) => ({
    slug: t.exposeString('slug'),
    kind: t.expose('kind', { type: PartnerKindEnum }),
    name: t.field({ type: LocalizedText, resolve: (p) => textOf(p.nameZh, p.nameEn) }),
  }),
});
