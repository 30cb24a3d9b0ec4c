import { defineConfig } from 'vitest/config';

const postgresUrl = process.env.TEST_DATABASE_URL;

/** API and end-to-end tests run once per engine: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
const engines = postgresUrl ? (['pglite', 'postgres'] as const) : (['pglite'] as const);

// graphql 17 ships a separate development build; resolve it the way Node does, or source
// files and dependencies would each load their own copy of graphql.
const conditions = ['module', 'node'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'db',
          include: ['packages/db/test/**/*.test.ts'],
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'stats',
          include: ['packages/stats/test/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'portal',
          include: ['tests/portal/**/*.test.ts'],
          globalSetup: ['./tests/portal/global-setup.ts'],
          testTimeout: 60_000,
        },
      },
      // Renders the portal's views with Astro's container: its own config (Astro's Vite set-up).
      'apps/portal/vitest.config.ts',
      {
        extends: true,
        test: {
          name: 'console',
          include: ['tests/console/**/*.test.ts'],
          globalSetup: ['./tests/support/global-database.ts', './tests/console/global-setup.ts'],
          env: { OPENSTATION_TEST_ENGINE: 'pglite' },
          // Browser flows walk many pages (each rendered through the API): a hang guard, not a speed check.
          testTimeout: 300_000,
        },
      },
      ...engines.map((engine) => ({
        extends: true,
        test: {
          name: `api:${engine}`,
          include: ['apps/api/test/**/*.test.ts', 'tests/api/**/*.test.ts'],
          globalSetup: ['./tests/support/global-database.ts'],
          env: { OPENSTATION_TEST_ENGINE: engine },
        },
      })),
    ],
  },
});
