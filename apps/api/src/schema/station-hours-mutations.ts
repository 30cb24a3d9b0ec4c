import { builder } from '../builder.ts';
import { createHoursException, deleteHoursException, updateHoursException } from '../domain/station-hours.ts';
import { idFor, LocalizedLineInput } from './inputs.ts';

const RULES =
  '`endsOn` not before `startsOn`, not over before today, at most 92 days; closed all day (`closed: true`, no times) or open ' +
  '`opens`–`closes` (`HH:MM`, 24-hour, `opens` before `closes`); no two exceptions of a station on the same day.';

const StationHoursExceptionInput = builder.inputType('StationHoursExceptionInput', {
  description: `A new dated exception to a station's opening hours (holiday hours, a closure). ${RULES}`,
  fields: (t) => ({
    stationId: t.globalID({ required: true, description: 'The station whose hours change.' }),
    startsOn: t.field({ type: 'Date', required: true, description: 'The first day (China time).' }),
    endsOn: t.field({ type: 'Date', required: true, description: 'The last day, inclusive; the same as `startsOn` for one day.' }),
    closed: t.boolean({ description: 'True when the service window is closed all day; default false.' }),
    opens: t.string({ description: 'Opening time, `HH:MM`; required unless closed.' }),
    closes: t.string({ description: 'Closing time, `HH:MM`; required unless closed.' }),
    note: t.field({ type: LocalizedLineInput, required: true, description: 'What residents should know, e.g. 元旦节假日服务；报警求助24小时.' }),
  }),
});

const StationHoursExceptionPatch = builder.inputType('StationHoursExceptionPatch', {
  description: `Changes to an hours exception: a field left out is unchanged, \`null\` clears a time. ${RULES}`,
  fields: (t) => ({
    startsOn: t.field({ type: 'Date', description: 'The first day (China time).' }),
    endsOn: t.field({ type: 'Date', description: 'The last day, inclusive.' }),
    closed: t.boolean({ description: 'True when the service window is closed all day (clear `opens` and `closes` with it).' }),
    opens: t.string({ description: 'Opening time, `HH:MM`; null when closed.' }),
    closes: t.string({ description: 'Closing time, `HH:MM`; null when closed.' }),
    note: t.field({ type: LocalizedLineInput, description: 'What residents should know.' }),
  }),
});

builder.mutationFields((t) => ({
  createStationHoursException: t.prismaField({
    type: 'StationHoursException',
    description: 'Announces holiday hours or a closure of a station on given days. Editors of that station.',
    authScopes: { editor: true },
    args: { input: t.arg({ type: StationHoursExceptionInput, required: true }) },
    resolve: async (query, _root, { input: { stationId, ...fields } }, ctx) => {
      const id = await createHoursException(ctx, idFor(stationId, 'Station', 'input.stationId'), fields);
      return ctx.prisma.stationHoursException.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateStationHoursException: t.prismaField({
    type: 'StationHoursException',
    description: 'Changes the fields given; the rest stay as they are. An empty patch changes nothing and is not audited. Editors of its station.',
    authScopes: { editor: true },
    args: { id: t.arg.globalID({ required: true }), input: t.arg({ type: StationHoursExceptionPatch, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'StationHoursException');
      await updateHoursException(ctx, id, args.input);
      return ctx.prisma.stationHoursException.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteStationHoursException: t.boolean({
    description: 'Withdraws an hours exception (announced by mistake, or no longer planned). The audit trail keeps what it held. Editors of its station.',
    authScopes: { editor: true },
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (_root, args, ctx) => {
      await deleteHoursException(ctx, idFor(args.id, 'StationHoursException'));
      return true;
    },
  }),
}));
