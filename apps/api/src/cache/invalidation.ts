import { type GraphQLNamedType, type GraphQLSchema, getNamedType, isInterfaceType, isObjectType } from 'graphql';
import type { PublicChange } from '../domain/public-change.ts';

/**
 * Types whose figures are computed from an entity's rows without containing the entity
 * itself (aggregates): a change to the entity must drop answers holding them too.
 */
const DERIVED_TYPES: Readonly<Record<string, readonly string[]>> = {
  MediationCase: ['MediationStats'],
  MediationRoom: ['MediationStats'],
  // Paper responses entered by staff are recorded against their campaign.
  SurveyCampaign: ['SurveyResults'],
};

/** Root types: every cached answer has one, so they never name what changed. */
const ROOTS = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * For each GraphQL type, the types an answer holding it may have been read through: the
 * type itself, the interfaces it implements, and every type with a field that leads to it,
 * up to the root (an officer appears in `Area.assignments`, so in `Station.areas`, …).
 * Invalidating all of them drops every answer that could show the changed entity, including
 * lists and connections that did not hold it yet (a new officer), and `null` answers
 * (the response cache records the type of an empty list or a null field).
 */
export function containingTypes(schema: GraphQLSchema): (typeName: string) => string[] {
  const parents = new Map<string, Set<string>>();
  const add = (child: string, parent: string) => {
    if (!parents.has(child)) parents.set(child, new Set());
    parents.get(child)?.add(parent);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) add(getNamedType(field.type).name, type.name);
    for (const iface of type.getInterfaces()) add(type.name, iface.name);
  }
  const memo = new Map<string, string[]>();
  return (typeName) => {
    const known = memo.get(typeName);
    if (known) return known;
    const seen = new Set<string>();
    const stack = [typeName];
    while (stack.length > 0) {
      const next = stack.pop() as string;
      if (seen.has(next) || ROOTS.has(next)) continue;
      seen.add(next);
      stack.push(...(parents.get(next) ?? []));
    }
    const result = [...seen].sort();
    memo.set(typeName, result);
    return result;
  };
}

/**
 * The GraphQL types whose cached answers a committed change makes stale. An entity type
 * the schema does not know (or the daily schedule: surveys opening, quarters turning)
 * answers `null`: drop everything.
 */
export function typesToInvalidate(schema: GraphQLSchema, containing = containingTypes(schema)): (change: PublicChange) => string[] | null {
  return ({ entityType }) => {
    const starts = [entityType, ...(DERIVED_TYPES[entityType] ?? [])].filter((name) => schema.getType(name) as GraphQLNamedType | undefined);
    if (starts.length === 0) return null;
    return [...new Set(starts.flatMap(containing))].sort();
  };
}
