import { readFileSync } from 'node:fs';
import { buildSchema, Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '@openstation/api/auth/accounts';
import { gql } from '../support/graphql.ts';
import { useTestApi } from '../support/test-api.ts';

/**
 * docs/partners.md's examples are what partners copy: every operation in it (```graphql
 * blocks, the curl body, the urql call) is named, valid against the schema, and runs against
 * the demo data with the variables of the ```json block that follows it.
 */
const doc = readFileSync(new URL('../../docs/partners.md', import.meta.url), 'utf8');
const schema = buildSchema(readFileSync(new URL('../../apps/api/schema.graphql', import.meta.url), 'utf8'));

interface Example {
  text: string;
  variables: Record<string, unknown> | null;
  /** Run against the server (false: validated only, e.g. it needs an id made at run time). */
  run: boolean;
}

function examples(): Example[] {
  const blocks = [...doc.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1] ?? '', body: m[2] ?? '' }));
  const found: Example[] = [];
  blocks.forEach((block, i) => {
    const next = blocks[i + 1];
    if (block.lang === 'graphql') {
      found.push({ text: block.body, variables: next?.lang === 'json' ? (JSON.parse(next.body) as Record<string, unknown>) : null, run: true });
    }
    if (block.lang === 'sh') {
      for (const m of block.body.matchAll(/"query":"((?:[^"\\]|\\.)*)"/g)) found.push({ text: JSON.parse(`"${m[1]}"`) as string, variables: null, run: true });
    }
    if (block.lang === 'ts') {
      for (const m of block.body.matchAll(/'((?:query|mutation)[^']*)'/g)) found.push({ text: m[1] ?? '', variables: null, run: false });
    }
  });
  return found;
}

describe('docs/partners.md examples', () => {
  const t = useTestApi();
  let key: Record<string, string>;

  beforeAll(async () => {
    const partner = await t.db.prisma.partnerAgency.findFirstOrThrow({ where: { stationId: 1 }, orderBy: { id: 'asc' } });
    const created = await createApiClient(t.db.prisma, {
      name: 'docs example key',
      scopes: ['public:read', 'mediation:read', 'referrals:write', 'surveys:raw'],
      partnerId: partner.id,
      development: true,
    });
    key = { 'x-api-key': created.key };
  });

  it('are all named and valid against the schema', () => {
    const all = examples();
    expect(all.length).toBeGreaterThanOrEqual(10);
    for (const example of all) {
      const document = parse(example.text);
      const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      expect(operations.length, example.text).toBeGreaterThan(0);
      for (const operation of operations) expect(operation.name?.value, example.text).toMatch(/^[A-Z]\w+$/);
      expect(validate(schema, document).map((e) => e.message), example.text).toEqual([]);
    }
    const names = all.flatMap((e) => parse(e.text).definitions.map((d) => (d as OperationDefinitionNode).name?.value));
    expect(names).toEqual(expect.arrayContaining(['WhoAmI', 'StationBySlug', 'Contacts', 'SurveyResults', 'ReferToPolice', 'SyncOfficers']));
  });

  it('run against the demo data without errors, with a partner key', async () => {
    for (const example of examples().filter((e) => e.run)) {
      const result = await gql(t.api, example.text, example.variables ?? {}, key);
      expect(result.errors ?? [], example.text).toEqual([]);
      expect(JSON.stringify(result.data)).not.toBe('{}');
    }
  });

  it('Accept-Language picks the language of `text`, as the Languages section says', async () => {
    const station = examples().find((e) => e.text.includes('query StationBySlug'));
    if (!station) throw new Error('no StationBySlug example');
    const locale = async (language: string) => {
      const result = await gql<{ station: { openingHours: { locale: string } } }>(t.api, station.text, station.variables ?? {}, { ...key, 'accept-language': language });
      return result.data?.station.openingHours.locale;
    };
    expect(await locale('zh-CN,zh;q=0.9')).toBe('ZH');
    expect(await locale('en-GB,en;q=0.9')).toBe('EN');
  });
});
