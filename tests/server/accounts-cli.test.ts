import { rmSync } from 'node:fs';
import { openDatabase } from '@openstation/db';
import { createApi } from '@openstation/api/yoga';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript, scratchDatabase } from '../support/cli.ts';
import { gql, gqlOk } from '../support/graphql.ts';

const { scratch, databaseUrl } = scratchDatabase('cli');

const run = (script: string, args: string[], stdin = '') => runScript(script, args, databaseUrl, stdin);

describe('account command lines', () => {
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('create-admin makes the first admin (password from stdin); create-api-client prints a working key once', async () => {
    const admin = await run('create-admin', ['--email', 'Chief@Station.example', '--name', 'Chief', '--password-stdin'], 'a long admin password\n');
    expect(admin.stderr).toMatch(/^No server is running: opened the embedded database in .* directly\.\n$/);
    expect(admin.code).toBe(0);
    expect(admin.stdout).toMatch(/Created ADMIN chief@station\.example/);

    const short = await run('create-admin', ['--email', 'x@station.example', '--name', 'X', '--password-stdin'], 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/at least 12 characters/);

    const client = await run('create-api-client', ['--name', 'Justice office', '--scope', 'public:read']);
    expect(client.code).toBe(0);
    const key = client.stdout.trim();
    expect(key).toMatch(/^os_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(client.stderr).not.toContain(key);

    const db = await openDatabase(databaseUrl);
    try {
      const api = createApi({ prisma: db.prisma });
      const { login } = await gqlOk<{ login: { token: string } }>(
        api,
        'mutation { login(email: "chief@station.example", password: "a long admin password") { token } }',
      );
      const clients = await gqlOk<{ apiClients: { name: string; scopes: string[] }[] }>(
        api,
        '{ apiClients { name scopes } }',
        {},
        { authorization: `Bearer ${login.token}` },
      );
      expect(clients.apiClients).toEqual([{ name: 'Justice office', scopes: ['PUBLIC_READ'] }]);
      const metrics = await gql(api, '{ metrics { key } }', {}, { 'x-api-key': key });
      expect(metrics.errors).toBeUndefined();
      const audit = await db.prisma.auditEntry.findMany({ select: { action: true, via: true }, orderBy: { id: 'asc' } });
      expect(audit.filter((e) => e.action !== 'staff.login')).toEqual([
        { action: 'staff.create', via: 'operator' },
        { action: 'apiClient.create', via: 'operator' },
      ]);
    } finally {
      await db.close();
    }
  });
});
