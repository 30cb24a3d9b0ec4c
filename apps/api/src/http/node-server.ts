import { createServer, STATUS_CODES } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServerAdapter } from '@whatwg-node/server';
import type { FetchHandler, ServerContext } from './context.ts';

/** A fetch handler listening on a port. */
export interface NodeServer {
  /** Starts listening; resolves to the port (the one the system chose for port 0). */
  listen(port: number, host: string): Promise<number>;
  /**
   * Stops taking connections and closes idle ones, lets the requests in flight finish
   * (connections still open after `graceMs` are cut), and resolves once every handler is done.
   */
  close(graceMs: number): Promise<void>;
}

/**
 * The response as it goes on the wire: with the standard reason phrase (`200 OK`) when it was
 * made without one (Node writes the phrase it is given, even an empty one), and with
 * `Connection: close` once the server is closing, so that keep-alive connections end with it.
 */
function onTheWire(response: Response, closing: boolean): Response {
  const reason = response.statusText || STATUS_CODES[response.status] || '';
  if (reason === response.statusText && !closing) return response;
  const headers = new Headers(response.headers);
  if (closing) headers.set('connection', 'close');
  return new Response(response.body, { status: response.status, statusText: reason, headers });
}

/**
 * Methods Node passes on that the Fetch API cannot represent (`new Request` throws): answered
 * 405 before a `Request` is made. (Node answers CONNECT and unknown methods such as TRACK itself.)
 */
const UNREPRESENTABLE_METHODS = new Set(['TRACE']);

/**
 * The server's one Node adapter: `handle` on `node:http` through `createServerAdapter`, the
 * way graphql-yoga serves itself. Handlers get the Node request as `context.req`.
 */
export function serveOnNode(handle: FetchHandler & { allow?: (pathname: string) => string }): NodeServer {
  const inFlight = new Set<Promise<unknown>>();
  let closing = false;
  const adapter = createServerAdapter<ServerContext>((request, context) => {
    const answer = Promise.resolve(handle(request, context)).then((response) => onTheWire(response, closing));
    const settled: Promise<unknown> = answer.catch(() => undefined).finally(() => inFlight.delete(settled));
    inFlight.add(settled);
    return answer;
  });
  const server = createServer((req, res) => {
    if (!UNREPRESENTABLE_METHODS.has(req.method ?? '')) return void adapter(req, res);
    const pathname = new URL(req.url ?? '/', 'http://server').pathname;
    res.writeHead(405, { allow: handle.allow?.(pathname) ?? 'GET, HEAD, POST', 'content-length': '0' });
    res.end();
  });
  return {
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      }),
    async close(graceMs) {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), graceMs);
      force.unref();
      await closed;
      await Promise.allSettled([...inFlight]);
      clearTimeout(force);
      await adapter.dispose();
    },
  };
}
