import { GraphQLInt, GraphQLList, GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationComplexityMemo } from '../src/limits/operation-complexity.ts';

/** A schema whose `items(n)` costs `n` when `byArgument`, a constant 5 otherwise. */
function schemaWith(byArgument: boolean): GraphQLSchema {
  const Item = new GraphQLObjectType({ name: 'Item', fields: { name: { type: GraphQLString } } });
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        items: {
          type: new GraphQLList(Item),
          args: { n: { type: GraphQLInt }, label: { type: GraphQLString } },
          extensions: { complexity: byArgument ? (args: { n: number }) => ({ field: args.n, multiplier: 1 }) : { field: 5, multiplier: 1 } },
        },
      },
    }),
  });
}

const document = parse('query Q($n: Int, $label: String) { items(n: $n, label: $label) { name } } query Other { items(n: 100) { name } }');

describe('operation complexity, remembered', () => {
  it('measures again for other variables where a field\'s complexity reads its arguments', () => {
    const measure = operationComplexityMemo();
    const schema = schemaWith(true);
    expect(measure(document, 'Q', schema, {}, { n: 2 }).complexity).toBe(3);
    expect(measure(document, 'Q', schema, {}, { n: 40 }).complexity).toBe(41);
    expect(measure(document, 'Q', schema, {}, { n: 2 }).complexity).toBe(3);
    expect(measure(document, 'Other', schema, {}, {}).complexity).toBe(101);
  });

  it('measures each operation of a document once where no complexity reads arguments, whatever the variables', () => {
    const measure = operationComplexityMemo();
    const schema = schemaWith(false);
    const first = measure(document, 'Q', schema, {}, { n: 2, label: 'a' });
    expect(first).toEqual({ complexity: 6, depth: 2, breadth: 2 });
    expect(measure(document, 'Q', schema, {}, { n: 40, label: 'b' })).toBe(first);
    expect(measure(document, 'Other', schema, {}, {})).not.toBe(first);
  });
});
