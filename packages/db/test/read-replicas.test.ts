import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery } from '../../../tests/support/postgres-admin.ts';
import { openDatabase } from '../src/index.ts';

const server = 'postgres://postgres@127.0.0.1:5432';
const primaryName = `openstation_primary_${randomUUID().slice(0, 8)}`;
const replicaName = `openstation_replica_${randomUUID().slice(0, 8)}`;

const admin = (sql: string) => adminQuery(server, sql);

// PostgreSQL's own replication is not under test: two independent databases stand in for a
// primary and its replica, so that where each query went is visible in the data it finds.
describe('read replicas (DATABASE_REPLICA_URLS)', () => {
  beforeAll(async () => {
    await admin(`CREATE DATABASE "${primaryName}"`);
    await admin(`CREATE DATABASE "${replicaName}"`);
    for (const name of [primaryName, replicaName]) {
      const db = await openDatabase(`${server}/${name}`);
      await db.prisma.metric.create({
        data: { key: 'where', nameZh: name, definitionZh: '测试', unitZh: '个', higherIsBetter: true },
      });
      await db.close();
    }
  });
  afterAll(async () => {
    await admin(`DROP DATABASE IF EXISTS "${primaryName}" WITH (FORCE)`);
    await admin(`DROP DATABASE IF EXISTS "${replicaName}" WITH (FORCE)`);
  });

  it('reads from the replica, writes and transactions on the primary', async () => {
    const db = await openDatabase(`${server}/${primaryName}`, { replicaUrls: [`${server}/${replicaName}`] });
    try {
      const read = await db.prisma.metric.findUnique({ where: { key: 'where' } });
      expect(read?.nameZh).toBe(replicaName);
      await db.prisma.metric.update({ where: { key: 'where' }, data: { unitZh: '次' } });
      const inTransaction = await db.prisma.$transaction((tx) => tx.metric.findUnique({ where: { key: 'where' } }));
      expect(inTransaction).toMatchObject({ nameZh: primaryName, unitZh: '次' });
    } finally {
      await db.close();
    }
  });

  it('explains an unreachable replica at start-up', async () => {
    await expect(
      openDatabase(`${server}/${primaryName}`, { replicaUrls: ['postgres://postgres@127.0.0.1:1/replica'] }),
    ).rejects.toThrow(/Cannot connect to PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:1\/replica/);
  });
});
