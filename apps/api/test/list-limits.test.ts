import { readFileSync } from 'node:fs';
import { isInputObjectType, isListType, isNonNullType, isObjectType, type GraphQLInputType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { LIST_LIMITS } from '../src/limits/list-limits.ts';
import { schema } from '../src/schema/index.ts';

const isList = (type: GraphQLInputType) => isListType(isNonNullType(type) ? type.ofType : type);

/** Every list argument (`Type.field(argument)`) and list input field (`Type.field`) of the schema. */
function schemaLists(): string[] {
  const lists: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (isList(field.type)) lists.push(`${type.name}.${field.name}`);
    } else if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        for (const argument of field.args) if (isList(argument.type)) lists.push(`${type.name}.${field.name}(${argument.name})`);
      }
    }
  }
  return lists.sort();
}

describe('every list argument and list input field has a documented maximum', () => {
  it('LIST_LIMITS names exactly the lists of the schema', () => {
    expect(Object.keys(LIST_LIMITS).sort()).toEqual(schemaLists());
  });

  it('docs/errors.md lists each maximum', () => {
    const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
    for (const [list, max] of Object.entries(LIST_LIMITS)) {
      expect(doc, list).toContain(`| \`${list}\` | ${max.toLocaleString('en')} |`);
    }
  });
});
