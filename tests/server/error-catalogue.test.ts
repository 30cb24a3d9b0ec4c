import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/** Every `.ts` file under a directory. */
async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => join(e.parentPath, e.name));
}

/** The codes in the first column of docs/errors.md's tables. */
async function documentedCodes(): Promise<Set<string>> {
  const text = await readFile(join(root, 'docs', 'errors.md'), 'utf8');
  return new Set([...text.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1] as string));
}

/** Codes graphql-yoga itself gives (a document that does not parse, no operation to run). */
const YOGA_CODES = ['GRAPHQL_PARSE_FAILED', 'OPERATION_RESOLUTION_FAILURE'];

describe('the error catalogue (docs/errors.md)', () => {
  it('documents every code the API raises', async () => {
    const documented = await documentedCodes();
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
    const stale = [...(await documentedCodes())].filter((code) => !YOGA_CODES.includes(code) && !text.includes(`'${code}'`));
    expect(stale).toEqual([]);
  });
});
