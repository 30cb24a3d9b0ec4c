/**
 * What the Node adapter (`createServerAdapter`) passes every handler beside the request: the
 * Node request, whose socket tells the client's address. Handlers pass it on unchanged when
 * they call the GraphQL API, whose cost budgets and survey limit key on that address.
 */
export type ServerContext = { req?: { socket?: { remoteAddress?: string } } };

/** A route: a fetch handler (`Request` → `Response`). */
export type FetchHandler = (request: Request, context: ServerContext) => Response | Promise<Response>;

/** The server context of a request from `remoteAddress` (tests, and calls made in-process). */
export function clientContext(remoteAddress: string | undefined): ServerContext {
  return { req: { socket: remoteAddress === undefined ? {} : { remoteAddress } } };
}
