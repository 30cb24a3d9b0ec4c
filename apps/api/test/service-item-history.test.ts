import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../src/yoga.ts';
import { gql, gqlOk } from '../../../tests/support/graphql.ts';
import { createBoundStaff } from '../../../tests/support/principals.ts';
import { openTestDatabase, type TestDatabase } from '../../../tests/support/test-database.ts';

const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');
const UPDATE = 'mutation ($id: ID!, $input: ServiceItemPatch!) { updateServiceItem(id: $id, input: $input) { version } }';
const HISTORY = 'query ($id: ID!) { node(id: $id) { ... on ServiceItem { history(first: 100) { edges { node { version effectiveFrom changedAt changedBy changedFields } } } } } }';

interface Version {
  version: number;
  effectiveFrom: string;
  changedAt: string | null;
  changedBy: string | null;
  changedFields: string[];
}

describe('ServiceItem.history', () => {
  let db: TestDatabase;
  let api: ReturnType<typeof createApi>;
  let item: { id: number; version: number; stationId: number };
  let editor: Awaited<ReturnType<typeof createBoundStaff>>;
  let stranger: Awaited<ReturnType<typeof createBoundStaff>>;

  beforeAll(async () => {
    db = await openTestDatabase();
    api = createApi({ prisma: db.prisma });
    item = await db.prisma.serviceItem.findFirstOrThrow({ where: { retiredAt: null }, orderBy: { id: 'asc' }, select: { id: true, version: true, stationId: true } });
    const other = await db.prisma.station.findFirstOrThrow({ where: { id: { not: item.stationId } } });
    editor = await createBoundStaff(db.prisma, 'EDITOR', [item.stationId], 'history-editor@test.example');
    stranger = await createBoundStaff(db.prisma, 'EDITOR', [other.id]);
  });
  afterAll(() => db.close());

  it('lists every version newest first, with who published it, when, and what changed', async () => {
    const id = globalId('ServiceItem', item.id);
    await gqlOk(api, UPDATE, { id, input: { fee: { zh: '免费（历史测试）' } } }, editor.headers);
    await gqlOk(api, UPDATE, { id, input: { materials: { zh: ['身份证'] }, effectiveFrom: '2026-10-01' } }, editor.headers);
    const data = await gqlOk<{ node: { history: { edges: { node: Version }[] } } }>(api, HISTORY, { id }, editor.headers);
    const history = data.node.history.edges.map((e) => e.node);
    expect(history.map((v) => v.version)).toEqual([item.version + 2, item.version + 1, ...Array.from({ length: item.version }, (_, i) => item.version - i)]);
    const [latest, previous, original] = history;
    expect(latest).toMatchObject({ changedBy: 'history-editor', effectiveFrom: '2026-10-01' });
    expect(latest?.changedFields.sort()).toEqual(['effectiveFrom', 'materials']);
    expect(previous).toMatchObject({ changedBy: 'history-editor', changedFields: ['fee'] });
    expect(Date.parse(previous?.changedAt ?? '')).toBeLessThanOrEqual(Date.parse(latest?.changedAt ?? ''));
    expect(original).toMatchObject({ version: item.version, changedFields: [] });
  });

  it('is refused to editors of another station and to anonymous callers', async () => {
    const id = globalId('ServiceItem', item.id);
    const refused = await gql(api, HISTORY, { id }, stranger.headers);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await gql(api, HISTORY, { id });
    expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(anonymous.errors?.[0]?.extensions?.code);
  });
});
