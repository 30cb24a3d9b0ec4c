import type { NodeListener, ServerContext } from './context.ts';

/** The GraphQL server as the form routes call it, in-process: `createApi(…)`. */
export interface InProcessApi {
  fetch(request: Request, context: ServerContext): Response | Promise<Response>;
  /** The same server as its own Node adapter (Yoga's), which `/graphql` is served by over HTTP. */
  requestListener?: NodeListener;
}

/** A GraphQL response body as the routes read it. */
export interface GraphQLAnswer<TData> {
  data?: TData | null;
  errors?: { message?: string; extensions?: { code?: unknown; [key: string]: unknown } }[];
}

/** Headers of the client's request that say who the client is, passed on so that the API sees the same caller. */
const FORWARDED = ['x-forwarded-for', 'forwarded'] as const;

/**
 * Runs `query` on `api` in-process for the client of `request`, as if that client had sent
 * it to `/graphql` anonymously: the server context (the client's socket) and the forwarding
 * headers are passed on, so the same cost budgets, limits and rules apply. Answers the parsed
 * body and the HTTP response (for `Retry-After`).
 */
export async function graphqlInProcess<TData>(
  api: InProcessApi,
  client: { request: Request; context: ServerContext },
  query: string,
  variables: Record<string, unknown>,
): Promise<{ answer: GraphQLAnswer<TData>; response: Response }> {
  const headers = new Headers({ 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' });
  for (const name of FORWARDED) {
    const value = client.request.headers.get(name);
    if (value) headers.set(name, value);
  }
  const response = await api.fetch(
    new Request('http://internal/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) }),
    client.context,
  );
  return { answer: (await response.json()) as GraphQLAnswer<TData>, response };
}

/** The `extensions.code` of the answer's first error, or null. */
export function firstErrorCode(answer: GraphQLAnswer<unknown>): string | null {
  const code = answer.errors?.[0]?.extensions?.code;
  return typeof code === 'string' ? code : null;
}
