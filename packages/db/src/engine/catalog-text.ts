import type pg from 'pg';

/**
 * PostgreSQL catalog types the schema engine reads while describing a schema, which
 * @prisma/adapter-pg cannot map to a column type: `"char"`, `name`, `int2vector`,
 * `regproc`, `oidvector`, `pg_node_tree`, `regclass`, `regtype`. `pg` returns all of them
 * as unparsed strings, so reporting them as `text` is exact.
 */
const CATALOG_TYPE_OIDS: ReadonlySet<number> = new Set([18, 19, 22, 24, 30, 194, 2205, 2206]);
const TEXT_OID = 25;

type Callback = (error: unknown, result: unknown) => void;
type QueryFunction = (...args: unknown[]) => unknown;

function relabelFields(result: unknown): void {
  if (Array.isArray(result)) {
    for (const item of result) relabelFields(item);
    return;
  }
  if (typeof result !== 'object' || result === null) return;
  const fields: unknown = Reflect.get(result, 'fields');
  if (!Array.isArray(fields)) return;
  for (const field of fields) {
    if (typeof field === 'object' && field !== null && CATALOG_TYPE_OIDS.has(Number(Reflect.get(field, 'dataTypeID')))) {
      Reflect.set(field, 'dataTypeID', TEXT_OID);
    }
  }
}

/**
 * Makes one pooled connection report catalog-typed result columns as `text`. Attach to a
 * pool's `connect` event; it touches only the pools this engine process creates.
 */
export function reportCatalogTypesAsText(client: pg.PoolClient): void {
  const query = client.query.bind(client) as QueryFunction;
  const relabellingQuery: QueryFunction = (...args) => {
    const last = args.at(-1);
    if (typeof last === 'function') {
      const callback = last as Callback;
      args[args.length - 1] = (error: unknown, result: unknown): void => {
        relabelFields(result);
        callback(error, result);
      };
      return query(...args);
    }
    const pending = query(...args);
    if (pending instanceof Promise) {
      return pending.then((result: unknown) => {
        relabelFields(result);
        return result;
      });
    }
    return pending;
  };
  client.query = relabellingQuery as pg.PoolClient['query'];
}
