import type { PrismaClient } from '@openstation/db';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga } from 'graphql-yoga';
import { createCallers } from './auth/caller.ts';
import { createLoginThrottle, type LoginThrottle } from './auth/login-throttle.ts';
import { memoryLoginStore } from './auth/login-throttle-store.ts';
import type { OperatorAccess } from './auth/principal.ts';
import type { ServerContext } from './operator/loopback.ts';
import { type Context, localeFromRequest } from './context.ts';
import { CORS_HEADERS } from './cors.ts';
import { csrfPrevention } from './csrf.ts';
import { hideSuggestions } from './hide-suggestions.ts';
import { requestBodyLimit } from './limits/body-size.ts';
import { DEFAULT_MAX_REQUEST_BODY_BYTES } from './limits/contract.ts';
import { inputBoundary } from './limits/input-boundary.ts';
import { parserLimits } from './limits/parser-limits.ts';
import { clientAddress, costPlugin, type RateLimitOptions } from './limits/cost-plugin.ts';
import { type SurveyLimitOptions, takeSurveySubmission } from './limits/survey-limit.ts';
import type { ResponseCache } from './cache/response-cache.ts';
import { createLoaders } from './loaders.ts';
import { maskError } from './mask-error.ts';
import type { PortalUpdatesStatus } from './portal-updates.ts';
import type { PublicChangeListener } from './domain/public-change.ts';
import { schema } from './schema/index.ts';
import { trustedOperations } from './trusted/plugin.ts';
import { warningsPlugin } from './warnings-plugin.ts';

export interface ApiOptions {
  prisma: PrismaClient;
  /** Per-caller cost budgets; without them costs are reported but not limited. */
  rateLimit?: RateLimitOptions;
  /** Web origins whose pages may call the API from a browser (CORS); none by default. */
  corsOrigins?: readonly string[];
  /** Submissions per client to OPEN survey campaigns; without it they are not limited. */
  surveyLimit?: SurveyLimitOptions;
  /** Told of every committed change the portal shows (to rebuild it); errors it throws are logged. */
  onPublicChange?: PublicChangeListener;
  /** What `portalBuildStatus` answers; without it, null. */
  portalUpdatesStatus?: () => PortalUpdatesStatus;
  /**
   * API keys not flagged `development` may run registered operations only (by hash); without
   * it anyone may send operation text. `server.ts` turns it on unless `REQUIRE_TRUSTED_OPERATIONS=0`.
   */
  requireTrustedOperations?: boolean;
  /** Larger request bodies answer REQUEST_ENTITY_TOO_LARGE (413) before they are parsed; 2 MiB by default. */
  maxRequestBodyBytes?: number;
  /** Failed logins per account and address (`loginThrottleFromEnv`); in this process's memory by default. */
  loginThrottle?: LoginThrottle;
  /** The operator channel (`openOperatorChannel`): local requests with its token act as an admin. */
  operator?: OperatorAccess;
  /** Caches anonymous answers (`responseCacheFromEnv`), dropped as changes commit; none by default. */
  responseCache?: ResponseCache | null;
}

/**
 * The GraphQL server as a fetch handler, with no side effects: tests call
 * `api.fetch('http://yoga/graphql', …)`, `server.ts` mounts it on a port.
 */
export function createApi({ prisma, rateLimit, corsOrigins = [], surveyLimit, onPublicChange, portalUpdatesStatus, requireTrustedOperations = false, maxRequestBodyBytes = DEFAULT_MAX_REQUEST_BODY_BYTES, operator, loginThrottle = createLoginThrottle(memoryLoginStore()), responseCache = null }: ApiOptions) {
  const callers = createCallers(prisma, operator);
  const publicChanged: PublicChangeListener = (change) => {
    try {
      onPublicChange?.(change);
    } catch (error) {
      console.error(`Could not announce the change ${change.action}:`, error);
    }
    // Awaited by the unit of work, so the writer's next read is fresh.
    return responseCache?.invalidate(change);
  };
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: { title: 'OpenStation API' },
    renderGraphiQL,
    maskedErrors: { maskError },
    cors: corsOrigins.length > 0 ? { origin: [...corsOrigins], methods: ['GET', 'POST'], credentials: false, ...CORS_HEADERS } : false,
    // Yoga's own limit streams every body through a TransformStream; requestBodyLimit applies the same limit cheaply.
    maxRequestBodySize: false,
    plugins: [csrfPrevention(), ...parserLimits(), callers.plugin, trustedOperations({ prisma, callers, required: requireTrustedOperations }), hideSuggestions(callers), inputBoundary(), costPlugin(rateLimit ?? null), requestBodyLimit(maxRequestBodyBytes), warningsPlugin(), ...(responseCache?.plugins ?? [])],
    context: async (initial) => ({
      prisma,
      locale: localeFromRequest(initial.request),
      loaders: createLoaders(prisma),
      principal: await callers.of(initial.request, initial as ServerContext),
      takeSurveySubmission: async () => {
        if (surveyLimit) await takeSurveySubmission(surveyLimit, clientAddress(initial, surveyLimit.trustProxy));
      },
      loginGate: loginThrottle.gate(clientAddress(initial, loginThrottle.trustProxy)),
      publicChanged,
      warnings: [],
      portalUpdatesStatus: () => portalUpdatesStatus?.() ?? null,
    }),
  });
}

export type Api = ReturnType<typeof createApi>;
