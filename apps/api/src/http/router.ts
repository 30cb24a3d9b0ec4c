import type { FetchHandler, NodeListener, ServerContext } from './context.ts';

// A route table, not a router library: the server has a handful of fixed paths (no
// parameters), one prefix mount per embedded app and the portal's files for everything else.
// Libraries (hono, itty-router) would replace the Node adapter's server context, which Yoga
// and the form routes read the client's address from, with their own context object, and
// hono's mount strips the prefix that the staff console's own routes expect to see.

/** One fixed path. */
export interface Route {
  /** The path, matched exactly; the same path with one trailing slash matches too. */
  path: string;
  /**
   * The methods it answers (GET implies HEAD); any other answers 405 with `Allow`. Omitted,
   * every method reaches the handler (Yoga answers its own 405s and CORS preflights).
   */
  methods?: readonly string[];
  handle: FetchHandler;
  /**
   * Over HTTP, the route served by this instead of `handle` (only for a route without
   * `methods`): the GraphQL API as its own Node adapter, so that a request is not turned into a
   * `Request` and back twice (once for the router, once for Yoga), which was a third of the
   * server's fixed CPU per GraphQL request. `handle` still serves in-process calls.
   */
  node?: NodeListener;
}

/**
 * An app served under a path prefix, e.g. the staff console at `/staff/`: every path under
 * the prefix reaches `handle` with the full, unchanged URL; the prefix without its trailing
 * slash redirects (308) to it.
 */
export interface Mount {
  prefix: `/${string}/`;
  handle: FetchHandler;
}

export interface RouterOptions {
  routes: readonly Route[];
  mounts?: readonly Mount[];
  /** Every other path (the built portal). */
  fallback: FetchHandler;
  /** Told of an error a handler threw; the client gets a bare 500. */
  onError?: (request: Request, error: unknown) => void;
}

/** A router: the fetch handler, and the methods each path answers (for requests that never become a `Request`). */
export type RouterHandler = FetchHandler & {
  /** The `Allow` header for `pathname`: a route's methods, else what mounts and the portal answer. */
  allow(pathname: string): string;
  /** The route's {@link Route.node} listener for `pathname`, if it has one. */
  nodeRoute(pathname: string): NodeListener | undefined;
};

/** What a route without `methods` (Yoga) and a mount (the console's forms) answer. */
const ANY_APP_METHODS = 'GET, HEAD, POST, OPTIONS';
/** What the portal's files answer. */
const FILE_METHODS = 'GET, HEAD';

/** The `Allow` header of a route that takes `methods`. */
function allowHeader(methods: readonly string[]): string {
  return [...new Set(methods.flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m])))].join(', ');
}

/** A HEAD request's answer: the same status and headers, no body. */
async function withoutBody(response: Response): Promise<Response> {
  await response.body?.cancel();
  return new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/**
 * The one router of the HTTP server: a fetch handler that picks a {@link Route} by exact path,
 * else a {@link Mount} by prefix, else `fallback`, and passes the request and the server
 * context on unchanged.
 */
export function createRouter({ routes, mounts = [], fallback, onError }: RouterOptions): RouterHandler {
  const byPath = new Map<string, Route>();
  for (const route of routes) {
    if (route.node && route.methods) throw new Error(`${route.path}: a route served by its own Node listener answers its own methods.`);
    byPath.set(route.path, route);
    if (route.path !== '/') byPath.set(`${route.path}/`, route);
  }

  function pick(request: Request, url: URL): FetchHandler {
    const route = byPath.get(url.pathname);
    if (route) {
      const { methods, handle } = route;
      if (!methods) return handle;
      const head = request.method === 'HEAD' && methods.includes('GET');
      if (!head && !methods.includes(request.method)) {
        return () => new Response(null, { status: 405, headers: { allow: allowHeader(methods) } });
      }
      return head ? async (r, c) => withoutBody(await handle(r, c)) : handle;
    }
    for (const mount of mounts) {
      if (url.pathname.startsWith(mount.prefix)) return mount.handle;
      if (url.pathname === mount.prefix.slice(0, -1)) {
        return () => new Response(null, { status: 308, headers: { location: `${mount.prefix}${url.search}` } });
      }
    }
    return fallback;
  }

  const handler = async (request: Request, context: ServerContext): Promise<Response> => {
    try {
      return await pick(request, new URL(request.url))(request, context);
    } catch (error) {
      onError?.(request, error);
      return new Response('Internal server error', { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    }
  };
  const allow = (pathname: string): string => {
    const route = byPath.get(pathname);
    if (route) return route.methods ? allowHeader(route.methods) : ANY_APP_METHODS;
    return mounts.some((m) => pathname.startsWith(m.prefix)) ? ANY_APP_METHODS : FILE_METHODS;
  };
  const nodeRoute = (pathname: string): NodeListener | undefined => byPath.get(pathname)?.node;
  return Object.assign(handler, { allow, nodeRoute });
}
