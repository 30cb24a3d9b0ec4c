/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { getViteConfig } from 'astro/config';

/**
 * Tests that render the portal's views with Astro's container (no API, no build): Astro's
 * own Vite set-up compiles the .astro files. A project of the root vitest.config.ts.
 */
export default getViteConfig(
  { test: { name: 'portal-render', include: ['test/**/*.test.ts'] } },
  { root: fileURLToPath(new URL('.', import.meta.url)), logLevel: 'warn' },
);
