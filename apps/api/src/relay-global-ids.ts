import { completeValue, RootFieldBuilder } from '@pothos/core';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { GraphQLResolveInfo } from 'graphql';

type Resolve = (parent: unknown, args: object, context: object, info: GraphQLResolveInfo) => unknown;

interface GlobalIDFieldBuilder {
  builder: {
    options: { relay?: { encodeGlobalID?: (typename: string, id: string, context: object) => string } };
    configStore: { getTypeConfig(ref: unknown): { name: string } };
  };
  field(options: object): unknown;
}

/**
 * `t.globalID` as plugin-relay 4.8 defines it, minus its `async`: that resolver makes every
 * node's `id` a promise, so each object of a list waits on its own promise (about a tenth of
 * the officer directory's CPU time). The inner resolvers are synchronous (`completeValue`),
 * so the encoded ID is now returned directly; an inner promise is still awaited. Same IDs,
 * same errors. Imported by `builder.ts` before any type is defined.
 */
function globalID(this: GlobalIDFieldBuilder, { resolve, ...options }: { resolve: Resolve }): unknown {
  return this.field({
    ...options,
    type: 'ID',
    resolve: (parent: unknown, args: object, context: object, info: GraphQLResolveInfo) =>
      completeValue(resolve(parent, args, context, info), (result) => {
        if (!result || typeof result !== 'object') return result;
        const item = result as { type: unknown; id: unknown };
        const typename = this.builder.configStore.getTypeConfig(item.type).name;
        const encode = this.builder.options.relay?.encodeGlobalID;
        return encode ? encode(typename, String(item.id), context) : encodeGlobalID(typename, String(item.id));
      }),
  });
}

(RootFieldBuilder.prototype as unknown as { globalID: typeof globalID }).globalID = globalID;
