import type { Prisma } from '@openstation/db';
import { ReferralDirection, ReferralStatus } from '@openstation/db';
import { z } from 'zod';
import type { Principal } from '../auth/principal.ts';
import { audited } from '../domain/legacy-audit.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { NotFoundError, StateError } from '../errors.ts';
import { columns, idFor, LocalizedProseInput } from './inputs.ts';
import { LocalizedText, textOf } from './localized.ts';
import { pageSize } from './pagination.ts';

const ReferralDirectionEnum = builder.enumType(ReferralDirection, { name: 'ReferralDirection' });
const ReferralStatusEnum = builder.enumType(ReferralStatus, {
  name: 'ReferralStatus',
  description: 'CREATED → ACCEPTED (by the receiving side) → IN_PROGRESS → RESOLVED.',
});

/** The partner agency an API key acts for, or null for staff (who act for the police side). */
function partnerOf(principal: Principal): number | null {
  return principal.kind === 'apiClient' ? (principal.partnerId ?? -1) : null;
}

/** Referrals the caller may see: all for mediators, their own agency's for a partner key. */
function visible(principal: Principal): Prisma.ReferralWhereInput {
  const partnerId = partnerOf(principal);
  return partnerId === null ? {} : { partnerId };
}

builder.prismaNode('Referral', {
  description:
    '警调衔接 — a dispute handed between the police and a partner agency. Mediators see all; a partner agency\'s ' +
    '`referrals:write` key sees and updates only its own.',
  id: { field: 'id' },
  authScopes: (referral, { principal }) =>
    principal.kind === 'apiClient'
      ? principal.scopes.includes('referrals:write') && principal.partnerId === referral.partnerId
      : { mediator: true },
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

const ReferralInput = builder.inputType('ReferralInput', {
  fields: (t) => ({
    stationId: t.globalID({ required: true }),
    partnerId: t.globalID({ required: true, description: 'Ignored for partner keys: they refer on their own behalf.' }),
    summary: t.field({ type: LocalizedProseInput, required: true, description: 'What the dispute is about, without party names.' }),
    createdOn: t.field({ type: 'Date', required: true }),
  }),
});

const note = z.string().trim().min(1, 'must not be empty').max(2000, 'is at most 2,000 characters');
const referralActors = { mediator: true, apiScope: 'referrals:write' } as const;

/** The receiving side: the partner for police → partner hand-overs, the police otherwise. */
function isReceiver(principal: Principal, direction: ReferralDirection): boolean {
  const partnerSide = principal.kind === 'apiClient';
  return partnerSide === (direction === 'POLICE_TO_PARTNER');
}

/** A referral the caller may act on (NOT_FOUND for another agency's: its existence is not disclosed). */
async function load(tx: Prisma.TransactionClient, ctx: Context, id: number) {
  const referral = await tx.referral.findFirst({ where: { id, ...visible(ctx.principal) } });
  if (!referral) throw new NotFoundError('No referral with this id is visible to you.');
  return referral;
}

function step(
  ctx: Context,
  action: string,
  id: number,
  change: (before: Awaited<ReturnType<typeof load>>) => Prisma.ReferralUpdateInput,
): Promise<number> {
  return audited(ctx, action, async (tx) => {
    const before = await load(tx, ctx, id);
    const after = await tx.referral.update({ where: { id }, data: change(before) });
    return { entityType: 'Referral', entityId: id, before, after, result: id };
  });
}

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
        where: { ...visible(ctx.principal), ...(args.status ? { status: args.status } : {}) },
        orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      }),
  }),
}));

builder.mutationFields((t) => ({
  createReferral: t.prismaField({
    type: 'Referral',
    description: 'Hands a dispute over: mediators refer to a partner agency, a partner key refers to the police.',
    authScopes: referralActors,
    args: { input: t.arg({ type: ReferralInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const own = partnerOf(ctx.principal);
      const data = {
        stationId: idFor(input.stationId, 'Station', 'input.stationId'),
        partnerId: own ?? idFor(input.partnerId, 'PartnerAgency', 'input.partnerId'),
        direction: own === null ? ('POLICE_TO_PARTNER' as const) : ('PARTNER_TO_POLICE' as const),
        ...columns('summary', input.summary),
        createdOn: input.createdOn,
      };
      const id = await audited(ctx, 'referral.create', async (tx) => {
        const partner = await tx.partnerAgency.findUnique({ where: { id: data.partnerId }, select: { stationId: true } });
        if (!partner || partner.stationId !== data.stationId) {
          throw new NotFoundError('The partner agency is not one of this station\'s partners.');
        }
        const after = await tx.referral.create({ data });
        return { entityType: 'Referral', entityId: after.id, before: null, after, result: after.id };
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
      await step(ctx, 'referral.accept', id, (before) => {
        if (!isReceiver(ctx.principal, before.direction)) throw new StateError('Only the receiving side accepts a referral.');
        if (before.status !== 'CREATED') throw new StateError(`The referral is ${before.status}, not CREATED.`);
        return { status: 'ACCEPTED' };
      });
      return ctx.prisma.referral.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateReferral: t.prismaField({
    type: 'Referral',
    description:
      'Writes the caller\'s side of the referral (the police note for staff, the partner note for a partner key); ' +
      'from the receiving side, an accepted referral moves to IN_PROGRESS.',
    authScopes: referralActors,
    args: { id: t.arg.globalID({ required: true }), note: t.arg.string({ required: true, validate: note }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'Referral');
      await step(ctx, 'referral.update', id, (before) => {
        if (before.status === 'RESOLVED') throw new StateError('The referral is resolved.');
        const side = ctx.principal.kind === 'apiClient' ? { partnerNote: args.note.trim() } : { policeNote: args.note.trim() };
        const progress = isReceiver(ctx.principal, before.direction) && before.status === 'ACCEPTED';
        return { ...side, ...(progress ? { status: 'IN_PROGRESS' as const } : {}) };
      });
      return ctx.prisma.referral.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  resolveReferral: t.prismaField({
    type: 'Referral',
    description: 'The receiving side closes the referral with its outcome (ACCEPTED or IN_PROGRESS → RESOLVED).',
    authScopes: referralActors,
    args: {
      id: t.arg.globalID({ required: true }),
      outcome: t.arg.string({ required: true, validate: note }),
      resolvedOn: t.arg({ type: 'Date', required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = idFor(args.id, 'Referral');
      await step(ctx, 'referral.resolve', id, (before) => {
        if (!isReceiver(ctx.principal, before.direction)) throw new StateError('Only the receiving side resolves a referral.');
        if (before.status !== 'ACCEPTED' && before.status !== 'IN_PROGRESS') {
          throw new StateError(`The referral is ${before.status}: accept it first.`);
        }
        const side = ctx.principal.kind === 'apiClient' ? { partnerNote: args.outcome.trim() } : { policeNote: args.outcome.trim() };
        return { ...side, status: 'RESOLVED', resolvedOn: args.resolvedOn };
      });
      return ctx.prisma.referral.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
