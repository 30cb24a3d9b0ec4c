import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery } from '../../../tests/support/postgres-admin.ts';
import { openDatabase } from '../src/index.ts';
import { relationJoinSql } from '../src/json-relation-joins.ts';

const server = 'postgres://postgres@127.0.0.1:5432';
const name = `openstation_joins_${randomUUID().slice(0, 8)}`;

const admin = (sql: string) => adminQuery(server, sql);

describe('relationJoinSql', () => {
  it('builds a relation join\'s rows and lists as json, and leaves other statements as written', () => {
    const join = `SELECT COALESCE(JSONB_AGG("__prisma_data__"), '[]') AS "__prisma_data__" FROM (SELECT JSONB_BUILD_OBJECT('id', "t1"."id") AS "__prisma_data__" FROM "T" AS "t1") AS "t2"`;
    expect(relationJoinSql(join)).toBe(`SELECT COALESCE(JSON_AGG("__prisma_data__"), '[]') AS "__prisma_data__" FROM (SELECT JSON_BUILD_OBJECT('id', "t1"."id") AS "__prisma_data__" FROM "T" AS "t1") AS "t2"`);
    const raw = `SELECT JSONB_BUILD_OBJECT('a', 1) @> '{"a": 1}'::jsonb`;
    expect(relationJoinSql(raw)).toBe(raw);
  });
});

describe('relation joins on PostgreSQL', () => {
  beforeAll(() => admin(`CREATE DATABASE "${name}"`));
  afterAll(() => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

  it('sends json row builders and reads the same records, in and out of transactions; raw SQL is sent as written', async () => {
    // One connection: the session that ran the reads lists what it prepared.
    const db = await openDatabase(`${server}/${name}`, { poolSize: 1 });
    try {
      const station = await db.prisma.station.create({
        data: {
          slug: 's', nameZh: '站', bureauZh: '局', regionZh: '区', addressZh: '址', dutyPhone: '110', openingHoursZh: '全天', summaryZh: '概况',
          honours: { create: [{ titleZh: '乙', year: 2024 }, { titleZh: '甲', year: 2023, awardedOn: new Date('2023-05-01') }] },
        },
      });
      const read = await db.prisma.station.findUnique({ where: { slug: 's' }, select: { slug: true, honours: { select: { titleZh: true, year: true, awardedOn: true }, orderBy: { year: 'asc' } } } });
      expect(read?.honours.map((h) => [h.titleZh, h.year])).toEqual([['甲', 2023], ['乙', 2024]]);
      expect(read?.honours.map((h) => h.awardedOn)).toEqual([new Date('2023-05-01'), null]);
      const inTransaction = await db.prisma.$transaction((tx) => tx.station.findUnique({ where: { id: station.id }, include: { honours: { orderBy: { year: 'desc' } } } }));
      expect(inTransaction?.honours.map((h) => h.year)).toEqual([2024, 2023]);
      const prepared = await db.prisma.$queryRaw<Array<{ statement: string }>>`SELECT statement FROM pg_prepared_statements`;
      const joins = prepared.filter((p) => p.statement.includes('"__prisma_data__"'));
      expect(joins).toHaveLength(2);
      for (const { statement } of joins) {
        expect(statement).toContain('JSON_AGG(');
        expect(statement).not.toContain('JSONB_');
      }
      // jsonb sorts keys: raw SQL kept its JSONB_BUILD_OBJECT.
      const raw = await db.prisma.$queryRawUnsafe<Array<{ x: string }>>(`SELECT JSONB_BUILD_OBJECT('b', 1, 'a', 2)::text AS x`);
      expect(raw[0]?.x).toBe('{"a": 2, "b": 1}');
    } finally {
      await db.close();
    }
  });
});
