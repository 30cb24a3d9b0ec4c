import type { SchemaTypes } from '@pothos/core';
import { resolveNodes } from '@pothos/plugin-relay';
import { type GraphQLResolveInfo, isObjectType } from 'graphql';
import { InputError, NotFoundError } from './errors.ts';

/** A decoded global id. */
interface GlobalId {
  typename: string;
  id: string;
}

/** The largest database id (PostgreSQL `integer`). */
export const MAX_DATABASE_ID = 2_147_483_647;

/** Prisma's "no record found" from `findUniqueOrThrow`. */
function isRecordNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2025';
}

/**
 * Checks a global id before anything is loaded: its type must be one of the schema's `Node`
 * types (BAD_USER_INPUT: not an id this API issued); answers false when its number cannot be
 * a database id (no record has it).
 */
function isLoadable(globalId: GlobalId, info: GraphQLResolveInfo, argument: string): boolean {
  const type = info.schema.getType(globalId.typename);
  if (!isObjectType(type) || !type.getInterfaces().some((i) => i.name === 'Node')) {
    throw new InputError(`\`${argument}\` is not an id this API issued.`, { argument, field: argument });
  }
  if (!/^\d{1,10}$/.test(globalId.id)) return false;
  const id = Number(globalId.id);
  return id >= 1 && id <= MAX_DATABASE_ID;
}

let nodeBuilder: PothosSchemaTypes.SchemaBuilder<SchemaTypes> | null = null;

/** The builder whose node types `node`/`nodes` load (set by `builder.ts` once it exists). */
export function loadNodesWith<Types extends SchemaTypes>(builder: PothosSchemaTypes.SchemaBuilder<Types>): void {
  nodeBuilder = builder as unknown as PothosSchemaTypes.SchemaBuilder<SchemaTypes>;
}

/** Loads one node; null when no record has the id (an unknown id, or one deleted meanwhile). */
async function loadOne(globalId: GlobalId, context: object, info: GraphQLResolveInfo) {
  if (!nodeBuilder) throw new Error('loadNodesWith(builder) was not called.');
  try {
    const [node] = await resolveNodes(nodeBuilder, context, info, [globalId]);
    return node ?? null;
  } catch (error) {
    if (isRecordNotFound(error)) return null;
    throw error;
  }
}

/** `node(id:)`: NOT_FOUND for an id no record has, BAD_USER_INPUT for an id of no node type. */
export async function resolveNode(globalId: GlobalId, context: object, info: GraphQLResolveInfo) {
  const node = isLoadable(globalId, info, 'id') ? await loadOne(globalId, context, info) : null;
  if (node === null) throw new NotFoundError(`No ${globalId.typename} has this id.`, { entityType: globalId.typename, field: 'id' });
  return node;
}

/**
 * `nodes(ids:)`: each id loaded on its own, so an id no record has answers null in its place
 * and the others are kept (the list's length is checked before, by the input boundary).
 */
export function resolveNodeList(globalIds: readonly GlobalId[], context: object, info: GraphQLResolveInfo) {
  const loadable = globalIds.map((globalId, index) => isLoadable(globalId, info, `ids.${index}`));
  return globalIds.map((globalId, index) => (loadable[index] ? loadOne(globalId, context, info) : null));
}
