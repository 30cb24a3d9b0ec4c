/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Given by the host for every request: the GraphQL API and the console's settings. */
    host: import('@openstation/site/console-host').ConsoleHost;
    /** Set by the middleware: the page's language and, once signed in, who is signed in. */
    lang: import('./i18n/index.ts').Lang;
    session: import('./lib/session.ts').SessionData;
    staff: import('./lib/queries.ts').Me | null;
  }
}
