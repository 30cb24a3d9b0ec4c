import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '@openstation/db';
import { seedDemoData } from '@openstation/db/seed';
import { principalFromRequest } from '@openstation/api/auth/principal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript, scratchDatabase } from '../support/cli.ts';
import { type OperatorServer, startOperatorServer } from './operator-server.ts';

const { scratch, databaseUrl } = scratchDatabase('operator');
const stateFile = join(scratch, 'openstation-server.json');
const run = (script: string, args: string[], stdin = '') => runScript(script, args, databaseUrl, stdin);
const VIA_SERVER = /^Using the running server \(pid \d+, http:\/\/127\.0\.0\.1:\d+\)\.$/m;
const VIA_DATABASE = /^No server is running: opened the embedded database in .* directly\.$/m;

describe('the command-line tools while the server runs, and without it', () => {
  let server: OperatorServer | null = null;

  beforeAll(async () => {
    const db = await openDatabase(databaseUrl);
    await seedDemoData(db.prisma);
    await db.close();
    server = await startOperatorServer(databaseUrl);
  }, 240_000);
  afterAll(async () => {
    await server?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('writes a state file only its owner reads; the tools talk to the server and say so', async () => {
    expect(server?.stateFile).toBe(stateFile);
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { pid: number; url: string; token: string };
    expect(state).toMatchObject({ pid: process.pid, url: server?.url });
    expect(statSync(stateFile).mode & 0o777).toBe(0o600);

    const admin = await run('create-admin', ['--email', 'chief@station.example', '--name', 'Chief', '--password-stdin'], 'a long admin password\n');
    expect(admin.stderr).toMatch(VIA_SERVER);
    expect([admin.code, admin.stdout]).toEqual([0, 'Created ADMIN chief@station.example (bureau-wide).\n']);
    const editor = await run('create-admin', ['--email', 'clerk@station.example', '--name', 'Clerk', '--role', 'EDITOR', '--station', 'zhuze']);
    expect(editor.code).toBe(0);
    const [created, password] = editor.stdout.trim().split('\n');
    expect(created).toBe('Created EDITOR clerk@station.example (stations zhuze).');
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect((await run('create-admin', ['--email', 'x@station.example', '--name', 'X', '--role', 'EDITOR'])).code).toBe(2);

    const entry = await server?.db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'staff.create' }, orderBy: { id: 'asc' } });
    expect(entry).toMatchObject({ via: 'operator', staffUserId: null });

    const reset = await run('reset-password', ['--email', 'clerk@station.example']);
    expect(reset.code).toBe(0);
    expect(reset.stdout.trim()).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(reset.stdout.trim()).not.toBe(password);
  });

  it('create-api-client needs --partner for station-bound scopes; the key acts for that partner\'s station', async () => {
    const missing = await run('create-api-client', ['--name', 'Justice office', '--scope', 'mediation:read']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('need --partner');
    const made = await run('create-api-client', ['--name', 'Zhuze justice office', '--scope', 'mediation:read', '--partner', 'zhuze/justice-office']);
    expect(made.stderr).toMatch(VIA_SERVER);
    expect(made.code).toBe(0);
    const key = made.stdout.trim();
    const prisma = server?.db.prisma;
    if (!prisma) throw new Error('no server');
    const zhuze = await prisma.station.findUniqueOrThrow({ where: { slug: 'zhuze' } });
    const principal = await principalFromRequest(prisma, new Request('http://x/', { headers: { 'x-api-key': key } }));
    expect(principal).toMatchObject({ kind: 'apiClient', stationId: zhuze.id, scopes: ['mediation:read'] });
  });

  it('export-csv, import-csv and register-operation go through the server, audited as the --as user', async () => {
    const exported = await run('export-csv', ['areas', '--station', 'zhuze']);
    expect(exported.stderr).toMatch(VIA_SERVER);
    expect(exported.code).toBe(0);
    const file = join(scratch, 'areas.csv');
    writeFileSync(file, exported.stdout);
    const imported = await run('import-csv', ['areas', file, '--as', 'clerk@station.example']);
    expect(imported.stderr).toMatch(VIA_SERVER);
    expect(imported.stdout).toMatch(/^areas: 0 created, 0 updated, \d+ unchanged\.$/m);
    const elsewhere = await run('import-csv', ['areas', file, '--as', 'clerk@station.example', '--station', 'qiandeng']);
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.stderr).toContain('You do not act for this station');

    const document = join(scratch, 'metrics.graphql');
    writeFileSync(document, 'query MetricKeys { metrics { key } }\n');
    const registered = await run('register-operation', [document]);
    expect(registered.stderr).toMatch(VIA_SERVER);
    expect(registered.stdout).toMatch(/^[0-9a-f]{64} {2}MetricKeys$/m);
  });

  it('backs up while the server runs; restore refuses then; without the server (and with a stale state file) both work on the directory', async () => {
    const live = join(scratch, 'live.tar.gz');
    const backup = await run('backup', ['--out', live]);
    expect(backup.stderr).toMatch(VIA_SERVER);
    expect(backup.code).toBe(0);
    expect(statSync(live).size).toBeGreaterThan(100_000);
    const refused = await run('restore', [live]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('The server is running');

    await server?.close();
    server = null;
    expect(existsSync(stateFile)).toBe(false);
    writeFileSync(stateFile, JSON.stringify({ pid: 2 ** 22 + 17, url: 'http://127.0.0.1:9', token: 'stale', database: `pglite:${join(scratch, 'pglite')}` }));

    const offline = join(scratch, 'offline.tar.gz');
    const direct = await run('backup', ['--out', offline]);
    expect(direct.stderr).toMatch(VIA_DATABASE);
    expect(direct.code).toBe(0);

    const db = await openDatabase(databaseUrl);
    await db.prisma.staffUser.deleteMany({ where: { email: 'clerk@station.example' } });
    await db.close();

    const restored = await run('restore', [live]);
    expect(restored.stderr).toBe(`No server is running: restoring ${live} into ${join(scratch, 'pglite')}.\n`);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/^ {2}Station {10}5$/m);
    expect(restored.stdout).toMatch(/^ {2}StaffUser {8}2$/m);
    const kept = readdirSync(scratch).filter((name) => name.startsWith('pglite.before-restore-'));
    expect(kept).toHaveLength(1);
    const check = await openDatabase(databaseUrl);
    try {
      expect(await check.prisma.staffUser.count({ where: { email: 'clerk@station.example' } })).toBe(1);
    } finally {
      await check.close();
    }
  });
});
