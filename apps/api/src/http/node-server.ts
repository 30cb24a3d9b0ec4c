import { createServer, STATUS_CODES, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServerAdapter } from '@whatwg-node/server';
import type { FetchHandler, NodeListener, ServerContext } from './context.ts';

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
 * The response as it goes on the wire, whoever writes it (the adapter below, or a route's own
 * Node listener): with the standard reason phrase (`200 OK`) when the `Response` had none
 * (Node writes the phrase it is given, even an empty one), and with `Connection: close` once
 * the server is closing, so that keep-alive connections end with it.
 */
function onTheWire(closing: () => boolean): ServerResponse['writeHead'] {
  const writeHead = ServerResponse.prototype.writeHead as (...args: unknown[]) => ServerResponse;
  return function (this: ServerResponse, status: number, ...rest: unknown[]) {
    if (closing()) this.setHeader('connection', 'close');
    if (typeof rest[0] === 'string' && rest[0] === '') rest[0] = STATUS_CODES[status] ?? '';
    return writeHead.call(this, status, ...rest);
  } as ServerResponse['writeHead'];
}

/**
 * Methods Node passes on that the Fetch API cannot represent (`new Request` throws): answered
 * 405 before a `Request` is made. (Node answers CONNECT and unknown methods such as TRACK itself.)
 */
const UNREPRESENTABLE_METHODS = new Set(['TRACE']);

/** The path of a request target (`/graphql?x=1` → `/graphql`), without parsing a URL. */
function pathOf(target: string | undefined): string {
  const path = target ?? '/';
  const query = path.indexOf('?');
  return query === -1 ? path : path.slice(0, query);
}

/**
 * The server's one Node adapter: `handle` on `node:http` through `createServerAdapter`, the
 * way graphql-yoga serves itself. Handlers get the Node request as `context.req`. A route
 * with a Node listener of its own (`nodeRoute`: the GraphQL API) is handed Node's request
 * directly instead.
 */
export function serveOnNode(handle: FetchHandler & { allow?: (pathname: string) => string; nodeRoute?: (pathname: string) => NodeListener | undefined }): NodeServer {
  const inFlight = new Set<Promise<unknown>>();
  let closing = false;
  const track = (work: Promise<unknown>) => {
    const settled: Promise<unknown> = work.catch(() => undefined).finally(() => inFlight.delete(settled));
    inFlight.add(settled);
  };
  // One function for every response of this server, put in place of its writeHead.
  const writeHead = onTheWire(() => closing);
  const adapter = createServerAdapter<ServerContext>((request, context) => {
    const answer = Promise.resolve(handle(request, context));
    track(answer);
    return answer;
  });
  const server = createServer((req, res) => {
    if (UNREPRESENTABLE_METHODS.has(req.method ?? '')) {
      const pathname = new URL(req.url ?? '/', 'http://server').pathname;
      res.writeHead(405, { allow: handle.allow?.(pathname) ?? 'GET, HEAD, POST', 'content-length': '0' });
      res.end();
      return;
    }
    res.writeHead = writeHead;
    const own = handle.nodeRoute?.(pathOf(req.url));
    if (own) track(Promise.resolve(own(req, res)));
    else void adapter(req, res);
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
