import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';

// No native schema engine can be downloaded here or on an air-gapped intranet:
// the CLI drives Prisma's own engine compiled to WASM through this executable.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(
  new URL('./packages/db/bin/schema-engine', import.meta.url),
);

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'pglite:data/pglite' },
});
