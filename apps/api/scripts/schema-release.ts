import { readFileSync, writeFileSync } from 'node:fs';
import { releaseChangelog } from '../src/schema-policy.ts';

const version = process.argv[2] ?? '';
const date = new Date().toISOString().slice(0, 10);
const file = (name: string) => new URL(`../${name}`, import.meta.url);

try {
  const changelog = releaseChangelog(readFileSync(file('CHANGELOG.md'), 'utf8'), version, date);
  const schema = readFileSync(file('schema.graphql'), 'utf8');
  writeFileSync(file('schema.released.graphql'), `# OpenStation GraphQL API ${version}, released ${date}. Written by \`pnpm schema:release\`; do not edit.\n\n${schema}`);
  writeFileSync(file('CHANGELOG.md'), changelog);
  console.log(`Released schema ${version}: apps/api/schema.released.graphql and apps/api/CHANGELOG.md updated.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  console.error('Usage: pnpm schema:release <version>, e.g. pnpm schema:release 1.1.0');
  process.exitCode = 1;
}
