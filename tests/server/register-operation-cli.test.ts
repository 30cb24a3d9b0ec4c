import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '@openstation/db';
import { createApiClient } from '@openstation/api/auth/accounts';
import { createApi } from '@openstation/api/yoga';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript, scratchDatabase } from '../support/cli.ts';

const { scratch, databaseUrl } = scratchDatabase('ops');

const run = (args: string[]) => runScript('register-operation', args, databaseUrl);

describe('register-operation command line', () => {
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('registers every file for a client or none, prints the hashes, and the key can then run them', async () => {
    const setup = await openDatabase(databaseUrl);
    const { key, client } = await createApiClient(setup.prisma, { name: 'Justice office', scopes: ['public:read'] });
    await setup.close();

    const good = join(scratch, 'metrics.graphql');
    const bad = join(scratch, 'typo.graphql');
    const document = 'query MetricKeys {\n  metrics { key }\n}\n';
    writeFileSync(good, document);
    writeFileSync(bad, 'query Typo {\n  metrics { kee }\n}\n');

    const refused = await run(['--client', client.keyPrefix, good, bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Nothing was registered');
    expect(refused.stderr).toMatch(/typo\.graphql:2:13: Cannot query field "kee"/);

    const registered = await run(['--client', client.keyPrefix, good]);
    expect(registered.stderr).toContain('Registered 1 operation(s)');
    expect(registered.code).toBe(0);
    const hash = createHash('sha256').update(document).digest('hex');
    expect(registered.stdout).toBe(`${hash}  MetricKeys\n`);

    const db = await openDatabase(databaseUrl);
    try {
      expect(await db.prisma.trustedOperation.findMany({ select: { id: true, apiClientId: true } })).toEqual([{ id: hash, apiClientId: client.id }]);
      expect(await db.prisma.auditEntry.count({ where: { action: 'trustedOperation.register' } })).toBe(1);
      const api = createApi({ prisma: db.prisma, requireTrustedOperations: true });
      const response = await api.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
      });
      // The database is new and unseeded: no metrics, but the operation ran.
      expect(await response.json()).toMatchObject({ data: { metrics: [] } });
      const text = await api.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify({ query: '{ metrics { key } }' }),
      });
      expect(text.status).toBe(403);
    } finally {
      await db.close();
    }
  }, 240_000);
});
