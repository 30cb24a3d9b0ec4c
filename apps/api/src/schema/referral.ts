import { ReferralDirection, ReferralStatus } from '@openstation/db';
import { z } from 'zod';
import { acceptReferral, createReferral, mayReadReferral, noteReferral, resolveReferral, returnReferral, visibleReferrals } from '../domain/referrals.ts';
import { builder } from '../builder.ts';
import { idFor, LocalizedProseInput } from './inputs.ts';
import { LocalizedText, textOf } from './localized.ts';
import { pageSize } from './pagination.ts';

const ReferralDirectionEnum = builder.enumType(ReferralDirection, {
  name: 'ReferralDirection',
  description: 'Who handed the dispute to whom: the police to the partner agency, or the agency to the police.',
});
const ReferralStatusEnum = builder.enumType(ReferralStatus, {
  name: 'ReferralStatus',
  description:
    'CREATED → ACCEPTED (by the receiving side) → IN_PROGRESS (a note from the receiving side) → RESOLVED (`resolveReferral`); ' +
    'or RETURNED (`returnReferral`): the receiving side handed it back unresolved.',
});

export const Referral = builder.prismaNode('Referral', {
  description:
    '警调衔接 — a dispute handed between the police and a partner agency. Mediators see their stations\' referrals; ' +
    'a partner agency\'s `referrals:write` key sees and updates only its own.',
  id: { field: 'id' },
  authScopes: (referral, { principal }) => mayReadReferral(principal, referral),
  fields: (t) => ({
    direction: t.expose('direction', { type: ReferralDirectionEnum }),
    status: t.expose('status', { type: ReferralStatusEnum }),
    summary: t.field({ type: LocalizedText, resolve: (r) => textOf(r.summaryZh, r.summaryEn) }),
    createdOn: t.expose('createdOn', { type: 'Date' }),
    policeNote: t.exposeString('policeNote', { nullable: true }),
    partnerNote: t.exposeString('partnerNote', { nullable: true }),
    resolvedOn: t.expose('resolvedOn', { type: 'Date', nullable: true }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    station: t.relation('station'),
    partner: t.relation('partner'),
  }),
});

/** The one edge type of every connection of Referral records. */
export const ReferralEdge = builder.edgeObject({ type: Referral, name: 'ReferralEdge' });

const ReferralInput = builder.inputType('ReferralInput', {
  description: 'A new referral (警调衔接), without party names.',
  fields: (t) => ({
    stationId: t.globalID({ required: true }),
    partnerId: t.globalID({
      description: 'The partner agency: required from staff (FIELD_REQUIRED), left out by partner keys, which refer on their own agency\'s behalf (a value given is ignored).',
    }),
    summary: t.field({ type: LocalizedProseInput, required: true, description: 'What the dispute is about, without party names.' }),
    createdOn: t.field({ type: 'Date', required: true }),
  }),
});

const note = z.string().trim().min(1, 'must not be empty').max(2000, 'is at most 2,000 characters');
const referralActors = { mediator: true, apiScope: 'referrals:write' } as const;

builder.queryFields((t) => ({
  referrals: t.prismaConnection({
    type: 'Referral',
    cursor: 'id',
    ...pageSize,
    description: 'Referrals visible to the caller, most recently updated first.',
    authScopes: referralActors,
    args: { status: t.arg({ type: ReferralStatusEnum }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.referral.findMany({
        ...query,
        where: { ...visibleReferrals(ctx.principal), ...(args.status ? { status: args.status } : {}) },
        orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      }),
  }, {}, ReferralEdge),
}));

builder.mutationFields((t) => ({
  createReferral: t.prismaField({
    type: 'Referral',
    description:
      'Hands a dispute over: mediators of the station refer to one of its partner agencies, a partner key refers to ' +
      'the police of its agency\'s station. `createdOn` is not after today.',
    authScopes: referralActors,
    args: { input: t.arg({ type: ReferralInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await createReferral(ctx, {
        stationId: idFor(input.stationId, 'Station', 'input.stationId'),
        partnerId: input.partnerId == null ? null : idFor(input.partnerId, 'PartnerAgency', 'input.partnerId'),
        summary: input.summary,
        createdOn: input.createdOn,
      });
      return ctx.prisma.referral.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  acceptReferral: t.prismaField({
    type: 'Referral',
    description: 'The receiving side takes the referral on (CREATED → ACCEPTED).',
    authScopes: referralActors,
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'Referral');
      await acceptReferral(ctx, id);
      return ctx.prisma.referral.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateReferral: t.prismaField({
    type: 'Referral',
    description:
      'Writes the caller\'s side of the referral (the police note for staff, the partner note for a partner key); ' +
      'from the receiving side, an accepted referral moves to IN_PROGRESS. The same note again changes nothing.',
    authScopes: referralActors,
    args: { id: t.arg.globalID({ required: true }), note: t.arg.string({ required: true, validate: note }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'Referral');
      await noteReferral(ctx, id, args.note);
      return ctx.prisma.referral.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  returnReferral: t.prismaField({
    type: 'Referral',
    description:
      'The receiving side hands the referral back unresolved, saying why (CREATED, ACCEPTED or IN_PROGRESS → RETURNED). ' +
      'A returned referral is closed.',
    authScopes: referralActors,
    args: { id: t.arg.globalID({ required: true }), reason: t.arg.string({ required: true, validate: note }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'Referral');
      await returnReferral(ctx, id, args.reason);
      return ctx.prisma.referral.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  resolveReferral: t.prismaField({
    type: 'Referral',
    description:
      'The receiving side closes the referral with its outcome (ACCEPTED or IN_PROGRESS → RESOLVED); `resolvedOn` is ' +
      'not after today nor before the referral was made.',
    authScopes: referralActors,
    args: {
      id: t.arg.globalID({ required: true }),
      outcome: t.arg.string({ required: true, validate: note }),
      resolvedOn: t.arg({ type: 'Date', required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'Referral');
      await resolveReferral(ctx, id, args.outcome, args.resolvedOn);
      return ctx.prisma.referral.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
