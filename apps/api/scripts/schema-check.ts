import { readFileSync } from 'node:fs';
import { checkSchemaPolicy, formatSchemaPolicyReport } from '../src/schema-policy.ts';

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');

const result = await checkSchemaPolicy({
  releasedSdl: read('schema.released.graphql'),
  currentSdl: read('schema.graphql'),
  changelog: read('CHANGELOG.md'),
});
console.log(formatSchemaPolicyReport(result));
process.exitCode = result.ok ? 0 : 1;
