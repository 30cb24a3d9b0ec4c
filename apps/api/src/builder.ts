import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import type PrismaTypes from '@openstation/db/pothos-types';
import { getDatamodel } from '@openstation/db/pothos-types';
import AuthBeforeArgsPlugin from './auth/auth-before-args-plugin.ts';
import type { ApiScope } from './auth/scopes.ts';
import { unauthorizedError } from './auth/unauthorized.ts';
import { ClientError } from './errors.ts';
import { limitsFor } from './limits/operation-complexity.ts';
import { QUERY_LIMITS } from './limits/query-limits.ts';
import './relay-global-ids.ts';
import { loadNodesWith, resolveNode, resolveNodeList } from './relay-nodes.ts';
import { relayContract } from './relay-contract.ts';
import type { Context } from './context.ts';

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: {
    /** Any signed-in staff member. */
    staff: boolean;
    /** Staff role ADMIN. */
    admin: boolean;
    /** Staff role EDITOR, or ADMIN. */
    editor: boolean;
    /** Staff role MEDIATOR, or ADMIN. */
    mediator: boolean;
    /** An API client granted this scope. */
    apiScope: ApiScope;
  };
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: Date; Output: Date };
    DateTime: { Input: Date; Output: Date };
    File: { Input: Blob; Output: never };
  };
}>({
  plugins: [ScopeAuthPlugin, AuthBeforeArgsPlugin, ComplexityPlugin, ErrorsPlugin, ValidationPlugin, PrismaPlugin, RelayPlugin],
  scopeAuth: {
    authScopes: ({ principal }) => {
      const role = principal.kind === 'staff' ? principal.role : null;
      return {
        staff: role !== null,
        admin: role === 'ADMIN',
        editor: role === 'ADMIN' || role === 'EDITOR',
        mediator: role === 'ADMIN' || role === 'MEDIATOR',
        apiScope: (scope) => principal.kind === 'apiClient' && principal.scopes.includes(scope),
      };
    },
    unauthorizedError: (_parent, { principal }) => unauthorizedError(principal),
  },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    // Checked before any root field resolves; skipped when the cost plugin measured the operation within them.
    limit: limitsFor,
    complexityError: (kind, result) =>
      new ClientError('QUERY_TOO_COMPLEX', `The query exceeds the ${kind.toLowerCase()} limit.`, {
        kind: kind.toLowerCase(),
        depth: result.depth,
        breadth: result.breadth,
        complexity: result.complexity,
        limits: QUERY_LIMITS,
      }),
  },
  defaultFieldNullability: false,
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    ...relayContract,
    nodeQueryOptions: {
      description: 'The record with this global id (Relay refetch); NOT_FOUND when no record has it.',
      resolve: (_root, { id }, context, info) => resolveNode(id, context, info),
    },
    nodesQueryOptions: {
      description: 'The records with these global ids (at most 100), in order; null in the place of an id no record has.',
      resolve: (_root, { ids }, context, info) => resolveNodeList(ids, context, info),
    },
  },
  errors: {
    defaultTypes: [],
  },
});

loadNodesWith(builder);
