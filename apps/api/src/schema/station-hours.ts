import { builder } from '../builder.ts';
import { LocalizedText, textOf } from './localized.ts';
import { UPDATED_AT_DESCRIPTION } from './sync.ts';

export const StationHoursException = builder.prismaNode('StationHoursException', {
  id: { field: 'id' },
  description:
    'A dated exception to a station\'s regular opening hours (`Station.openingHours`): holiday hours (节假日服务) or a closure. ' +
    'Emergencies (110) and the duty phone are never affected.',
  fields: (t) => ({
    startsOn: t.expose('startsOn', { type: 'Date', description: 'The first day it applies (China time).' }),
    endsOn: t.expose('endsOn', { type: 'Date', description: 'The last day it applies, inclusive; equal to `startsOn` for one day.' }),
    closed: t.exposeBoolean('closed', { description: 'True when the service window is closed all day (`opens` and `closes` are then null).' }),
    opens: t.exposeString('opens', { nullable: true, description: 'When the window opens on those days, `HH:MM` (24-hour, China time); null when closed.' }),
    closes: t.exposeString('closes', { nullable: true, description: 'When the window closes on those days, `HH:MM`, after `opens`; null when closed.' }),
    note: t.field({ type: LocalizedText, description: 'What residents should know, e.g. 元旦节假日服务.', resolve: (e) => textOf(e.noteZh, e.noteEn) }),
    isDemo: t.exposeBoolean('isDemo', { description: 'True for invented demo data, not the station\'s own announcement.' }),
    station: t.relation('station', { description: 'The station whose hours these are.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: UPDATED_AT_DESCRIPTION }),
  }),
});

/** The one edge type of every connection of StationHoursException records. */
export const StationHoursExceptionEdge = builder.edgeObject({ type: StationHoursException, name: 'StationHoursExceptionEdge' });
