import type { PrismaClient } from '@openstation/db';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga } from 'graphql-yoga';
import { principalFromRequest } from './auth/principal.ts';
import { type Context, localeFromRequest } from './context.ts';
import { CORS_HEADERS } from './cors.ts';
import { hideSuggestions } from './hide-suggestions.ts';
import { clientAddress, costPlugin, type RateLimitOptions } from './limits/cost-plugin.ts';
import { type SurveyLimitOptions, takeSurveySubmission } from './limits/survey-limit.ts';
import { createLoaders } from './loaders.ts';
import { maskError } from './mask-error.ts';
import { schema } from './schema/index.ts';

export interface ApiOptions {
  prisma: PrismaClient;
  /** Per-caller cost budgets; without them costs are reported but not limited. */
  rateLimit?: RateLimitOptions;
  /** Web origins whose pages may call the API from a browser (CORS); none by default. */
  corsOrigins?: readonly string[];
  /** Submissions per client to OPEN survey campaigns; without it they are not limited. */
  surveyLimit?: SurveyLimitOptions;
}

/**
 * The GraphQL server as a fetch handler, with no side effects: tests call
 * `api.fetch('http://yoga/graphql', …)`, `server.ts` mounts it on a port.
 */
export function createApi({ prisma, rateLimit, corsOrigins = [], surveyLimit }: ApiOptions) {
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: { title: 'OpenStation API' },
    renderGraphiQL,
    maskedErrors: { maskError },
    cors: corsOrigins.length > 0 ? { origin: [...corsOrigins], methods: ['GET', 'POST'], credentials: false, ...CORS_HEADERS } : false,
    plugins: [hideSuggestions(), costPlugin(rateLimit ?? null)],
    context: async (initial) => ({
      prisma,
      locale: localeFromRequest(initial.request),
      loaders: createLoaders(prisma),
      principal: await principalFromRequest(prisma, initial.request),
      takeSurveySubmission: async () => {
        if (surveyLimit) await takeSurveySubmission(surveyLimit, clientAddress(initial, surveyLimit.trustProxy));
      },
    }),
  });
}

export type Api = ReturnType<typeof createApi>;
