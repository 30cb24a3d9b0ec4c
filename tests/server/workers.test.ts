import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { adminQuery, databaseUrl } from '../support/postgres-admin.ts';

/** API_WORKERS: several API processes sharing the port (node:cluster), on PostgreSQL with Redis. */
const root = fileURLToPath(new URL('../../', import.meta.url));
const postgres = process.env.TEST_DATABASE_URL;
const REDIS_URL = `${process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'}/13`;
const name = `openstation_test_workers_${process.pid}`;

function run(args: string[], env: Record<string, string>, stdin = ''): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin?.end(stdin);
  return child;
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

function output(child: ChildProcess): () => string {
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return () => text;
}

async function until(check: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The pids of `pid`'s child processes (Linux /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** A GraphQL request on a connection of its own: the primary hands each new connection to the next worker. */
function onNewConnection(port: number, body: unknown, token?: string): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  return new Promise((resolve, reject) => {
    const text = JSON.stringify(body);
    const req = httpRequest(
      { host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...(token ? { authorization: `Bearer ${token}` } : {}) } },
      (res) => {
        let answer = '';
        res.on('data', (chunk: Buffer) => (answer += chunk.toString()));
        res.on('end', () => resolve(JSON.parse(answer)));
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

afterAll(async () => {
  if (postgres) await adminQuery(postgres, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});

describe('API_WORKERS', () => {
  it('refuses the embedded database, and PostgreSQL without Redis, saying why', async () => {
    const embedded = run(['apps/api/src/server.ts'], { API_WORKERS: '2', DATABASE_URL: 'pglite:memory', REDIS_URL: REDIS_URL });
    const embeddedSaid = output(embedded);
    expect(await exited(embedded)).toBe(1);
    expect(embeddedSaid()).toContain('API_WORKERS=2 needs PostgreSQL');
    const noRedis = run(['apps/api/src/server.ts'], { API_WORKERS: '2', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/none', REDIS_URL: '' });
    const noRedisSaid = output(noRedis);
    expect(await exited(noRedis)).toBe(1);
    expect(noRedisSaid()).toContain('API_WORKERS=2 needs REDIS_URL');
  });

  it.skipIf(!postgres)(
    'serves from two processes, passes every change to the leader (portal), restarts a killed worker and stops on SIGTERM',
    async () => {
      await adminQuery(postgres as string, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await adminQuery(postgres as string, `CREATE DATABASE "${name}"`);
      const url = databaseUrl(postgres as string, name);
      const admin = run(['apps/api/scripts/create-admin.ts', '--email', 'chief@station.example', '--name', 'Chief', '--password-stdin'], { DATABASE_URL: url }, 'a long admin password\n');
      expect(await exited(admin)).toBe(0);

      // The leader announces the portal's changes to this webhook: changes made through the other worker must reach it.
      const calls: string[] = [];
      const hook = createServer((req, res) => {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString()));
        req.on('end', () => {
          calls.push(body);
          res.writeHead(204).end();
        });
      });
      await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
      const port = await new Promise<number>((resolve) => {
        const probe = createServer().listen(0, '127.0.0.1', () => {
          const { port: free } = probe.address() as AddressInfo;
          probe.close(() => resolve(free));
        });
      });
      const server = run(['apps/api/src/server.ts'], {
        API_WORKERS: '2',
        DATABASE_URL: url,
        REDIS_URL,
        PORT: String(port),
        HOST: '127.0.0.1',
        PORTAL_BUILD: '0',
        PORTAL_REBUILD_WEBHOOK_URL: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/rebuild`,
        PORTAL_REBUILD_DEBOUNCE_MS: '3000',
      });
      const said = output(server);
      try {
        await until(() => /2 worker processes ready/.test(said()), 120_000);
        const workers = childrenOf(server.pid as number);
        expect(workers).toHaveLength(2);

        const login = await onNewConnection(port, { query: 'mutation { login(email: "chief@station.example", password: "a long admin password") { token } }' });
        const token = (login.data?.login as { token: string }).token;
        const stations = await onNewConnection(port, { query: '{ stations(first: 1) { edges { node { id } } } }' });
        const stationId = (stations.data?.stations as { edges: { node: { id: string } }[] }).edges[0]?.node.id;
        // Alternating kinds on new connections, which alternate between the workers: each worker commits one kind.
        for (const round of [1, 2]) {
          const team = await onNewConnection(port, { query: 'mutation ($input: VolunteerTeamInput!) { createVolunteerTeam(input: $input) { id } }', variables: { input: { stationId, name: { zh: `队${round}` }, description: { zh: '测试' } } } }, token);
          expect(team.errors).toBeUndefined();
          const event = await onNewConnection(
            port,
            { query: 'mutation ($input: EventInput!) { createEvent(input: $input) { id } }', variables: { input: { stationId, kind: 'OTHER', title: { zh: `活动${round}` }, description: { zh: '测试' }, location: { zh: '派出所' }, startsAt: '2026-12-20T02:00:00Z' } } },
            token,
          );
          expect(event.errors).toBeUndefined();
        }
        await until(() => calls.length >= 1, 30_000);
        expect(JSON.parse(calls[0] as string).entityTypes.sort()).toEqual(['Event', 'VolunteerTeam']);

        // A killed worker is started again; the server answers meanwhile and after.
        process.kill(workers[1] as number, 'SIGKILL');
        await until(() => /Worker \d \(pid \d+\) exited \(SIGKILL\)/.test(said()), 10_000);
        expect((await onNewConnection(port, { query: '{ __typename }' })).data).toEqual({ __typename: 'Query' });
        await until(() => childrenOf(server.pid as number).length === 2 && !childrenOf(server.pid as number).includes(workers[1] as number), 30_000);
        await until(() => said().split('ready in').length >= 4, 30_000);
        expect((await onNewConnection(port, { query: '{ __typename }' })).data).toEqual({ __typename: 'Query' });
      } finally {
        const stopped = exited(server);
        server.kill('SIGTERM');
        expect(await stopped).toBe(0);
        await new Promise<void>((resolve) => hook.close(() => resolve()));
      }
      expect(said()).toContain('SIGTERM received: stopping the 2 worker processes');
      expect(childrenOf(server.pid as number)).toEqual([]);
    },
    240_000,
  );

  it.skipIf(!postgres)('leaves no worker behind when the primary is killed (node:cluster ends a worker whose primary is gone)', async () => {
    await adminQuery(postgres as string, `DROP DATABASE IF EXISTS "${name}_orphans" WITH (FORCE)`);
    await adminQuery(postgres as string, `CREATE DATABASE "${name}_orphans"`);
    try {
      const server = run(['apps/api/src/server.ts'], { API_WORKERS: '2', DATABASE_URL: databaseUrl(postgres as string, `${name}_orphans`), REDIS_URL, PORT: '0', HOST: '127.0.0.1', PORTAL_BUILD: '0' });
      const said = output(server);
      await until(() => /2 worker processes ready/.test(said()), 120_000);
      const workers = childrenOf(server.pid as number);
      expect(workers).toHaveLength(2);
      server.kill('SIGKILL');
      // Gone, or a zombie nobody has reaped yet (its parent was killed).
      const alive = (pid: number) => {
        try {
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
          return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
        } catch {
          return false;
        }
      };
      await until(() => workers.every((pid) => !alive(pid)), 20_000);
    } finally {
      await adminQuery(postgres as string, `DROP DATABASE IF EXISTS "${name}_orphans" WITH (FORCE)`);
    }
  }, 180_000);
});

