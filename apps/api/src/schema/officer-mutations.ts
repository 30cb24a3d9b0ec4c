import { builder } from '../builder.ts';
import { assignOfficer, createOfficer, moveOfficer, retireOfficer, unassignOfficer, updateAssignment, updateOfficer } from '../domain/officers.ts';
import { PHOTO_MAX_BYTES, PHOTO_WIDTH, removeOfficerPhoto, setOfficerPhoto } from '../domain/officer-photos.ts';
import { badgeNumber, webUrl } from '../field-rules.ts';
import { idFor, LocalizedLineInput, phone } from './inputs.ts';
import { OfficerRoleEnum } from './officer.ts';

const OfficerInput = builder.inputType('OfficerInput', {
  description: 'A new officer: a person residents can reach. Only a duty phone, never a private number.',
  fields: (t) => ({
    stationId: t.globalID({ required: true }),
    role: t.field({ type: OfficerRoleEnum, required: true }),
    name: t.field({ type: LocalizedLineInput, required: true }),
    badgeNumber: t.string({ validate: badgeNumber }),
    photoUrl: t.string({ validate: webUrl }),
    dutyPhone: t.string({ validate: phone }),
    contactHours: t.field({ type: LocalizedLineInput }),
    lastVerifiedOn: t.field({ type: 'Date', description: 'When the contact details were last checked (not after today).' }),
  }),
});

const OfficerPatch = builder.inputType('OfficerPatch', {
  description: 'Changes to an officer: a field left out is unchanged, `null` clears it (where it may be empty).',
  fields: (t) => ({
    role: t.field({ type: OfficerRoleEnum }),
    name: t.field({ type: LocalizedLineInput }),
    badgeNumber: t.string({ validate: badgeNumber }),
    photoUrl: t.string({ validate: webUrl }),
    dutyPhone: t.string({ validate: phone }),
    contactHours: t.field({ type: LocalizedLineInput }),
    lastVerifiedOn: t.field({ type: 'Date', description: 'When the contact details were last checked (not after today).' }),
  }),
});

const AssignmentInput = builder.inputType('OfficerAssignmentInput', {
  description: 'An officer to serve an area, from a date.',
  fields: (t) => ({
    officerId: t.globalID({ required: true }),
    areaId: t.globalID({ required: true }),
    isPrimary: t.boolean({ required: true, description: 'The area\'s responsible officer rather than support (one per area).' }),
    since: t.field({ type: 'Date', required: true }),
  }),
});

const AssignmentPatch = builder.inputType('OfficerAssignmentPatch', {
  description: 'Changes to an assignment, found by officer and area: a field left out is unchanged.',
  fields: (t) => ({
    officerId: t.globalID({ required: true }),
    areaId: t.globalID({ required: true }),
    isPrimary: t.boolean({ description: 'The area\'s responsible officer rather than support (one per area).' }),
    since: t.field({ type: 'Date' }),
  }),
});

const MoveOfficerInput = builder.inputType('MoveOfficerInput', {
  description: 'Moves an officer from one area to another of the same station, keeping whether they are its primary officer.',
  fields: (t) => ({
    officerId: t.globalID({ required: true }),
    fromAreaId: t.globalID({ required: true }),
    toAreaId: t.globalID({ required: true }),
    since: t.field({ type: 'Date', required: true, description: 'From when they serve the new area.' }),
  }),
});

function assignmentKey(input: { officerId: { typename: string; id: string }; areaId: { typename: string; id: string } }) {
  return { officerId: idFor(input.officerId, 'Officer', 'input.officerId'), areaId: idFor(input.areaId, 'Area', 'input.areaId') };
}

builder.mutationFields((t) => ({
  createOfficer: t.prismaField({
    type: 'Officer',
    description: 'Adds an officer, auxiliary, grid worker or mediator to a station. Editors of that station.',
    authScopes: { editor: true },
    args: { input: t.arg({ type: OfficerInput, required: true }) },
    resolve: async (query, _root, { input: { stationId, ...fields } }, ctx) => {
      const id = await createOfficer(ctx, idFor(stationId, 'Station', 'input.stationId'), fields);
      return ctx.prisma.officer.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateOfficer: t.prismaField({
    type: 'Officer',
    description: 'Changes the fields given; the rest stay as they are. An empty patch changes nothing and is not audited.',
    authScopes: { editor: true },
    args: { id: t.arg.globalID({ required: true }), input: t.arg({ type: OfficerPatch, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'Officer');
      await updateOfficer(ctx, id, args.input);
      return ctx.prisma.officer.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  retireOfficer: t.prismaField({
    type: 'Officer',
    description: 'Takes an officer out of service: no longer listed or shown for their areas.',
    authScopes: { editor: true },
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'Officer');
      await retireOfficer(ctx, id);
      return ctx.prisma.officer.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  assignOfficer: t.prismaField({
    type: 'OfficerAssignment',
    description: 'Makes an officer serve an area of their station (CONFLICT if they already do; PRIMARY_OFFICER_TAKEN for a second primary).',
    authScopes: { editor: true },
    args: { input: t.arg({ type: AssignmentInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await assignOfficer(ctx, { ...assignmentKey(input), isPrimary: input.isPrimary, since: input.since });
      return ctx.prisma.officerAssignment.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateOfficerAssignment: t.prismaField({
    type: 'OfficerAssignment',
    description: 'Changes an assignment (a patch: primary or support, since when). Editors of its station.',
    authScopes: { editor: true },
    args: { input: t.arg({ type: AssignmentPatch, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await updateAssignment(ctx, assignmentKey(input), { isPrimary: input.isPrimary, since: input.since });
      return ctx.prisma.officerAssignment.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  moveOfficer: t.prismaField({
    type: 'OfficerAssignment',
    description: 'Moves an officer between two areas of their station in one change; answers the new assignment.',
    authScopes: { editor: true },
    args: { input: t.arg({ type: MoveOfficerInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await moveOfficer(ctx, {
        officerId: idFor(input.officerId, 'Officer', 'input.officerId'),
        fromAreaId: idFor(input.fromAreaId, 'Area', 'input.fromAreaId'),
        toAreaId: idFor(input.toAreaId, 'Area', 'input.toAreaId'),
        since: input.since,
      });
      return ctx.prisma.officerAssignment.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  unassignOfficer: t.boolean({
    description: 'Ends an officer\'s service of an area (the audit trail keeps the assignment).',
    authScopes: { editor: true },
    args: { officerId: t.arg.globalID({ required: true }), areaId: t.arg.globalID({ required: true }) },
    resolve: async (_root, args, ctx) => {
      await unassignOfficer(ctx, { officerId: idFor(args.officerId, 'Officer', 'officerId'), areaId: idFor(args.areaId, 'Area', 'areaId') });
      return true;
    },
  }),
  setOfficerPhoto: t.prismaField({
    type: 'Officer',
    description:
      `Stores an officer's photo, sent as a multipart upload (JPEG, PNG or WebP, at most ${PHOTO_MAX_BYTES.toLocaleString('en')} bytes): ` +
      `resized to ${PHOTO_WIDTH} px wide and re-encoded without metadata (no EXIF or GPS), served by this server at the officer's \`photoUrl\`. ` +
      'PHOTO_TOO_LARGE, PHOTO_TYPE_UNSUPPORTED (field `photo`).',
    authScopes: { editor: true },
    args: { officerId: t.arg.globalID({ required: true }), photo: t.arg({ type: 'File', required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.officerId, 'Officer', 'officerId');
      await setOfficerPhoto(ctx, id, args.photo);
      return ctx.prisma.officer.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  removeOfficerPhoto: t.prismaField({
    type: 'Officer',
    description: "Removes an officer's stored photo: the portal shows the generic silhouette again.",
    authScopes: { editor: true },
    args: { officerId: t.arg.globalID({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.officerId, 'Officer', 'officerId');
      await removeOfficerPhoto(ctx, id);
      return ctx.prisma.officer.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
