import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * What the Node adapter (`createServerAdapter`) passes every handler beside the request: the
 * Node request, whose socket tells the client's address. Handlers pass it on unchanged when
 * they call the GraphQL API, whose cost budgets and survey limit key on that address.
 */
export type ServerContext = { req?: { socket?: { remoteAddress?: string } } };

/** A route: a fetch handler (`Request` → `Response`). */
export type FetchHandler = (request: Request, context: ServerContext) => Response | Promise<Response>;

/**
 * The same route served straight from Node's request and response: a server adapter of its
 * own (Yoga is one), which makes its `Request` from Node's and writes its `Response` back
 * itself, with `{ req, res }` as the server context. Resolves once the answer is written.
 */
export type NodeListener = (req: IncomingMessage, res: ServerResponse) => unknown;

/** The server context of a request from `remoteAddress` (tests, and calls made in-process). */
export function clientContext(remoteAddress: string | undefined): ServerContext {
  return { req: { socket: remoteAddress === undefined ? {} : { remoteAddress } } };
}
