import { createHash } from 'node:crypto';
import { type BuildResponseCacheKeyFunction, type Cache, createInMemoryCache, useResponseCache } from '@envelop/response-cache';
import { createRedisCache } from '@envelop/response-cache-redis';
import stableStringify from 'fast-json-stable-stringify';
import { type ExecutionResult, type GraphQLSchema, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { Context } from '../context.ts';
import type { PublicChange } from '../domain/public-change.ts';
import { typesToInvalidate } from './invalidation.ts';

/** Whether an answer came from the cache: `X-Response-Cache` and `extensions.responseCache.hit`. */
export const RESPONSE_CACHE_HEADER = 'X-Response-Cache';

/** Answers whose data changes without a public-change announcement are never cached. */
const NEVER_CACHED = {
  // Online survey submissions are counted as they arrive and announce nothing.
  'Query.surveyResults': 0,
  'Query.portalBuildStatus': 0,
} as const;

export interface ResponseCacheOptions {
  schema: GraphQLSchema;
  /** Shared by every API replica using the same Redis; this process's memory without it. */
  redisUrl?: string | null;
  /** Longest an answer is kept, in ms (a safety net: changes drop answers as they commit). Default 5 minutes. */
  ttlMs?: number;
  /** Answers kept in memory (least recently used go first); default 10,000. Not used with Redis. */
  maxEntries?: number;
  /** Keeps deployments that share one Redis apart; default `openstation`. */
  namespace?: string;
}

export interface ResponseCache {
  readonly store: 'memory' | 'redis';
  /** The Yoga plugins: the cache itself (after the cost budget), and the header. */
  readonly plugins: Plugin[];
  /** Drops every answer a committed change makes stale; never throws (a failure is logged). */
  invalidate(change: PublicChange): Promise<void>;
  close(): Promise<void>;
}

type CacheState = 'HIT' | 'MISS' | 'BYPASS';

/** Sets `X-Response-Cache` from the result's `extensions.responseCache`. */
function cacheHeader(): Plugin {
  const states = new WeakMap<Request, CacheState>();
  return {
    onExecutionResult({ request, result }) {
      if (!result || Array.isArray(result) || !('extensions' in result || 'data' in result || 'errors' in result)) return;
      const meta = (result as { extensions?: { responseCache?: { hit?: boolean } } }).extensions?.responseCache;
      states.set(request, meta === undefined ? 'BYPASS' : meta.hit ? 'HIT' : 'MISS');
    },
    onResponse({ request, response }) {
      const state = states.get(request);
      if (state) response.headers.set(RESPONSE_CACHE_HEADER, state);
    },
  };
}

/**
 * The key of an answer: the operation's text and name, its variables and the answer's language,
 * hashed as `defaultBuildResponseCacheKey` does (the same keys), but with node:crypto's
 * synchronous SHA-256: the default's WebCrypto digest is an asynchronous job that cost a
 * cached answer ~14 % of its CPU.
 */
function cacheKey(namespace: string): BuildResponseCacheKeyFunction {
  return ({ documentString, operationName, variableValues, context }) => {
    const text = [documentString, operationName ?? '', stableStringify(variableValues ?? {}), (context as Context).locale].join('|');
    return `${namespace}:response:${createHash('sha256').update(text).digest('hex')}`;
  };
}

/** What a cached answer is stored as: its data's JSON text, and in memory the data itself. */
interface StoredAnswer extends ExecutionResult {
  dataJson: string;
}

/** A result Yoga writes out with its own `stringify` (its `ExecutionResultWithSerializer`, not exported). */
type SerializedResult = ExecutionResult & { stringify: (result: ExecutionResult) => string };

/** Stands for the data in the JSON of an answer's other members; NUL cannot occur in a served text. */
const DATA_MARK = '\u0000openstation:cached-data\u0000';
const QUOTED_DATA_MARK = JSON.stringify(DATA_MARK);

/**
 * Keeps each cached answer's data as JSON text beside it, and gives a hit a `stringify` (Yoga's
 * `ExecutionResultWithSerializer`) that writes the stored text instead of serializing the data
 * again: the same bytes, without the walk that was another ~15 % of a hit's CPU. The other members
 * (`extensions`: cost, cache state) are serialized as usual. In Redis only the text is stored.
 */
function keepingDataJson(inner: Cache, keepData: boolean): Cache {
  return {
    set(id, result, entities, ttl) {
      const { data, ...rest } = result;
      const stored: StoredAnswer = { ...(keepData ? { data } : {}), ...rest, dataJson: JSON.stringify(data) };
      return inner.set(id, stored, entities, ttl);
    },
    async get(id) {
      const stored = (await inner.get(id)) as StoredAnswer | null | undefined;
      if (!stored) return stored;
      const { dataJson, data, ...rest } = stored;
      const answer: SerializedResult = {
        data: data ?? JSON.parse(dataJson),
        ...rest,
        stringify: (result) =>
          result.data === answer.data ? JSON.stringify({ ...result, data: DATA_MARK }).replace(QUOTED_DATA_MARK, () => dataJson) : JSON.stringify(result),
      };
      return answer;
    },
    invalidate: (entities) => inner.invalidate(entities),
  };
}

/**
 * Marks the contexts of query operations. The cache plugin otherwise treats a mutation it
 * is not told to invalidate by like a query, and would answer a repeated one from the cache.
 */
function queriesOnly(queries: WeakSet<object>): Plugin {
  return {
    onExecute({ args }) {
      if (getOperationAST(args.document, args.operationName)?.operation === 'query') queries.add(args.contextValue as object);
    },
  };
}

/**
 * The response cache for public reads (@envelop/response-cache, in memory or in Redis through
 * @envelop/response-cache-redis). Only queries are cached, and only anonymous callers' answers: an
 * API key's, a staff member's or the operator's request never reads or fills it, so no
 * staff-only, draft or per-key answer can reach another caller. Keys hold the operation, its
 * variables and the answer's language. It runs after the cost budget, so a cached answer
 * costs the caller what a computed one does. Committed changes drop the answers holding the
 * changed entity's type (see `containingTypes`), in Redis for every replica.
 */
export function createResponseCache({ schema, redisUrl, ttlMs = 5 * 60_000, maxEntries = 10_000, namespace = 'openstation' }: ResponseCacheOptions): ResponseCache {
  const redis = redisUrl ? new Redis(redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: true }) : null;
  const cache: Cache = redis
    ? keepingDataJson(createRedisCache({ redis: redis as unknown as Parameters<typeof createRedisCache>[0]['redis'] }) as unknown as Cache, false)
    : keepingDataJson(createInMemoryCache({ max: maxEntries }), true);
  const invalidated = typesToInvalidate(schema);
  const everything = Object.keys(schema.getTypeMap()).filter((name) => !name.startsWith('__'));
  const queries = new WeakSet<object>();
  const plugin = useResponseCache<Context>({
    cache,
    ttl: ttlMs,
    ttlPerSchemaCoordinate: { ...NEVER_CACHED },
    session: () => null,
    enabled: (context) => context.principal.kind === 'anonymous' && queries.has(context),
    // Writes drop answers through the domain's announcements (CSV imports and CLIs included), not mutation results.
    invalidateViaMutation: false,
    includeExtensionMetadata: true,
    buildResponseCacheKey: cacheKey(namespace),
    // The default logs a warning for every answer with errors; those are simply not cached.
    shouldCacheResult: ({ result }) => !result.errors?.length,
  }) as unknown as Plugin;
  return {
    store: redis ? 'redis' : 'memory',
    plugins: [queriesOnly(queries), plugin, cacheHeader()],
    async invalidate(change) {
      const types = invalidated(change) ?? everything;
      try {
        await cache.invalidate(types.map((typename) => ({ typename })));
      } catch (error) {
        console.error(`Could not drop cached answers after ${change.action}:`, error);
      }
    },
    async close() {
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, not "${raw}".`);
  return value;
}

/**
 * From the environment: on unless `RESPONSE_CACHE=0`; in Redis when `REDIS_URL` is set;
 * `RESPONSE_CACHE_TTL_SECONDS` (300) and `RESPONSE_CACHE_MAX_ENTRIES` (10,000, memory only).
 */
export function responseCacheFromEnv(schema: GraphQLSchema, env: NodeJS.ProcessEnv = process.env): ResponseCache | null {
  if (env.RESPONSE_CACHE === '0') return null;
  const ttlSeconds = positiveInteger(env, 'RESPONSE_CACHE_TTL_SECONDS');
  return createResponseCache({
    schema,
    redisUrl: env.REDIS_URL || null,
    ttlMs: ttlSeconds === undefined ? undefined : ttlSeconds * 1000,
    maxEntries: positiveInteger(env, 'RESPONSE_CACHE_MAX_ENTRIES'),
  });
}
