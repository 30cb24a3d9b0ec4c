/**
 * @packageDocumentation
 * The contract between the staff console (apps/console) and the server that mounts it
 * (apps/api): the console's built server entry exports a {@link ConsoleRender}, and the server
 * passes a {@link ConsoleHost} with every request. Neither app imports the other.
 */

/**
 * What the server that mounts the console gives it with every request: how to reach the
 * GraphQL API (in-process), and the session settings.
 */
export interface ConsoleHost {
  /** Sends a GraphQL request to the API as the console's client, the visitor's address passed on. */
  graphql(request: Request): Promise<Response>;
  /** Seals the session cookie: at least 32 characters; the same on every replica. */
  secret: string;
  /** A signed-in session unused this long ends (ms). */
  idleMs: number;
}

/** What the console's built server entry (`dist/<hash>/server/entry.mjs`) exports. */
export interface ConsoleEntry {
  /** Renders one console request (a path under `/staff/`). */
  render(request: Request, locals: { host: ConsoleHost }): Promise<Response>;
}
