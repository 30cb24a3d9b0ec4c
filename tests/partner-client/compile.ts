import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codegen } from '@graphql-codegen/core';
import * as operationsPlugin from '@graphql-codegen/typescript-operations';
import { parse } from 'graphql';

const require = createRequire(import.meta.url);
const fixture = fileURLToPath(new URL('./', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The fixture's operation sets: `released` uses the released contract, `current` what was added since. */
export type OperationSet = 'released' | 'current';

export interface CompileResult {
  ok: boolean;
  output: string;
  /** What the compiler wrote (generated file names, or the generated TypeScript). */
  generated: string[];
}

/**
 * The `graphql` template literals of the fixture's files. Relay reads them from the files
 * itself; GraphQL Code Generator gets them here. A regex is enough (no @graphql-tools pluck):
 * the fixture's templates never interpolate.
 */
export function operationDocuments(sets: readonly OperationSet[]): { location: string; text: string }[] {
  return sets.flatMap((set) =>
    readdirSync(join(fixture, set))
      .filter((file) => file.endsWith('.ts'))
      .sort()
      .flatMap((file) =>
        [...readFileSync(join(fixture, set, file), 'utf8').matchAll(/graphql`([^`]*)`/g)].map((m) => ({ location: `${set}/${file}`, text: m[1] ?? '' })),
      ),
  );
}

function workDir(prefix: string, sets: readonly OperationSet[], schemaSdl: string): string {
  const dir = mkdtempSync(join(tmpdir(), `partner-client-${prefix}-`));
  cpSync(join(fixture, 'graphql-tag.ts'), join(dir, 'graphql-tag.ts'));
  for (const set of sets) cpSync(join(fixture, set), join(dir, set), { recursive: true });
  writeFileSync(join(dir, 'schema.graphql'), schemaSdl);
  return dir;
}

/** Compiles the sets with relay-compiler (its prebuilt binary from npm: no download, no network). */
export function compileWithRelay(schemaSdl: string, sets: readonly OperationSet[], extra: Record<string, string> = {}): CompileResult {
  const binary = require('relay-compiler') as string | null;
  if (!binary) throw new Error('relay-compiler ships no binary for this platform');
  const dir = workDir('relay', sets, schemaSdl);
  for (const [file, text] of Object.entries(extra)) {
    mkdirSync(join(dir, 'extra'), { recursive: true });
    writeFileSync(join(dir, 'extra', file), text);
  }
  writeFileSync(join(dir, 'relay.config.json'), JSON.stringify({ src: '.', schema: './schema.graphql', language: 'typescript', excludes: ['**/__generated__/**'] }));
  const run = spawnSync(binary, ['relay.config.json'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  const generated = sets.concat(Object.keys(extra).length ? ['extra' as OperationSet] : []).flatMap((set) => {
    try {
      return readdirSync(join(dir, set, '__generated__'));
    } catch {
      return [];
    }
  });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`, generated };
}

/**
 * Generates TypeScript types for the sets with GraphQL Code Generator (typescript-operations,
 * which writes the enums and inputs the operations use) and type-checks them, and the fixture's `usage-<set>.ts` that reads
 * the results, with `tsc --strict`.
 */
export async function compileWithCodegen(schemaSdl: string, sets: readonly OperationSet[]): Promise<CompileResult> {
  const dir = workDir('codegen', sets, schemaSdl);
  let types: string;
  try {
    types = await codegen({
      schema: parse(schemaSdl),
      schemaAst: undefined,
      documents: operationDocuments(sets).map(({ location, text }) => ({ location, document: parse(text) })),
      filename: 'operations.ts',
      config: { strictScalars: true, scalars: { Date: 'string', DateTime: 'string', File: 'never' }, enumsAsTypes: true, avoidOptionals: true, dedupeOperationSuffix: true },
      plugins: [{ 'typescript-operations': {} }],
      pluginMap: { 'typescript-operations': operationsPlugin },
    });
  } catch (error) {
    return { ok: false, output: String(error instanceof Error ? `${error.message}\n${JSON.stringify((error as { errors?: unknown }).errors ?? '')}` : error), generated: [] };
  }
  writeFileSync(join(dir, 'operations.ts'), types);
  const usages = sets.map((set) => `usage-${set}.ts`);
  for (const usage of usages) cpSync(join(fixture, usage), join(dir, usage));
  const tsc = join(repoRoot, 'node_modules/.bin/tsc');
  const args = ['--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--allowImportingTsExtensions', '--skipLibCheck', '--types', 'node', '--typeRoots', join(repoRoot, 'node_modules/@types'), 'operations.ts', ...usages];
  const run = spawnSync(tsc, args, { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`, generated: [types] };
}
