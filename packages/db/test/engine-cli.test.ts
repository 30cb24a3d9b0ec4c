import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The unmodified Prisma CLI, driving packages/db/bin/schema-engine (set by prisma.config.ts). */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MIGRATIONS_DIR = join(ROOT, 'prisma/migrations');
const ENGINE = join(ROOT, 'packages/db/bin/schema-engine');
const PRISMA = join(dirname(createRequire(import.meta.url).resolve('prisma/package.json')), 'build/index.js');
const SERVER = 'postgres://postgres@127.0.0.1:5432';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { cwd: ROOT, env: { ...process.env, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1', ...env }, maxBuffer: 16 << 20 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

function prisma(args: string[], databaseUrl: string | undefined): Promise<Run> {
  return run(process.execPath, [PRISMA, ...args], { DATABASE_URL: databaseUrl });
}

async function migrationNames(): Promise<string[]> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

async function checksum(name: string): Promise<string> {
  return createHash('sha256').update(await readFile(join(MIGRATIONS_DIR, name, 'migration.sql'))).digest('hex');
}

async function onServer<T>(database: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${SERVER}/${database}` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('schema-engine executable', () => {
  it('reports the engine hash of the CLI', async () => {
    const { code, stdout } = await run(ENGINE, ['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^schema-engine-cli [0-9a-f]{40}$/);
  });

  it('answers a one-shot command with exit 1 and a P1003 log line for a missing database', async () => {
    const url = `${SERVER}/missing_${randomUUID().replaceAll('-', '')}`;
    const { code, stderr } = await run(ENGINE, ['--datasource', JSON.stringify({ url }), 'cli', 'can-connect-to-database']);
    expect(code).toBe(1);
    const last = JSON.parse(stderr.trim().split('\n').at(-1) ?? '{}') as { level?: string; fields?: { error_code?: string } };
    expect(last).toMatchObject({ level: 'ERROR', fields: { error_code: 'P1003' } });
  });
});

describe('prisma migrate deploy + status on PostgreSQL', () => {
  const database = `openstation_test_${randomUUID().replaceAll('-', '')}`;
  const url = `${SERVER}/${database}`;

  beforeAll(() => onServer('postgres', (client) => client.query(`CREATE DATABASE "${database}"`)));
  afterAll(() => onServer('postgres', (client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)));

  it('applies every migration with the checksums the native engine writes', async () => {
    const deploy = await prisma(['migrate', 'deploy'], url);
    expect(deploy.stderr).not.toMatch(/Error/);
    expect(deploy.code).toBe(0);
    const rows = await onServer(database, (client) =>
      client.query<{ migration_name: string; checksum: string; finished: boolean }>(
        'SELECT migration_name, checksum, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY migration_name',
      ),
    );
    const names = await migrationNames();
    expect(rows.rows).toEqual(
      await Promise.all(names.map(async (name) => ({ migration_name: name, checksum: await checksum(name), finished: true }))),
    );
  });

  it('then reports the database up to date', async () => {
    const status = await prisma(['migrate', 'status'], url);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('Database schema is up to date!');
  });
});

describe('prisma migrate deploy + status on pglite:<dir>', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'openstation-engine-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('applies every migration, then reports the database up to date', async () => {
    const url = `pglite:${join(dir, 'db')}`;
    const deploy = await prisma(['migrate', 'deploy'], url);
    expect(deploy.code).toBe(0);
    expect(deploy.stdout).toContain('All migrations have been successfully applied.');
    const status = await prisma(['migrate', 'status'], url);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('Database schema is up to date!');
  });
});

describe('prisma migrate diff --exit-code (the db:check drift check)', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'openstation-diff-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const diff = (schema: string, databaseUrl: string): Promise<Run> =>
    prisma(['migrate', 'diff', '--from-migrations', MIGRATIONS_DIR, '--to-schema', schema, '--exit-code'], databaseUrl);

  it('exits 0 when the migrations produce the schema, without creating the pglite data directory', async () => {
    const dataDir = join(dir, 'never-created');
    const result = await diff(join(ROOT, 'prisma/schema.prisma'), `pglite:${dataDir}`);
    expect(result.stdout).toContain('No difference detected.');
    expect(result.code).toBe(0);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('exits 2 when the schema has a change no migration holds', async () => {
    const schema = join(dir, 'schema.prisma');
    const original = await readFile(join(ROOT, 'prisma/schema.prisma'), 'utf8');
    await writeFile(schema, `${original}\nmodel DriftProbe {\n  id Int @id\n}\n`);
    const result = await diff(schema, `pglite:${join(dir, 'never-created')}`);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('DriftProbe');
  });
});
