import { type ExecutionResult, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Principal } from '../auth/principal.ts';
import type { BudgetState, CostBucketStore } from './bucket.ts';
import { markWithinLimits, operationComplexityMemo, withinQueryLimits } from './operation-complexity.ts';
import { QUERY_LIMITS } from './query-limits.ts';

/** Cost budgets: API clients have their own (`ApiClient.costBudget`); these cover the rest. */
export interface RateLimitOptions {
  store: CostBucketStore;
  /** Cost units per window for each anonymous IP address. */
  anonymousBudget: number;
  /** Cost units per window for each staff member. */
  staffBudget: number;
  /** Take the client address from the first `X-Forwarded-For` entry (behind a trusted proxy). */
  trustProxy: boolean;
  /**
   * Do not budget anonymous requests made on this machine (loopback address, no forwarding
   * header), such as the embedded portal build reading the API.
   */
  exemptLoopback: boolean;
}

interface ExecutionContext {
  request: Request;
  principal: Principal;
  req?: { socket?: { remoteAddress?: string } };
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** A request from this machine that no proxy forwarded. */
function isLocal(ctx: ExecutionContext): boolean {
  const { headers } = ctx.request;
  const address = ctx.req?.socket?.remoteAddress;
  return address !== undefined && LOOPBACK.has(address) && !headers.has('x-forwarded-for') && !headers.has('forwarded');
}

/** Who pays for a request, and their budget (null: not budgeted). */
function bucketFor(ctx: ExecutionContext, options: RateLimitOptions): { key: string; budget: number } | null {
  const { principal } = ctx;
  if (principal.kind === 'apiClient') return { key: `client:${principal.clientId}`, budget: principal.costBudget };
  if (principal.kind === 'staff') return { key: `staff:${principal.userId}`, budget: options.staffBudget };
  if (options.exemptLoopback && isLocal(ctx)) return null;
  return { key: `ip:${clientAddress(ctx, options.trustProxy)}`, budget: options.anonymousBudget };
}

/** The caller's network address: the first `X-Forwarded-For` entry behind a trusted proxy, else the socket's. */
export function clientAddress(ctx: { request: Request; req?: { socket?: { remoteAddress?: string } } }, trustProxy: boolean): string {
  const forwarded = trustProxy ? ctx.request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  return forwarded || ctx.req?.socket?.remoteAddress || 'unknown';
}

function costExtension(cost: number, state: BudgetState | undefined) {
  return { requested: cost, limit: state?.limit ?? null, remaining: state?.remaining ?? null };
}

/**
 * Measures each operation's cost (the complexity plugin's measure), charges it to the caller's
 * leaky bucket when `options` is given, refuses it with RATE_LIMITED (HTTP 429) when the bucket
 * would overflow, and reports `extensions.cost` and `X-RateLimit-*` headers.
 */
export function costPlugin(options: RateLimitOptions | null): Plugin {
  const states = new WeakMap<Request, BudgetState>();
  const costs = new WeakMap<Request, number>();
  const complexityOf = operationComplexityMemo();
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue as unknown as ExecutionContext;
      let measured;
      try {
        measured = complexityOf(args.document, args.operationName, args.schema, ctx, (args.variableValues ?? {}) as Record<string, unknown>);
      } catch {
        return; // invalid variables or no such operation: execution reports them
      }
      if (withinQueryLimits(measured)) markWithinLimits(ctx);
      const cost = Math.min(measured.complexity, QUERY_LIMITS.complexity);
      costs.set(ctx.request, cost);
      if (!options) return;
      const bucket = bucketFor(ctx, options);
      if (!bucket) return;
      const { key, budget } = bucket;
      const state = await options.store.take(key, budget, cost);
      states.set(ctx.request, state);
      if (state.allowed) return;
      setResultAndStopExecution({
        errors: [
          new GraphQLError(
            `This request costs ${cost} and your budget has ${state.remaining} of ${state.limit} left: retry in ${state.retryAfterSeconds} s.`,
            {
              extensions: {
                code: 'RATE_LIMITED',
                retryAfter: state.retryAfterSeconds,
                http: { status: 429, headers: { 'Retry-After': String(state.retryAfterSeconds) } },
              },
            },
          ),
        ],
        extensions: { cost: costExtension(cost, state) },
      });
    },
    onExecutionResult({ request, result, setResult }) {
      const cost = costs.get(request);
      if (cost === undefined || !result || Array.isArray(result) || !('data' in result || 'errors' in result)) return;
      const single = result as ExecutionResult;
      setResult({ ...single, extensions: { ...single.extensions, cost: costExtension(cost, states.get(request)) } });
    },
    onResponse({ request, response }) {
      const state = states.get(request);
      if (!state) return;
      response.headers.set('X-RateLimit-Limit', String(state.limit));
      response.headers.set('X-RateLimit-Remaining', String(state.remaining));
      response.headers.set('X-RateLimit-Reset', String(state.resetSeconds));
    },
  };
}
