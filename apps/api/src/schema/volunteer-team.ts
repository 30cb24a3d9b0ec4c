import { builder } from '../builder.ts';
import { LocalizedText, textOf } from './localized.ts';

export const VolunteerTeam = builder.prismaNode('VolunteerTeam', {
  id: { field: 'id' },
  description: '群防群治 — a residents\' volunteer team working with the station.',
  fields: (t) => ({
    name: t.field({ type: LocalizedText, resolve: (v) => textOf(v.nameZh, v.nameEn) }),
    description: t.field({ type: LocalizedText, resolve: (v) => textOf(v.descriptionZh, v.descriptionEn) }),
    memberCount: t.exposeInt('memberCount', { nullable: true }),
    foundedYear: t.exposeInt('foundedYear', { nullable: true }),
    station: t.relation('station', { description: 'The station the team works with.' }),
  }),
});

/** The one edge type of every connection of VolunteerTeam records. */
export const VolunteerTeamEdge = builder.edgeObject({ type: VolunteerTeam, name: 'VolunteerTeamEdge' });
