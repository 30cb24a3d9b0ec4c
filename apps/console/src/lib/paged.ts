import type { ApiResult } from './api.ts';

/** One page of a connection. */
export interface Page<T> {
  edges: { node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Every node of a connection, page by page: `fetchPage(after)` asks for the page after a cursor. */
export async function everyPage<T>(what: string, fetchPage: (after: string | null) => Promise<ApiResult<Page<T>>>): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (;;) {
    const answer = await fetchPage(after);
    if (!answer.ok) throw new Error(`Could not list ${what}: ${answer.problems[0]?.message ?? 'no answer'}`);
    nodes.push(...answer.data.edges.map((e) => e.node));
    if (!answer.data.pageInfo.hasNextPage || !answer.data.pageInfo.endCursor) return nodes;
    after = answer.data.pageInfo.endCursor;
  }
}

/** An answer's connection, or its problems. */
export function connectionOf<D, T>(answer: ApiResult<D>, pick: (data: D) => Page<T>): ApiResult<Page<T>> {
  return answer.ok ? { ok: true, data: pick(answer.data) } : answer;
}
