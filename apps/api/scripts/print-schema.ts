import { writeFileSync } from 'node:fs';
import { printSchemaFile } from '../src/print-schema.ts';

writeFileSync(new URL('../schema.graphql', import.meta.url), printSchemaFile());
console.log('apps/api/schema.graphql written');
