import { OfficerRole, type Prisma } from '@openstation/db';
import { builder } from '../builder.ts';
import { InputError } from '../errors.ts';
import { Area, areaNameFilter } from './area.ts';
import { LocalizedText, optionalTextOf, textOf } from './localized.ts';
import { idFor } from './inputs.ts';
import { pageSize } from './pagination.ts';
import { assertStationExists } from './station.ts';
import { inServiceOrChangedSince, RETIRED_AT_DESCRIPTION, UPDATED_AT_DESCRIPTION, UPDATED_SINCE_DESCRIPTION } from './sync.ts';

export const OfficerRoleEnum = builder.enumType(OfficerRole, {
  name: 'OfficerRole',
  description: 'An officer\'s role: director (所长), community officer (社区民警), auxiliary (辅警), grid worker, mediator …',
});

export const Officer = builder.prismaNode('Officer', {
  description:
    'A person residents can reach: police officer, auxiliary officer, grid worker or mediator. ' +
    'Only duty phones are published, never private numbers.',
  id: { field: 'id' },
  // Select mode: only the columns the requested fields read are loaded, beyond those every row
  // carries: the name and phone nearly every request reads, which then need no per-row look-up
  // of what was loaded (patches/@pothos__plugin-prisma@4.17.0.patch). More columns here cost a
  // station page's officers more than the look-ups they save the officer directory.
  select: { id: true, nameZh: true, nameEn: true, dutyPhone: true },
  fields: (t) => ({
    role: t.expose('role', { type: OfficerRoleEnum }),
    name: t.field({ type: LocalizedText, resolve: (o) => textOf(o.nameZh, o.nameEn) }),
    badgeNumber: t.exposeString('badgeNumber', { nullable: true }),
    photoUrl: t.exposeString('photoUrl', { nullable: true }),
    workPhone: t.exposeString('dutyPhone', { nullable: true, description: 'Work phone (工作电话), never a private number; null when the officer has none published.' }),
    dutyPhone: t.exposeString('dutyPhone', { nullable: true, deprecationReason: 'Use `workPhone`: one name means one type across Node types. (Station.dutyPhone is never null.)' }),
    contactHours: t.field({
      type: LocalizedText,
      nullable: true,
      select: { contactHoursZh: true, contactHoursEn: true },
      resolve: (o) => optionalTextOf(o.contactHoursZh, o.contactHoursEn),
    }),
    lastVerifiedOn: t.expose('lastVerifiedOn', {
      type: 'Date',
      nullable: true,
      description: 'When the station last confirmed these contact details.',
    }),
    isDemo: t.exposeBoolean('isDemo', {
      description: 'True for fictitious demo people and numbers: never call them.',
    }),
    station: t.relation('station'),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: UPDATED_AT_DESCRIPTION }),
    retiredAt: t.expose('retiredAt', { type: 'DateTime', nullable: true, description: RETIRED_AT_DESCRIPTION }),
    assignments: t.relation('assignments', {
      deprecationReason: 'Use `assignmentsConnection`: lists are paged.',
      query: { orderBy: [{ isPrimary: 'desc' }, { id: 'asc' }] },
    }),
    assignmentsConnection: t.relatedConnection(
      'assignments',
      { cursor: 'id', ...pageSize, description: 'The areas this officer serves, primary first.', query: { orderBy: [{ isPrimary: 'desc' }, { id: 'asc' }] } },
      OfficerAssignmentConnection,
    ),
  }),
});

/** The one edge type of every connection of Officer records. */
export const OfficerEdge = builder.edgeObject({ type: Officer, name: 'OfficerEdge' });

export const OfficerAssignment = builder.prismaObject('OfficerAssignment', {
  description: 'An officer serving an area.',
  // Select mode: only the columns the requested fields read are loaded (the id for cursors, and
  // `isPrimary`, which every list of assignments shows, without a per-row look-up).
  select: { id: true, isPrimary: true },
  fields: (t) => ({
    isPrimary: t.exposeBoolean('isPrimary', { description: 'The area\'s responsible officer (责任民警) rather than support.' }),
    since: t.expose('since', { type: 'Date' }),
    officer: t.relation('officer'),
    area: t.relation('area'),
  }),
});

/** The one edge type of every connection of OfficerAssignment records. */
export const OfficerAssignmentEdge = builder.edgeObject({ type: OfficerAssignment, name: 'OfficerAssignmentEdge' });

/** One connection type for an area's and an officer's assignments: the same field name on two Node types has one type. */
export const OfficerAssignmentConnection = builder.connectionObject(
  { type: OfficerAssignment, name: 'OfficerAssignmentConnection' },
  OfficerAssignmentEdge,
);

builder.queryFields((t) => ({
  officers: t.prismaConnection({
    type: 'Officer',
    cursor: 'id',
    ...pageSize,
    description:
      'Officers in service, filtered by station, role, and the area they serve (by id, or by a ' +
      'community or village name in Chinese or English).',
    args: {
      stationSlug: t.arg.string(),
      role: t.arg({ type: OfficerRoleEnum }),
      areaId: t.arg.globalID({ for: Area }),
      areaName: t.arg.string({ description: 'Part of a community or village name, e.g. "炎武" or "Yanwu".' }),
      updatedSince: t.arg({ type: 'DateTime', description: UPDATED_SINCE_DESCRIPTION }),
    },
    resolve: async (query, _root, args, ctx) => {
      if (args.areaName != null && args.areaName.trim() === '') {
        throw new InputError('`areaName` must not be empty.', { argument: 'areaName' });
      }
      const area: Prisma.AreaWhereInput = {
        ...(args.areaId != null ? { id: idFor(args.areaId, 'Area', 'areaId') } : {}),
        ...(args.areaName != null ? areaNameFilter(args.areaName.trim()) : {}),
      };
      const where: Prisma.OfficerWhereInput = {
        ...inServiceOrChangedSince(args.updatedSince),
        ...(args.stationSlug != null ? { station: { slug: args.stationSlug } } : {}),
        ...(args.role != null ? { role: args.role } : {}),
        ...(args.areaId != null || args.areaName != null ? { assignments: { some: { area } } } : {}),
      };
      const rows = await ctx.prisma.officer.findMany({ ...query, where, orderBy: { id: 'asc' } });
      if (rows.length === 0) await assertStationExists(ctx, args.stationSlug);
      return rows;
    },
  }, {}, OfficerEdge),
}));
