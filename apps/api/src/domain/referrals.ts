import type { Prisma, ReferralDirection } from '@openstation/db';
import type { Principal } from '../auth/principal.ts';
import { ForbiddenError, NotFoundError, RuleError, StateError } from '../errors.ts';
import { actsFor, authorize, requireStation, stationFilter } from './access.ts';
import type { Actor } from './actor.ts';
import { changed, isEmpty, type Localized, localized } from './patch.ts';
import { notBefore, notInFuture } from './rules.ts';
import { type UnitOfWork, write } from './unit-of-work.ts';

type Referral = Prisma.ReferralGetPayload<object>;

/** The partner agency an API key acts for (-1: none, so it matches nothing), or null for staff (the police side). */
function partnerOf(principal: Principal): number | null {
  return principal.kind === 'apiClient' ? (principal.partnerId ?? -1) : null;
}

/** Referrals the caller may read: staff those of their stations, a partner key its own agency's. */
export function visibleReferrals(principal: Principal): Prisma.ReferralWhereInput {
  const partnerId = partnerOf(principal);
  if (partnerId !== null) return { partnerId };
  const stationId = stationFilter(principal);
  return stationId ? { stationId } : {};
}

/** Whether the caller may read this referral: mediators of its station, or its own agency's `referrals:write` key. */
export function mayReadReferral(principal: Principal, referral: Pick<Referral, 'stationId' | 'partnerId'>): boolean {
  if (principal.kind === 'apiClient') return principal.scopes.includes('referrals:write') && principal.partnerId === referral.partnerId;
  return principal.kind === 'staff' && (principal.role === 'ADMIN' || principal.role === 'MEDIATOR') && actsFor(principal, referral.stationId);
}

/** A mediator acting for the station, or a `referrals:write` key acting for it (its partner's station). */
function authorizeReferral(actor: Actor, stationId: number) {
  const { principal } = actor;
  if (principal.kind !== 'apiClient') return authorize(actor, 'mediator', stationId);
  if (!principal.scopes.includes('referrals:write')) throw new ForbiddenError('This change needs a key with the `referrals:write` scope.');
  requireStation(actor, stationId);
}

/** The receiving side: the partner for police → partner hand-overs, the police otherwise. */
function isReceiver(principal: Principal, direction: ReferralDirection): boolean {
  return (principal.kind === 'apiClient') === (direction === 'POLICE_TO_PARTNER');
}

/** The caller's side of a referral's notes: the partner's for a key, the police's for staff. */
function sideNote(principal: Principal, text: string) {
  return principal.kind === 'apiClient' ? { partnerNote: text.trim() } : { policeNote: text.trim() };
}

/** A new referral: the station, its partner agency (a key's own, whatever is given), what it is about, and when it was made. */
export interface ReferralFields {
  stationId: number;
  /** Required from staff (FIELD_REQUIRED otherwise); partner keys refer on their own behalf and leave it out. */
  partnerId: number | null;
  summary: Localized;
  createdOn: Date;
}

/**
 * Hands a dispute over: a mediator of the station to one of its partner agencies, a partner
 * key from its own agency to the police. NOT_FOUND when the agency is not the station's.
 */
export async function createReferralIn(uow: UnitOfWork, input: ReferralFields, path = 'input') {
  authorizeReferral(uow.actor, input.stationId);
  const own = partnerOf(uow.actor.principal);
  const partnerId = own ?? input.partnerId;
  if (partnerId === null) throw new RuleError('FIELD_REQUIRED', `${path}.partnerId`, 'Say which partner agency the dispute is referred to.');
  const partner = await uow.tx.partnerAgency.findUnique({ where: { id: partnerId }, select: { stationId: true } });
  if (!partner || partner.stationId !== input.stationId) {
    throw new NotFoundError('The partner agency is not one of this station\'s partners.', { entityType: 'PartnerAgency', field: `${path}.partnerId` });
  }
  notInFuture(input.createdOn, `${path}.createdOn`);
  const data = {
    stationId: input.stationId,
    partnerId,
    direction: own === null ? 'POLICE_TO_PARTNER' : 'PARTNER_TO_POLICE',
    ...localized('summary', input.summary, `${path}.summary`, true),
    createdOn: input.createdOn,
  } as Prisma.ReferralUncheckedCreateInput;
  const after = await uow.tx.referral.create({ data });
  await uow.record({ action: 'referral.create', entityType: 'Referral', entityId: after.id, stationId: after.stationId, before: null, after });
  return after;
}

/** {@link createReferralIn} as one unit of work; returns the referral's id. */
export const createReferral = (actor: Actor, input: ReferralFields) => write(actor, async (uow) => (await createReferralIn(uow, input)).id);

/**
 * One step of a referral by the caller: `change` says what it writes given the referral as
 * it is (or throws INVALID_STATE). NOT_FOUND for another agency's referral (its existence is
 * not disclosed to a key); a step that changes nothing writes nothing.
 */
function step(actor: Actor, action: string, id: number, change: (before: Referral) => Prisma.ReferralUncheckedUpdateInput) {
  return write(actor, async (uow) => {
    const before = await uow.tx.referral.findUnique({ where: { id } });
    const own = partnerOf(actor.principal);
    if (!before || (own !== null && before.partnerId !== own)) throw new NotFoundError('No referral with this id is visible to you.', { entityType: 'Referral' });
    authorizeReferral(actor, before.stationId);
    const data = changed(before, change(before));
    if (isEmpty(data)) return;
    const after = await uow.tx.referral.update({ where: { id }, data });
    await uow.record({ action, entityType: 'Referral', entityId: id, stationId: before.stationId, before, after });
  });
}

/** The receiving side takes the referral on (CREATED → ACCEPTED). */
export function acceptReferral(actor: Actor, id: number) {
  return step(actor, 'referral.accept', id, (before) => {
    if (!isReceiver(actor.principal, before.direction)) throw new StateError('Only the receiving side accepts a referral.');
    if (before.status !== 'CREATED') throw new StateError(`The referral is ${before.status}, not CREATED.`);
    return { status: 'ACCEPTED' };
  });
}

/**
 * Writes the caller's side of the referral (the police note for staff, the partner note for
 * a key); from the receiving side, an accepted referral moves to IN_PROGRESS. The same note
 * again changes nothing.
 */
export function noteReferral(actor: Actor, id: number, note: string) {
  return step(actor, 'referral.update', id, (before) => {
    if (before.status === 'RESOLVED' || before.status === 'RETURNED') throw new StateError(`The referral is ${before.status}.`);
    const progress = isReceiver(actor.principal, before.direction) && before.status === 'ACCEPTED';
    return { ...sideNote(actor.principal, note), ...(progress ? { status: 'IN_PROGRESS' as const } : {}) };
  });
}

/**
 * The receiving side closes the referral with its outcome (ACCEPTED or IN_PROGRESS →
 * RESOLVED). `resolvedOn` is not after today (DATE_IN_FUTURE) nor before the referral was
 * made (RESOLVED_BEFORE_CREATED).
 */
export function resolveReferral(actor: Actor, id: number, outcome: string, resolvedOn: Date) {
  return step(actor, 'referral.resolve', id, (before) => {
    if (!isReceiver(actor.principal, before.direction)) throw new StateError('Only the receiving side resolves a referral.');
    if (before.status !== 'ACCEPTED' && before.status !== 'IN_PROGRESS') throw new StateError(`The referral is ${before.status}: accept it first.`);
    notInFuture(resolvedOn, 'resolvedOn');
    notBefore(resolvedOn, before.createdOn, 'RESOLVED_BEFORE_CREATED', 'resolvedOn', 'A referral cannot be resolved before the day it was made.');
    return { ...sideNote(actor.principal, outcome), status: 'RESOLVED', resolvedOn };
  });
}

/**
 * The receiving side hands the referral back without resolving it (CREATED, ACCEPTED or
 * IN_PROGRESS → RETURNED), saying why in its note: e.g. the dispute is not the agency's to
 * handle. A returned referral is closed; the sender may make a new one.
 */
export function returnReferral(actor: Actor, id: number, reason: string) {
  return step(actor, 'referral.return', id, (before) => {
    if (!isReceiver(actor.principal, before.direction)) throw new StateError('Only the receiving side returns a referral.');
    if (before.status === 'RESOLVED' || before.status === 'RETURNED') throw new StateError(`The referral is ${before.status}.`);
    return { ...sideNote(actor.principal, reason), status: 'RETURNED' };
  });
}
