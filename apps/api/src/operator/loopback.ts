/** What a Node adapter passes to fetch handlers: the socket the request came on. */
export interface ServerContext {
  req?: { socket?: { remoteAddress?: string } };
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Whether a request came from this machine and no proxy forwarded it: a loopback socket
 * address and no `X-Forwarded-For` / `Forwarded` header.
 */
export function isLoopback(request: Request, serverContext: ServerContext | undefined): boolean {
  const address = serverContext?.req?.socket?.remoteAddress;
  return address !== undefined && LOOPBACK.has(address) && !request.headers.has('x-forwarded-for') && !request.headers.has('forwarded');
}
