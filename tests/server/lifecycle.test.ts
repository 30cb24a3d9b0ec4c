import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../support/cli.ts';
import { adminQuery, databaseUrl } from '../support/postgres-admin.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'openstation-server-'));
const dataDir = join(dir, 'pglite');

interface Running {
  child: ChildProcess;
  output: string[];
  port: number;
}

/** Starts `apps/api/src/server.ts` as `pnpm start` does, on a free port, and waits until it is ready. */
function startServer(port: number, env: Record<string, string> = {}): Promise<Running> {
  const child = spawn(process.execPath, ['apps/api/src/server.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `pglite:${dataDir}`, PORT: String(port), HOST: '127.0.0.1', PORTAL_BUILD: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (/Ready in/.test(output.join(''))) resolve({ child, output, port });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output.join('')}`)));
  });
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function stationCount(port: number): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ stations(first: 100) { edges { node { slug } } } }' }),
  });
  const body = (await response.json()) as { data: { stations: { edges: unknown[] } } };
  return body.data.stations.edges.length;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pnpm start on the embedded database', () => {
  it('creates, migrates and seeds a new database, serves GraphQL, GraphiQL, /health and /ready, and stops cleanly on SIGTERM', async () => {
    const server = await startServer(4310);
    expect(await stationCount(server.port)).toBe(5);
    const health = await fetch(`http://127.0.0.1:${server.port}/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`http://127.0.0.1:${server.port}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', database: 'ok', pendingMigrations: [], portal: { build: null, webhook: null } });
    const graphiql = await fetch(`http://127.0.0.1:${server.port}/graphql`, { headers: { accept: 'text/html' } });
    expect(graphiql.headers.get('content-type')).toContain('text/html');
    expect(await graphiql.text()).not.toMatch(/unpkg\.com|cdn\.jsdelivr/);

    const exited = exitCode(server.child);
    server.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(server.output.join('')).toContain('SIGTERM received');
    expect(existsSync(join(dataDir, 'openstation.lock'))).toBe(false);
  });

  it('reopens the same data directory after SIGINT without seeding twice, and refuses a second process', async () => {
    const server = await startServer(4311);
    expect(await stationCount(server.port)).toBe(5);

    const second = spawn(process.execPath, ['apps/api/src/server.ts'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: `pglite:${dataDir}`, PORT: '4312', PORTAL_BUILD: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let secondOutput = '';
    second.stderr?.on('data', (chunk: Buffer) => {
      secondOutput += chunk.toString();
    });
    expect(await exitCode(second)).toBe(1);
    expect(secondOutput).toMatch(/in use by process \d+, most likely the running server/);
    expect(secondOutput).toContain('the command-line tools (create-admin, import-csv, export-csv, backup, …) talk to it');
    expect(secondOutput).not.toMatch(/another pglite:/);

    // Meanwhile the command-line tools work: through the running server, which they name.
    const stateFile = join(dir, 'openstation-server.json');
    expect(existsSync(stateFile)).toBe(true);
    const exported = await runScript('export-csv', ['areas', '--station', 'zhuze'], `pglite:${dataDir}`);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toMatch(/^Using the running server \(pid \d+, http:\/\/127\.0\.0\.1:4311\)\.$/m);
    expect(exported.stdout.split('\n')[0]).toContain('station,nameZh');

    const exited = exitCode(server.child);
    server.child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(existsSync(stateFile)).toBe(false);
  });

  it('explains an unreachable PostgreSQL instead of crashing with a stack trace', async () => {
    const child = spawn(process.execPath, ['apps/api/src/server.ts'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/openstation', PORT: '4313', PORTAL_BUILD: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    expect(await exitCode(child)).toBe(1);
    expect(stderr).toContain('Cannot connect to PostgreSQL at postgres://postgres@127.0.0.1:1/openstation');
    expect(stderr).toContain('start PostgreSQL or correct host and port');
    expect(stderr).not.toMatch(/^\s+at /m);
  });
});

const postgres = process.env.TEST_DATABASE_URL;

describe.skipIf(!postgres)('pnpm start with DATABASE_URL on PostgreSQL (needs TEST_DATABASE_URL)', () => {
  it('migrates and seeds an empty database, serves it, and stops cleanly', async () => {
    const base = postgres as string;
    const name = `openstation_start_${Date.now()}`;
    await adminQuery(base, `CREATE DATABASE "${name}"`);
    try {
      const server = await startServer(4314, { DATABASE_URL: databaseUrl(base, name) });
      expect(server.output.join('')).toContain('OpenStation API on PostgreSQL: 5 stations.');
      expect(await stationCount(server.port)).toBe(5);
      const exited = exitCode(server.child);
      server.child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      await adminQuery(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });
});
