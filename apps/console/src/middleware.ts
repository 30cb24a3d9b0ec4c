import { defineMiddleware } from 'astro:middleware';
import { consolePath, parseConsolePath } from './i18n/index.ts';
import { apiClient } from './lib/api.ts';
import { ME, LOGOUT } from './lib/queries.ts';
import { anonymousSession, CSRF_FIELD, csrfMatches, isIdle, readSession, writeSession } from './lib/session.ts';

/** Pages open without a session: signing in, and the page saying a form was refused. */
const PUBLIC_PAGES = new Set(['sign-in/', 'refused/']);
const REFUSED_ROUTE = '/[...lang]/refused';

/** Why the sign-in page is shown instead of the page asked for (`?why=`). */
export type SignInReason = 'idle' | 'ended' | 'signed-out';

/**
 * Every console request: reads the sealed session cookie, ends a session left idle, sends
 * anyone not signed in to the sign-in page, refuses a POST whose CSRF token is not the
 * session's, loads who is signed in, and writes the cookie back with the time of this visit.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const { host } = context.locals;
  const { lang, page } = parseConsolePath(context.url.pathname);
  // One route file serves both languages: `[...lang]` is empty (Chinese) or `en`.
  if (context.params.lang !== undefined && context.params.lang !== 'en') return new Response('Not found', { status: 404 });
  context.locals.lang = lang;
  context.locals.staff = null;
  const secure = context.url.protocol === 'https:';
  const now = Date.now();
  const signIn = (why?: SignInReason) => context.redirect(`${consolePath(lang, 'sign-in/')}${why ? `?why=${why}` : ''}`, 303);

  let session = (await readSession(context.cookies, host.secret)) ?? anonymousSession(now);
  let ended: SignInReason | null = null;
  if (isIdle(session, host.idleMs, now) && session.token) {
    await apiClient(host, session.token).mutation(LOGOUT, {});
    session = anonymousSession(now);
    ended = 'idle';
  }

  // A refused POST is rewritten to the refusal page, and this runs again for it: let it through.
  const refusal = context.routePattern === REFUSED_ROUTE;
  if (context.request.method === 'POST' && !refusal) {
    const form = await context.request.clone().formData().catch(() => null);
    if (!csrfMatches(session, form?.get(CSRF_FIELD))) {
      await writeSession(context.cookies, session, host.secret, secure);
      context.locals.session = session;
      return next(new Request(new URL(consolePath(lang, 'refused/'), context.url), { headers: context.request.headers }));
    }
  }

  if (session.token) {
    const me = await apiClient(host, session.token).query(ME, {});
    if (me.ok) context.locals.staff = me.data.me;
    else {
      session = anonymousSession(now);
      ended = 'ended';
    }
  }

  context.locals.session = { ...session, seen: now };
  if (!context.locals.staff && !PUBLIC_PAGES.has(page) && !refusal) {
    await writeSession(context.cookies, context.locals.session, host.secret, secure);
    return signIn(ended ?? undefined);
  }
  const response = await next();
  await writeSession(context.cookies, context.locals.session, host.secret, secure);
  response.headers.set('cache-control', 'no-store');
  return response;
});
