import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printSchemaFile } from '../src/print-schema.ts';

describe('schema.graphql', () => {
  it('is the printed, sorted schema (run `pnpm --filter @openstation/api schema:print` after a change)', () => {
    const committed = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(printSchemaFile());
  });
});
