import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { defineConfig } from 'astro/config';
import { docLinksPlugin } from './src/lib/doc-links.ts';
import { keptSitemapPages } from './src/lib/kept-sitemap-pages.ts';

/** The public address the portal is served from: canonical URLs, feeds and the sitemap use it. */
const site = process.env.PORTAL_SITE ?? 'http://localhost:4000';

/**
 * Publishes the repository's partner docs (docs/partners.md …): adds the link-rewriting
 * Markdown plugin to Astro's Markdown processor (Sätteri, whose plugins run on the mdast).
 */
function docLinks(): AstroIntegration {
  return {
    name: 'openstation-doc-links',
    hooks: {
      'astro:config:setup': ({ config }) => {
        const processor = config.markdown.processor as { name: string; options: { mdastPlugins?: unknown[] } };
        if (processor.name !== 'satteri' || !processor.options.mdastPlugins) {
          throw new Error(`The partner docs need Astro's Sätteri Markdown processor; markdown.processor is "${processor.name}".`);
        }
        processor.options.mdastPlugins.push(docLinksPlugin(new URL('../../', import.meta.url)));
      },
    },
  };
}

export default defineConfig({
  site,
  outDir: process.env.PORTAL_OUT_DIR ?? './dist',
  // Holds the content data store between builds: the API's publisher keeps one per site, so
  // an incremental build fetches only the changed stations' data (src/data/incremental.ts).
  cacheDir: process.env.PORTAL_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: true,
  devToolbar: { enabled: false },
  prefetch: false,
  // Code in the docs is shown plain: no inline colours to keep readable and light.
  markdown: { syntaxHighlight: false },
  integrations: [
    docLinks(),
    sitemap({
      i18n: { defaultLocale: 'zh', locales: { zh: 'zh-CN', en: 'en' } },
      customPages: keptSitemapPages(),
    }),
  ],
});
