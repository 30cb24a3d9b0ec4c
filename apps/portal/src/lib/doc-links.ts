import { posix } from 'node:path';

/**
 * The repository's documents the portal publishes as pages (`src/pages/open-data/api/`),
 * by path from the repository root → the page's path (Chinese; English adds `/en`).
 */
export const DOC_PAGES: Readonly<Record<string, string>> = {
  'docs/partners.md': '/open-data/api/',
  'docs/errors.md': '/open-data/api/errors/',
  'docs/content-rules.md': '/open-data/api/content-rules/',
  'apps/api/CHANGELOG.md': '/open-data/api/changelog/',
};

/** Repository files the portal publishes as downloads (the same bytes), language-neutral. */
export const DOC_FILES: Readonly<Record<string, string>> = {
  'apps/api/schema.graphql': '/open-data/api/schema.graphql',
  'apps/api/schema.released.graphql': '/open-data/api/schema.released.graphql',
};

export class DocLinkError extends Error {}

/**
 * Where a link in the published document `source` (a path from the repository root, e.g.
 * `docs/errors.md`) points on the portal. Links between the documents become relative
 * (`errors/`, `../#registered-operations`), so they work the same under `/` and `/en/`;
 * downloads are absolute. Fragments, `mailto:` and `tel:` stay as they are. Anything else —
 * a relative link to a file the portal does not publish, or a link to another host —
 * throws a {@link DocLinkError}: the portal is self-contained and its docs must not rot.
 */
export function portalDocLink(url: string, source: string): string {
  const from = DOC_PAGES[source];
  if (!from) throw new DocLinkError(`${source} is not a published document (see DOC_PAGES in apps/portal/src/lib/doc-links.ts)`);
  if (url === '' || url.startsWith('#') || /^(mailto|tel):/i.test(url)) return url;
  if (/^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('//')) {
    throw new DocLinkError(`${source}: the link "${url}" leads to another site; the portal runs on intranets and links only to itself. Describe the place in words instead.`);
  }
  const hashAt = url.indexOf('#');
  const path = hashAt === -1 ? url : url.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : url.slice(hashAt);
  if (path.includes('?')) throw new DocLinkError(`${source}: the link "${url}" has a query string, which the static portal cannot serve.`);
  const target = path.startsWith('/') ? posix.normalize(path.slice(1)) : posix.join(posix.dirname(source), decodeURI(path));
  const page = DOC_PAGES[target];
  if (page) {
    const relative = posix.relative(from, page);
    return `${relative === '' ? './' : `${relative}/`}${fragment}`;
  }
  const file = DOC_FILES[target];
  if (file) {
    if (fragment) throw new DocLinkError(`${source}: the link "${url}" points into a download; drop "${fragment}".`);
    return file;
  }
  throw new DocLinkError(
    `${source}: the link "${url}" (${target}) would break on the portal, which publishes only ${[...Object.keys(DOC_PAGES), ...Object.keys(DOC_FILES)].join(', ')}. ` +
      'Link to one of those, or publish the target too (apps/portal/src/lib/doc-links.ts).',
  );
}

interface UrlNode {
  url: string;
}
interface DocPluginContext {
  fileURL: URL | undefined;
  setProperty(node: unknown, key: 'url', value: string): void;
  replaceNode(node: unknown, nodes: unknown[]): void;
}

/**
 * The Markdown plugin that publishes the docs: every link (inline or by definition) is
 * rewritten by {@link portalDocLink}, and tables and code blocks are wrapped in the site's
 * keyboard-scrollable `.scroll.wide` box so they do not widen a phone's page; each names the
 * page's note on scrolling (`#doc-scroll-note`, written by the page) and keeps its first column in view. It applies to the
 * documents in {@link DOC_PAGES} only; `repoRoot` is the repository root as a file URL
 * (ending in `/`). Astro 7's Markdown processor (Sätteri) calls it with each mdast node.
 */
/** The id of the note on a document page that says wide tables and code scroll sideways. */
export const DOC_SCROLL_NOTE_ID = 'doc-scroll-note';

export function docLinksPlugin(repoRoot: URL) {
  const sourceOf = (ctx: DocPluginContext): string | undefined => {
    const href = ctx.fileURL?.href;
    if (!href?.startsWith(repoRoot.href)) return undefined;
    const source = decodeURIComponent(href.slice(repoRoot.href.length));
    return source in DOC_PAGES ? source : undefined;
  };
  const rewrite = (node: UrlNode, ctx: DocPluginContext) => {
    const source = sourceOf(ctx);
    if (!source) return;
    const url = portalDocLink(node.url, source);
    if (url !== node.url) ctx.setProperty(node, 'url', url);
  };
  const wrap = (node: unknown, ctx: DocPluginContext) => {
    if (!sourceOf(ctx)) return;
    ctx.replaceNode(node, [{ type: 'html', value: `<div class="scroll wide" tabindex="0" aria-describedby="${DOC_SCROLL_NOTE_ID}">` }, node, { type: 'html', value: '</div>' }]);
  };
  return {
    name: 'openstation-doc-links',
    link: rewrite,
    definition: rewrite,
    table: wrap,
    code: wrap,
  };
}
