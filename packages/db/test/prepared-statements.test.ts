import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery } from '../../../tests/support/postgres-admin.ts';
import { openDatabase } from '../src/index.ts';
import { statementNames } from '../src/statement-names.ts';

const server = 'postgres://postgres@127.0.0.1:5432';
const name = `openstation_prepared_${randomUUID().slice(0, 8)}`;

const admin = (sql: string) => adminQuery(server, sql);

describe('statementNames', () => {
  it('names each distinct text once, and leaves texts past the limit unnamed', () => {
    const name = statementNames(2);
    const a = name({ sql: 'SELECT 1' });
    const b = name({ sql: 'SELECT 2' });
    expect(a).not.toBe('');
    expect(b).not.toBe('');
    expect(a).not.toBe(b);
    expect(name({ sql: 'SELECT 1' })).toBe(a);
    expect(name({ sql: 'SELECT 3' })).toBe('');
    expect(name({ sql: 'SELECT 2' })).toBe(b);
  });

  it('gives texts the same name exactly when they are equal, texts of one length included', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('SELECT a', 'SELECT b', 'SELECT ab', 'SELECT c', ''), { maxLength: 30 }), (texts) => {
        const name = statementNames(100);
        // Each text built anew, as Prisma builds them, so equal texts are not one string object.
        const names = texts.map((t) => name({ sql: [...t].join('') }));
        for (let i = 0; i < texts.length; i++) {
          for (let j = 0; j < texts.length; j++) expect(names[i] === names[j]).toBe(texts[i] === texts[j]);
        }
      }),
    );
  });
});

describe('prepared statements on PostgreSQL', () => {
  beforeAll(() => admin(`CREATE DATABASE "${name}"`));
  afterAll(() => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

  it("prepares a read once per connection and runs it again by name, with the same answers", async () => {
    const db = await openDatabase(`${server}/${name}`, { poolSize: 1 });
    try {
      await db.prisma.metric.create({ data: { key: 'k', nameZh: '指标', definitionZh: '测试', unitZh: '个', higherIsBetter: true } });
      const first = await db.prisma.metric.findUnique({ where: { key: 'k' } });
      const again = await db.prisma.metric.findUnique({ where: { key: 'k' } });
      expect(again).toEqual(first);
      expect(await db.prisma.metric.findUnique({ where: { key: 'none' } })).toBeNull();
      // One connection: the session that ran the reads lists what it prepared.
      const prepared = await db.prisma.$queryRaw<Array<{ name: string; statement: string }>>`SELECT name, statement FROM pg_prepared_statements`;
      const reads = prepared.filter((p) => p.statement.includes('"Metric"') && p.statement.startsWith('SELECT'));
      expect(reads).toHaveLength(1);
      expect(reads[0]?.name).toMatch(/^openstation_\d+$/);
    } finally {
      await db.close();
    }
  });

  it('prepares nothing by name with DATABASE_PREPARED_STATEMENTS=0 (for a pooler in transaction mode)', async () => {
    process.env.DATABASE_PREPARED_STATEMENTS = '0';
    const db = await openDatabase(`${server}/${name}`, { poolSize: 1, migrate: false });
    delete process.env.DATABASE_PREPARED_STATEMENTS;
    try {
      await db.prisma.metric.findUnique({ where: { key: 'k' } });
      await db.prisma.metric.findUnique({ where: { key: 'k' } });
      const prepared = await db.prisma.$queryRaw<Array<{ name: string }>>`SELECT name FROM pg_prepared_statements`;
      expect(prepared).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
