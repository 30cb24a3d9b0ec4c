import { Client, fetchExchange } from '@urql/core';
import { z } from 'zod';
import { PortalDataError } from './errors.ts';

/** Where the portal reads its data, and how (tests pass `yoga.fetch`). */
export interface ApiSource {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  url: string;
  fetch?: typeof globalThis.fetch;
}

/** The endpoint the build reads: `OPENSTATION_API_URL`, else a local `pnpm start`. */
export function apiSourceFromEnv(env: Record<string, string | undefined> = process.env): ApiSource {
  return { url: env.OPENSTATION_API_URL ?? 'http://127.0.0.1:4000/graphql' };
}

const HELP =
  'Start the API first (`pnpm start` serves it on http://127.0.0.1:4000/graphql) ' +
  'or point the build at a running one with OPENSTATION_API_URL=http://host:port/graphql.';

/** Sends one query with urql and validates the answer with `schema`; any failure throws a {@link PortalDataError}. */
export async function queryApi<T>(
  source: ApiSource,
  query: string,
  variables: Record<string, unknown>,
  schema: z.ZodType<T>,
  what: string,
): Promise<T> {
  const client = new Client({
    url: source.url,
    exchanges: [fetchExchange],
    requestPolicy: 'network-only',
    preferGetMethod: false,
    ...(source.fetch ? { fetch: source.fetch } : {}),
  });
  const result = await client.query(query, variables).toPromise();
  if (result.error?.networkError) {
    throw new PortalDataError(
      `Could not load ${what}: the OpenStation API at ${source.url} is unreachable ` +
        `(${result.error.networkError.message}). ${HELP}`,
    );
  }
  if (result.error) {
    const messages = result.error.graphQLErrors.map((e) => e.message).join('; ') || result.error.message;
    throw new PortalDataError(
      `Could not load ${what}: the OpenStation API at ${source.url} answered with errors: ${messages}. ` +
        'Check that the API and the portal are the same version (`pnpm install`, then rebuild).',
    );
  }
  const parsed = schema.safeParse(result.data);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('; ');
    throw new PortalDataError(
      `Could not load ${what}: the API's answer does not have the expected shape (${issues}). ` +
        'The API and the portal are probably different versions: update both and rebuild.',
    );
  }
  return parsed.data;
}

const PAGE = 100;

/**
 * Reads every page of the one connection a query selects (`query($first: Int!, $after: String)`),
 * in pages of 100, the API's maximum.
 */
export async function queryAll<N>(
  source: ApiSource,
  query: string,
  variables: Record<string, unknown>,
  node: z.ZodType<N>,
  what: string,
): Promise<N[]> {
  const connection = z.object({
    edges: z.array(z.object({ node })),
    pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
  });
  const page = z.record(z.string(), connection).transform((data, ctx) => {
    const only = Object.values(data)[0];
    if (!only) {
      ctx.addIssue({ code: 'custom', message: 'no connection in the answer' });
      return z.NEVER;
    }
    return only;
  });
  const all: N[] = [];
  let after: string | null = null;
  for (;;) {
    const result: z.infer<typeof page> = await queryApi(source, query, { ...variables, first: PAGE, after }, page, what);
    for (const edge of result.edges) all.push(edge.node);
    if (!result.pageInfo.hasNextPage || result.pageInfo.endCursor === null) return all;
    after = result.pageInfo.endCursor;
  }
}
