import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';

/** The public address the portal is served from: canonical URLs, feeds and the sitemap use it. */
const site = process.env.PORTAL_SITE ?? 'http://localhost:4000';

export default defineConfig({
  site,
  outDir: process.env.PORTAL_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: true,
  devToolbar: { enabled: false },
  prefetch: false,
  integrations: [
    sitemap({
      i18n: { defaultLocale: 'zh', locales: { zh: 'zh-CN', en: 'en' } },
    }),
  ],
});
