import { defineConfig } from 'astro/config';
import { fetchHandlerAdapter } from './src/adapter/integration.ts';

export default defineConfig({
  output: 'server',
  base: '/staff',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  compressHTML: true,
  devToolbar: { enabled: false },
  prefetch: false,
  // Forms are checked by the console's own CSRF token; Astro's origin check stays on as well.
  security: { checkOrigin: true },
  outDir: process.env.CONSOLE_OUT_DIR ?? './dist/dev',
  adapter: fetchHandlerAdapter(),
});
