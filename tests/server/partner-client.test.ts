import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileWithCodegen, compileWithRelay, operationDocuments } from '../partner-client/compile.ts';

/**
 * The partner-client fixture (tests/partner-client): named operations for a partner agency's
 * tasks, compiled as partners compile them. `released/` must compile against the released
 * contract and the current schema (nothing a partner wrote was broken unannounced);
 * `current/` uses what was added since and compiles against the current schema.
 */
const schemaFile = (name: string) => readFileSync(new URL(`../../apps/api/${name}`, import.meta.url), 'utf8');
const released = schemaFile('schema.released.graphql');
const current = schemaFile('schema.graphql');

describe('the partner-client fixture', () => {
  it('has a named operation for each of the twelve tasks, each in its own file', () => {
    const docs = operationDocuments(['released', 'current']);
    const operations = docs.map((d) => /^\s*(query|mutation)\s+(\w+)/.exec(d.text)?.[2]).filter(Boolean);
    expect(operations.length).toBeGreaterThanOrEqual(12);
    expect(new Set(operations).size).toBe(operations.length);
  });

  it('compiles with relay-compiler: released operations against both schemas, new ones against the current schema', () => {
    for (const [schema, sets] of [[released, ['released']], [current, ['released', 'current']]] as const) {
      const result = compileWithRelay(schema, sets);
      expect(result.output).toContain('Compilation completed');
      expect(result.ok).toBe(true);
      expect(result.generated.length).toBe(operationDocuments(sets).length);
    }
  });

  it('relay-compiler refuses what the contract fixed: one field name with two types across Node types', () => {
    const ambiguous = 'import { graphql } from "../graphql-tag.ts";\nexport const q = graphql`query AmbiguousQuery($id: ID!) { node(id: $id) { ... on Station { dutyPhone } ... on Officer { dutyPhone } } }`;\n';
    const result = compileWithRelay(current, [], { 'Ambiguous.ts': ambiguous });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/dutyPhone/);
  });

  it('compiles with GraphQL Code Generator and tsc --strict: released operations against both schemas, new ones against the current schema', async () => {
    for (const [schema, sets] of [[released, ['released']], [current, ['released', 'current']]] as const) {
      const result = await compileWithCodegen(schema, sets);
      expect(result.output).toBe('');
      expect(result.ok).toBe(true);
      expect(result.generated[0]).toContain('export type StationBySlugQuery');
    }
  });

  it('the new operations do not compile against the released schema (so the split above means something)', async () => {
    const result = await compileWithCodegen(released, ['current']);
    expect(result.ok).toBe(false);
  });
});
