import { readFileSync } from 'node:fs';

/** The documents that list the API's answers: errors.md (everything) and content-rules.md (the content rules and warnings). */
export const ERROR_DOCS = ['docs/errors.md', 'docs/content-rules.md'] as const;

const root = new URL('../../', import.meta.url);

/** Every code in the first column of a table in {@link ERROR_DOCS}. */
export function documentedCodes(): Set<string> {
  const text = ERROR_DOCS.map((doc) => readFileSync(new URL(doc, root), 'utf8')).join('\n');
  return new Set([...text.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1] as string));
}
