import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { OperatorCallError } from '../src/operator/connection.ts';
import { UsageError, usageExit, withConnection } from './tool.ts';

const usage = `Registers GraphQL operations (one named operation per file) that API keys may run by hash,
and prints "<sha256 hash>  <operation name>" for each.
  pnpm register-operation [--client os_<prefix>] file.graphql ...
--client: the key prefix of the one client that may run them (see apiClients); without it, every client.
All files are registered or none. Talks to the running server if there is one, else opens DATABASE_URL.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { client: { type: 'string' }, help: { type: 'boolean' } },
});
if (values.help || positionals.length === 0) usageExit(usage, values.help);
const documents = positionals.map((file) => ({ file, document: readFileSync(file, 'utf8') }));

interface Problem {
  message: string;
  line?: number;
  column?: number;
}

/** The API's refusal of one document, with the file and each problem's place in it. */
function explain(error: OperatorCallError): Error {
  const { extensions = {} } = error.errors[0] ?? {};
  const file = documents[Number(extensions['index'])]?.file;
  if (extensions.code !== 'OPERATION_DOCUMENT_INVALID' || !file) return error;
  const problems = (extensions['problems'] as Problem[] | undefined) ?? [];
  const detail = problems.map((p) => `\n  ${file}${p.line ? `:${p.line}:${p.column}` : ''}: ${p.message}`).join('');
  return new Error(`${file}: ${error.message}${detail}`);
}

await withConnection('Nothing was registered', async (connection) => {
  let apiClientId: string | null = null;
  if (values.client) {
    const prefix = values.client.trim().slice(0, 'os_'.length + 12);
    const { apiClients } = await connection.graphql<{ apiClients: { id: string; keyPrefix: string }[] }>('{ apiClients { id keyPrefix } }');
    apiClientId = apiClients.find((c) => c.keyPrefix === prefix)?.id ?? null;
    if (!apiClientId) throw new UsageError(`No API client has the key prefix "${prefix}".`);
  }
  const { registerTrustedOperations } = await connection
    .graphql<{ registerTrustedOperations: { sha256Hash: string; operationName: string }[] }>(
      'mutation ($documents: [String!]!, $client: ID) { registerTrustedOperations(documents: $documents, apiClientId: $client) { sha256Hash operationName } }',
      { documents: documents.map((d) => d.document), client: apiClientId },
    )
    .catch((error: unknown) => {
      throw error instanceof OperatorCallError ? explain(error) : error;
    });
  for (const { sha256Hash, operationName } of registerTrustedOperations) console.log(`${sha256Hash}  ${operationName}`);
  console.error(`Registered ${registerTrustedOperations.length} operation(s) for ${values.client ? `the client ${values.client}` : 'every client'}.`);
});
