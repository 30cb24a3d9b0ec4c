import { Client, type AnyVariables, type CombinedError, fetchExchange, type TypedDocumentNode } from '@urql/core';
import type { DocumentNode } from 'graphql';
import type { ConsoleHost } from '@openstation/site/console-host';

/** A GraphQL error as the console shows it: its code and, for the content rules, the input field it names. */
export interface ApiProblem {
  code: string;
  message: string;
  field: string | null;
}

/** What an operation answered: its data, or the problems that stopped it. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; problems: ApiProblem[] };

/** The problems of an urql error: GraphQL errors with their `extensions.code` and `extensions.field`, or a network failure. */
export function problemsOf(error: CombinedError): ApiProblem[] {
  if (error.graphQLErrors.length === 0) return [{ code: 'NETWORK', message: error.message, field: null }];
  return error.graphQLErrors.flatMap((e) => {
    const code = typeof e.extensions.code === 'string' ? e.extensions.code : 'INTERNAL_SERVER_ERROR';
    // Input validation names every field it refused in `extensions.fields`; the content rules name one in `extensions.field`.
    const fields = Array.isArray(e.extensions.fields) ? (e.extensions.fields as { path?: unknown; message?: unknown }[]) : [];
    const named = fields.filter((f) => typeof f.path === 'string' && typeof f.message === 'string');
    if (named.length > 0) return named.map((f) => ({ code, message: String(f.message), field: String(f.path) }));
    const field = typeof e.extensions.field === 'string' ? e.extensions.field : null;
    return [{ code, message: e.message, field }];
  });
}

/**
 * The API as one signed-in person (or anonymously) sees it: urql over the host's in-process
 * GraphQL handler, every request sent with the session's bearer token, nothing cached.
 */
export function apiClient(host: ConsoleHost, token: string | null) {
  const client = new Client({
    url: 'http://console.internal/graphql',
    exchanges: [fetchExchange],
    requestPolicy: 'network-only',
    preferGetMethod: false,
    fetch: (input, init) => host.graphql(new Request(input, init)),
    fetchOptions: (): RequestInit => (token ? { headers: { authorization: `Bearer ${token}` } } : {}),
  });
  async function run<T, V extends AnyVariables>(kind: 'query' | 'mutation', document: DocumentNode | TypedDocumentNode<T, V>, variables: V): Promise<ApiResult<T>> {
    const result = kind === 'query' ? await client.query<T, V>(document, variables).toPromise() : await client.mutation<T, V>(document, variables).toPromise();
    if (result.error) return { ok: false, problems: problemsOf(result.error) };
    if (!result.data) return { ok: false, problems: [{ code: 'NETWORK', message: 'The API answered no data.', field: null }] };
    return { ok: true, data: result.data };
  }
  return {
    query: <T, V extends AnyVariables = AnyVariables>(document: DocumentNode | TypedDocumentNode<T, V>, variables: V) => run<T, V>('query', document, variables),
    mutation: <T, V extends AnyVariables = AnyVariables>(document: DocumentNode | TypedDocumentNode<T, V>, variables: V) => run<T, V>('mutation', document, variables),
  };
}

/** {@link apiClient}'s type. */
export type ApiClient = ReturnType<typeof apiClient>;
