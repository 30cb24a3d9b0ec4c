import type { PrismaClient } from '@openstation/db';
import type { Plugin } from 'graphql-yoga';
import type { ServerContext } from '../operator/loopback.ts';
import { type OperatorAccess, type Principal, principalFromRequest } from './principal.ts';

/** Resolves each request's caller once, for the hooks that run before the context exists. */
export interface Callers {
  /** The request's caller, looked up on first use and shared by every later use. */
  of(request: Request, serverContext?: ServerContext): Promise<Principal>;
  /** The caller if already resolved (every GraphQL request is, by the time it is parsed). */
  known(request: Request): Principal | undefined;
  /** Resolves the caller as soon as the request's parameters are read, before parsing. */
  plugin: Plugin;
}

/** `operator`: the running server's operator channel, if it has one. */
export function createCallers(prisma: PrismaClient, operator?: OperatorAccess): Callers {
  const pending = new WeakMap<Request, Promise<Principal>>();
  const resolved = new WeakMap<Request, Principal>();
  const of = (request: Request, serverContext?: ServerContext): Promise<Principal> => {
    let principal = pending.get(request);
    if (!principal) {
      principal = principalFromRequest(prisma, request, new Date(), operator, serverContext).then((p) => {
        resolved.set(request, p);
        return p;
      });
      pending.set(request, principal);
    }
    return principal;
  };
  return {
    of,
    known: (request) => resolved.get(request),
    plugin: {
      async onParams({ request, context }) {
        await of(request, context as ServerContext);
      },
    },
  };
}
