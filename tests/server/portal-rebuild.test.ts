import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'openstation-rebuild-'));
const databaseUrl = `pglite:${join(dir, 'pglite')}`;
const SECRET = 'webhook secret';

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string>, stdin = ''): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin?.end(stdin);
  return child;
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function until(check: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('pnpm start with PORTAL_REBUILD_WEBHOOK_URL', () => {
  it('announces a burst of published changes to the webhook once, signed, and reports it in portalBuildStatus', async () => {
    const admin = run(['apps/api/scripts/create-admin.ts', '--email', 'chief@station.example', '--name', 'Chief', '--password-stdin'], {}, 'a long admin password\n');
    expect(await exited(admin)).toBe(0);

    const calls: { headers: IncomingHttpHeaders; body: string }[] = [];
    const hook = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        calls.push({ headers: request.headers, body });
        response.writeHead(calls.length === 1 ? 500 : 204).end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/rebuild`;

    const port = await freePort();
    const server = run(['apps/api/src/server.ts'], {
      PORT: String(port),
      HOST: '127.0.0.1',
      PORTAL_BUILD: '0',
      PORTAL_REBUILD_WEBHOOK_URL: hookUrl,
      PORTAL_REBUILD_WEBHOOK_SECRET: SECRET,
      PORTAL_REBUILD_DEBOUNCE_MS: '4000', // wide enough that a busy machine cannot split the burst
    });
    let output = '';
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      // The start-up lines may arrive in separate chunks: wait for the one about the webhook.
      await until(() => /Ready in/.test(output) && /announced to PORTAL_REBUILD_WEBHOOK_URL/.test(output), 150_000);
      const graphql = async <T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> => {
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await response.json()) as { data: T; errors?: unknown[] };
        expect(body.errors).toBeUndefined();
        return body.data;
      };
      const { login } = await graphql<{ login: { token: string } }>('mutation { login(email: "chief@station.example", password: "a long admin password") { token } }');
      const token = login.token;
      const { stations } = await graphql<{ stations: { edges: { node: { id: string } }[] } }>('{ stations(first: 1) { edges { node { id } } } }');
      const stationId = stations.edges[0]?.node.id;
      for (const name of ['队一', '队二', '队三']) {
        await graphql(
          'mutation ($input: VolunteerTeamInput!) { createVolunteerTeam(input: $input) { id } }',
          { input: { stationId, name: { zh: name }, description: { zh: '测试' } } },
          token,
        );
      }
      expect(calls).toHaveLength(0);

      // After 4 s of quiet: the first call answers 500; the retry (after 1 s more) succeeds.
      await until(() => calls.length >= 2, 30_000);
      const [first, second] = calls as [(typeof calls)[0], (typeof calls)[0]];
      expect(second.body).toBe(first.body);
      expect(JSON.parse(second.body)).toMatchObject({ event: 'portal.content-changed', entityTypes: ['VolunteerTeam'] });
      expect(second.headers['x-openstation-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(second.body).digest('hex')}`);

      const { portalBuildStatus } = await graphql<{ portalBuildStatus: unknown }>('{ portalBuildStatus { build { runs } webhook { runs failures lastError running pending } } }', {}, token);
      expect(portalBuildStatus).toEqual({ build: null, webhook: { runs: 1, failures: 0, lastError: null, running: false, pending: false } });
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(calls).toHaveLength(2);
    } finally {
      const stopped = exited(server);
      server.kill('SIGTERM');
      expect(await stopped).toBe(0);
      await new Promise<void>((resolve) => hook.close(() => resolve()));
    }
  }, 300_000);
});
