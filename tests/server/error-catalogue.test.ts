import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentedCodes } from '../support/error-docs.ts';

const root = join(import.meta.dirname, '..', '..');

/** Every `.ts` file under a directory. */
async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => join(e.parentPath, e.name));
}


/** Codes graphql-yoga itself gives (a document that does not parse, no operation to run). */
const YOGA_CODES = ['GRAPHQL_PARSE_FAILED', 'OPERATION_RESOLUTION_FAILURE'];

describe('the error catalogue (docs/errors.md, docs/content-rules.md)', () => {
  it('documents every code the API raises', async () => {
    const documented = documentedCodes();
    const raised = new Set<string>();
    for (const file of await sources(join(root, 'apps', 'api', 'src'))) {
      const text = await readFile(file, 'utf8');
      for (const m of text.matchAll(/(?:ClientError|RuleError)\(\s*'([A-Z_]+)'|\bcode: '([A-Z_]+)'/g)) raised.add((m[1] ?? m[2]) as string);
    }
    expect(raised.size).toBeGreaterThan(15);
    expect([...raised].filter((code) => !documented.has(code))).toEqual([]);
  });

  it('lists no code that nothing raises (Yoga\'s own codes aside)', async () => {
    const files = await sources(join(root, 'apps', 'api', 'src'));
    const text = (await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('\n');
    const stale = [...documentedCodes()].filter((code) => !YOGA_CODES.includes(code) && !text.includes(`'${code}'`));
    expect(stale).toEqual([]);
  });
});
