import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase, Prisma } from '@openstation/db';
import { ClientError } from '../src/errors.ts';
import { schema } from '../src/schema/index.ts';
import { registerTrustedOperation } from '../src/trusted/operations.ts';

const usage = `Registers GraphQL operations (one named operation per file) that API keys may run by hash,
and prints "<sha256 hash>  <operation name>" for each.
  pnpm --filter @openstation/api register-operation [--client os_<prefix>] file.graphql ...
--client: the key prefix of the one client that may run them (see apiClients); without it, every client.
All files are registered or none. Uses DATABASE_URL (default: the embedded database in ./data).`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { client: { type: 'string' }, help: { type: 'boolean' } },
});
if (values.help || positionals.length === 0) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}
const documents = positionals.map((file) => ({ file, document: readFileSync(file, 'utf8') }));
const db = await openDatabase(process.env.DATABASE_URL);
try {
  const registered = await db.prisma.$transaction(async (tx) => {
    let apiClientId: number | null = null;
    if (values.client) {
      const prefix = values.client.trim().slice(0, 'os_'.length + 12);
      const client = await tx.apiClient.findUnique({ where: { keyPrefix: prefix }, select: { id: true } });
      if (!client) throw new Error(`No API client has the key prefix "${prefix}".`);
      apiClientId = client.id;
    }
    const out: { file: string; hash: string; name: string }[] = [];
    for (const { file, document } of documents) {
      try {
        const { before, after } = await registerTrustedOperation(tx, schema, { document, apiClientId });
        await tx.auditEntry.create({
          data: {
            action: 'trustedOperation.register',
            entityType: 'TrustedOperation',
            before: before ? (JSON.parse(JSON.stringify(before)) as Prisma.InputJsonValue) : Prisma.DbNull,
            after: JSON.parse(JSON.stringify(after)) as Prisma.InputJsonValue,
          },
        });
        out.push({ file, hash: after.id, name: after.operationName });
      } catch (error) {
        const problems = error instanceof ClientError ? (error.details.problems as { message: string; line?: number; column?: number }[] | undefined) : undefined;
        const detail = (problems ?? []).map((p) => `\n  ${file}${p.line ? `:${p.line}:${p.column}` : ''}: ${p.message}`).join('');
        throw new Error(`${file}: ${(error as Error).message}${detail}`);
      }
    }
    return out;
  });
  for (const { hash, name } of registered) console.log(`${hash}  ${name}`);
  console.error(`Registered ${registered.length} operation(s) for ${values.client ? `the client ${values.client}` : 'every client'}.`);
} catch (error) {
  console.error(`Nothing was registered: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
