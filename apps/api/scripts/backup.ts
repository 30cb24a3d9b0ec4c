import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { dumpPglite, parseDatabaseUrl } from '@openstation/db';
import { BACKUP_PATH } from '../src/operator/channel.ts';
import { UsageError, usageExit, withConnection } from './tool.ts';

const usage = `Backs up the embedded database to a gzipped tarball, consistent even while the server runs.
  pnpm backup [--out <file.tar.gz>]       (default: data/backups/openstation-<time>.tar.gz)
While the server runs it asks the server for the backup; otherwise it opens the database itself.
Restore with \`pnpm restore <file>\`. For PostgreSQL use pg_dump (docs/operations.md).`;

const { values } = parseArgs({ options: { out: { type: 'string' }, help: { type: 'boolean' } } });
if (values.help) usageExit(usage, true);
const target = parseDatabaseUrl(process.env.DATABASE_URL);
if (target.kind !== 'pglite' || target.dataDir === null) {
  usageExit(`DATABASE_URL names ${target.kind === 'pglite' ? 'an in-memory database: nothing to back up' : 'PostgreSQL: back it up with pg_dump -Fc (docs/operations.md)'}.`, false);
}
const out = values.out ?? `data/backups/openstation-${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')}.tar.gz`;

await withConnection('The backup failed', async (connection) => {
  let backup: Blob;
  const answer = connection.operatorFetch(BACKUP_PATH);
  if (answer) {
    const response = await answer;
    if (!response.ok) throw new UsageError(`the server answered ${response.status}: ${await response.text()}`);
    backup = await response.blob();
  } else {
    const pglite = connection.database?.pglite;
    if (!pglite) throw new UsageError('the embedded database did not open');
    backup = await dumpPglite(pglite);
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, new Uint8Array(await backup.arrayBuffer()), { mode: 0o600 });
  console.log(`Backup written to ${out} (${(backup.size / 1e6).toFixed(1)} MB).`);
});
