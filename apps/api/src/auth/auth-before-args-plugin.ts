import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import type { Context } from '../context.ts';
import { unauthorizedError } from './unauthorized.ts';

/**
 * Checks a root field's `authScopes` before its arguments are validated, so that a caller
 * who may not use a field learns UNAUTHENTICATED or FORBIDDEN, never how to shape its input.
 * Scope-auth still runs its own check around the resolver; this one only refuses earlier.
 */
class AuthBeforeArgsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapArgMappers(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    const scopes = (fieldConfig.pothosOptions as { authScopes?: unknown }).authScopes;
    const isRoot = fieldConfig.kind === 'Query' || fieldConfig.kind === 'Mutation';
    if (!isRoot || scopes === null || typeof scopes !== 'object') return resolver;
    const scopeMap = scopes as Parameters<typeof this.builder.runAuthScopes>[1];
    return async (parent, args, context, info) => {
      await this.builder.runAuthScopes(context, scopeMap, () => unauthorizedError((context as Context).principal));
      return resolver(parent, args, context, info);
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      authBeforeArgs: AuthBeforeArgsPlugin<Types>;
    }
  }
}

const pluginName = 'authBeforeArgs';
SchemaBuilder.registerPlugin(pluginName, AuthBeforeArgsPlugin);
export default pluginName;
