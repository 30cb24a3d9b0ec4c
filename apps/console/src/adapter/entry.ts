import { createApp } from 'astro/app/entrypoint';

const app = createApp({ streaming: false });

/** Renders one console request; `locals` carries what the host gives every page (the API). */
export function render(request: Request, locals: Pick<App.Locals, 'host'>): Promise<Response> {
  return app.render(request, { locals, addCookieHeader: true });
}
