import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';

/**
 * The partner contract (issue 13), read from the committed `schema.graphql` as a client
 * generator reads it. Deprecated fields are the old names kept for the deprecation period.
 */
const schema = buildSchema(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));

/** Lists that are not connections because their length is bounded by something else. */
const BOUNDED_LISTS: Record<string, string> = {
  'CsvImportReport.issues': 'one upload, at most the CSV row limit',
  'CsvImportReport.outcomes': 'one upload, at most the CSV row limit',
  'MediationStats.rows': 'one row per category, source or status',
  'Mutation.registerTrustedOperations': 'the operations of one document sent',
  'Query.metrics': 'the metric catalogue, a fixed set of definitions',
  'StaffUser.stations': 'the stations of one bureau',
  'SurveyAreaResult.indicators': 'the fixed set of survey indicators',
  'SurveyCampaign.questions': 'the questions of one form (input limits)',
  'SurveyResponse.answers': 'one answer per question of a form',
  'SurveyResults.areas': 'the areas of one station',
  'SurveyResults.indicators': 'the fixed set of survey indicators',
  'SurveyResults.questions': 'the questions of one form',
  'WorkReport.metrics': 'one value per catalogue metric',
  'WorkReport.priorities': 'the priorities of one report (input limits)',
  'WorkReport.sections': 'the sections of one report (input limits)',
  'WorkReport.warnings': 'the content rules of one report',
};

const live = <T extends { deprecationReason?: string | null | undefined }>(items: readonly T[]) =>
  items.filter((item) => item.deprecationReason == null);

function objectTypes(s: GraphQLSchema): GraphQLObjectType[] {
  return Object.values(s.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__'));
}

function connectionFields(s: GraphQLSchema): [string, GraphQLField<unknown, unknown>][] {
  return objectTypes(s).flatMap((type) =>
    Object.values(type.getFields())
      .filter((field) => getNamedType(field.type).name.endsWith('Connection'))
      .map((field) => [`${type.name}.${field.name}`, field] as [string, GraphQLField<unknown, unknown>]),
  );
}

describe('the partner contract in schema.graphql', () => {
  it('gives one type to each field name across Node types (deprecated names aside)', () => {
    const node = schema.getType('Node');
    if (!isInterfaceType(node)) throw new Error('no Node interface');
    const typesByField = new Map<string, Set<string>>();
    for (const type of schema.getPossibleTypes(node)) {
      for (const field of live(Object.values(type.getFields()))) {
        typesByField.set(field.name, (typesByField.get(field.name) ?? new Set()).add(String(field.type)));
      }
    }
    const ambiguous = [...typesByField].filter(([, types]) => types.size > 1).map(([name, types]) => `${name}: ${[...types].join(' / ')}`);
    expect(ambiguous).toEqual([]);
  });

  it('describes every type and every root field', () => {
    const types = Object.values(schema.getTypeMap())
      .filter((t) => !t.name.startsWith('__') && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(t.name))
      .filter((t) => !t.description?.trim())
      .map((t) => t.name);
    const rootFields = [schema.getQueryType(), schema.getMutationType()].flatMap((root) =>
      Object.values(root?.getFields() ?? {})
        .filter((f) => !f.description?.trim())
        .map((f) => `${root?.name}.${f.name}`),
    );
    expect([...types, ...rootFields]).toEqual([]);
  });

  it('states the first/last rule in the description of every connection argument', () => {
    const connections = connectionFields(schema);
    expect(connections.length).toBeGreaterThan(10);
    const undescribed = connections.flatMap(([coordinate, field]) =>
      field.args
        .filter((arg) => ['first', 'last'].includes(arg.name))
        .filter((arg) => !/`first` or `last` \(1 to 100\)/.test(arg.description ?? ''))
        .map((arg) => `${coordinate}(${arg.name}:)`),
    );
    expect(undescribed).toEqual([]);
    const withoutBoth = connections.filter(([, f]) => !f.args.some((a) => a.name === 'first') || !f.args.some((a) => a.name === 'last'));
    expect(withoutBoth.map(([c]) => c)).toEqual([]);
  });

  it('pages every unbounded list (a connection, or a deprecated list with a connection beside it)', () => {
    const unpaged = objectTypes(schema)
      .filter((type) => !type.name.endsWith('Connection'))
      .flatMap((type) =>
        live(Object.values(type.getFields()))
          .filter((f) => isListType(getNullableType(f.type)) && isObjectType(getNamedType(f.type)))
          .map((f) => `${type.name}.${f.name}`),
      )
      .filter((coordinate) => !(coordinate in BOUNDED_LISTS));
    expect(unpaged).toEqual([]);
  });

  it('shares one edge type per node type across its connections', () => {
    const edgeNames = connectionFields(schema).map(([coordinate, field]) => {
      const connection = getNamedType(field.type) as GraphQLObjectType;
      const edge = getNamedType(connection.getFields().edges!.type);
      const node = getNamedType((edge as GraphQLObjectType).getFields().node!.type);
      return [coordinate, edge.name, `${node.name}Edge`];
    });
    expect(edgeNames.filter(([, edge, expected]) => edge !== expected)).toEqual([]);
  });
});
