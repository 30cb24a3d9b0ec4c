import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseDatabaseUrl, restorePglite } from '@openstation/db';
import { readLiveServerState } from '../src/operator/state-file.ts';
import { messageOf, usageExit } from './tool.ts';

const usage = `Restores a backup written by \`pnpm backup\` into the embedded database's directory.
  pnpm restore <file.tar.gz>
Only while no server runs: the backup is unpacked into a fresh directory, opened (migrations
applied) and its rows counted; only then is it swapped in, the old directory kept aside as
<dir>.before-restore-<time>. For PostgreSQL use pg_restore (docs/operations.md).`;

const { values, positionals } = parseArgs({ allowPositionals: true, options: { help: { type: 'boolean' } } });
const [file] = positionals;
if (values.help || !file || positionals.length !== 1) usageExit(usage, values.help);
const target = parseDatabaseUrl(process.env.DATABASE_URL);
if (target.kind !== 'pglite' || target.dataDir === null) {
  usageExit(`DATABASE_URL names ${target.kind === 'pglite' ? 'an in-memory database' : 'PostgreSQL: restore with pg_restore (docs/operations.md)'}.`, false);
}
const live = readLiveServerState(target);
if (live) {
  console.error(`The server is running (pid ${live.state.pid}, ${live.state.url}) on ${target.dataDir}: stop it first (Ctrl-C), then restore. Nothing was changed.`);
  process.exit(1);
}

try {
  console.error(`No server is running: restoring ${file} into ${target.dataDir}.`);
  const result = await restorePglite(target.dataDir, new Blob([readFileSync(file)]));
  console.log(`Restored; the backup opens with ${result.migrations} migrations applied. Rows:`);
  for (const [table, count] of Object.entries(result.counts)) console.log(`  ${table.padEnd(16)} ${count}`);
  console.log(result.kept ? `The previous database is kept in ${result.kept} (delete it once you are sure).` : 'There was no database before.');
} catch (error) {
  console.error(`The restore failed, nothing was changed: ${messageOf(error)}`);
  process.exitCode = 1;
}
