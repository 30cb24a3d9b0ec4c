import type { ConsoleEntry } from '@openstation/site/console-host';
import { createApp } from 'astro/app/entrypoint';

const app = createApp({ streaming: false });

/** Renders one console request; `locals` carries what the host gives every page (the API). */
export const render: ConsoleEntry['render'] = (request, locals) => app.render(request, { locals, addCookieHeader: true });
