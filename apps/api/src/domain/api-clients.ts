import type { Prisma } from '@openstation/db';
import type { Principal } from '../auth/principal.ts';
import { type ApiScope, STATION_BOUND_SCOPES } from '../auth/scopes.ts';
import { newApiKey, sha256 } from '../auth/tokens.ts';
import { ForbiddenError, NotFoundError, RuleError } from '../errors.ts';
import { isBureauWide, requireRole, requireStation } from './access.ts';
import type { Actor } from './actor.ts';
import { type UnitOfWork, write } from './unit-of-work.ts';

export interface ApiClientInput {
  name: string;
  scopes: readonly ApiScope[];
  costBudget?: number | null;
  development?: boolean | null;
  /** The partner agency the key acts for: its station is the key's station. */
  partnerId?: number | null;
}

/**
 * Writes an API client row, unaudited (test fixtures and {@link createApiClientIn}, which
 * records it); `key` is shown to the caller once and never stored.
 */
export async function insertApiClient(db: Pick<Prisma.TransactionClient, 'apiClient'>, client: ApiClientInput) {
  const { key, prefix, secret } = newApiKey();
  const row = await db.apiClient.create({
    data: {
      name: client.name,
      keyPrefix: prefix,
      secretHash: sha256(secret),
      scopes: [...new Set(client.scopes)],
      ...(client.costBudget != null ? { costBudget: client.costBudget } : {}),
      development: client.development ?? false,
      partnerId: client.partnerId ?? null,
    },
  });
  return { client: row, key };
}

/**
 * FORBIDDEN unless the caller is an admin who acts for `stationId`; a key or operation of
 * no station (every client, or a key without a partner) needs a bureau-wide admin.
 */
export function requireKeyAdmin(actor: Actor, stationId: number | null): void {
  requireRole(actor, 'admin');
  if (stationId !== null) requireStation(actor, stationId);
  else if (!isBureauWide(actor.principal)) throw new ForbiddenError('Only a bureau-wide admin may manage keys and operations that no partner agency of your stations holds.');
}

/** The keys the caller may manage, as a Prisma filter: all for bureau-wide admins, else those of their stations' partners. */
export function apiClientFilter(principal: Principal): Prisma.ApiClientWhereInput {
  if (isBureauWide(principal)) return {};
  const mine = principal.kind === 'staff' && principal.stations !== 'all' ? [...principal.stations] : [];
  return { partner: { stationId: { in: mine } } };
}

const hidden = <T extends { secretHash: string }>({ secretHash: _secret, ...client }: T) => client;

/**
 * Registers a partner system (admins; audited without the secret). Station-bound scopes need
 * a partner agency (PARTNER_REQUIRED); station-bound admins create keys only for partners of
 * their stations. Returns the row and the key, shown once.
 */
export async function createApiClientIn(uow: UnitOfWork, input: ApiClientInput) {
  requireRole(uow.actor, 'admin');
  const partner = input.partnerId == null ? null : await uow.tx.partnerAgency.findUnique({ where: { id: input.partnerId }, select: { id: true, stationId: true } });
  if (input.partnerId != null && !partner) throw new NotFoundError('No partner agency has this id.', { entityType: 'PartnerAgency', field: 'partnerId' });
  const bound = input.scopes.filter((s) => STATION_BOUND_SCOPES.includes(s));
  if (!partner && bound.length > 0) {
    throw new RuleError('PARTNER_REQUIRED', 'partnerId', `The scopes ${bound.join(', ')} read or write one station's records: name the partner agency the key is for.`, { scopes: bound });
  }
  requireKeyAdmin(uow.actor, partner?.stationId ?? null);
  const { client, key } = await insertApiClient(uow.tx, { ...input, name: input.name.trim() });
  await uow.record({ action: 'apiClient.create', entityType: 'ApiClient', entityId: client.id, stationId: partner?.stationId ?? null, before: null, after: hidden(client) });
  return { client, key };
}

export const createApiClient = (actor: Actor, input: ApiClientInput) => write(actor, (uow) => createApiClientIn(uow, input));

/** Revokes a key at once (admins of its partner's station, or bureau-wide); revoking it again changes nothing. */
export function revokeApiClient(actor: Actor, id: number) {
  return write(actor, async (uow) => {
    requireRole(actor, 'admin');
    const before = await uow.tx.apiClient.findUnique({ where: { id }, omit: { secretHash: true }, include: { partner: { select: { stationId: true } } } });
    if (!before) throw new NotFoundError('No API client has this id.', { entityType: 'ApiClient' });
    const { partner, ...record } = before;
    requireKeyAdmin(actor, partner?.stationId ?? null);
    if (record.revokedAt) return id;
    const after = await uow.tx.apiClient.update({ where: { id }, data: { revokedAt: new Date() }, omit: { secretHash: true } });
    await uow.record({ action: 'apiClient.revoke', entityType: 'ApiClient', entityId: id, stationId: partner?.stationId ?? null, before: record, after });
    return id;
  });
}
