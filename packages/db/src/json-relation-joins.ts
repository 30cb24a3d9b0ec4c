import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, SqlQueryable } from '@prisma/driver-adapter-utils';

const JSONB_ROW_BUILDERS = /\bJSONB_(BUILD_OBJECT|AGG)\(/g;
/** The column name Prisma gives the JSON of a relation it joins. */
const RELATION_DATA = '"__prisma_data__"';

/**
 * A statement as sent: Prisma's relation joins (one statement for a record and its relations)
 * build every nested row with `JSONB_BUILD_OBJECT` and every list with `JSONB_AGG`, so
 * PostgreSQL converts each value into jsonb's binary form, sorts the keys, and converts it
 * all back to text for the client. `JSON_BUILD_OBJECT` and `JSON_AGG` write the same JSON text
 * directly: a station page's statement used a quarter less of PostgreSQL's CPU (0.73 → 0.55 ms,
 * docs/performance.md). Prisma reads the nested rows back by key (jsonb's sorted keys are not
 * relied on; a key given twice has one value), and both types reach it as text.
 *
 * Only statements that join relations are rewritten (raw SQL is sent as written), and Prisma
 * puts values in parameters, never in the statement's text, so only its own calls match.
 */
export function relationJoinSql(sql: string): string {
  if (!sql.includes(RELATION_DATA)) return sql;
  const known = rewritten.get(sql.length);
  if (known) for (const entry of known) if (entry.sql === sql) return entry.sent;
  const sent = sql.replace(JSONB_ROW_BUILDERS, 'JSON_$1(');
  if (remembered < REMEMBERED_TEXTS) {
    remembered++;
    if (known) known.push({ sql, sent });
    else rewritten.set(sql.length, [{ sql, sent }]);
  }
  return sent;
}

/**
 * Rewritten texts, by length: Prisma builds a statement's text anew for every query, and
 * comparing it with the one or two known texts of its length costs less than rewriting it;
 * the same string sent each time is also found at once by the statement names and `pg`'s
 * check of what a connection has prepared. At most `REMEMBERED_TEXTS` are kept.
 */
const rewritten = new Map<number, { sql: string; sent: string }[]>();
const REMEMBERED_TEXTS = 500;
let remembered = 0;

/** The same queryable, sending `relationJoinSql` of each statement; every other member is the target's own. */
function rewriting<T extends SqlQueryable>(target: T, wrap: (key: PropertyKey, value: unknown) => unknown = () => undefined): T {
  const queryRaw = (query: SqlQuery) => target.queryRaw({ ...query, sql: relationJoinSql(query.sql) });
  const executeRaw = (query: SqlQuery) => target.executeRaw({ ...query, sql: relationJoinSql(query.sql) });
  return new Proxy(target, {
    get(object, key) {
      if (key === 'queryRaw') return queryRaw;
      if (key === 'executeRaw') return executeRaw;
      const value: unknown = Reflect.get(object, key, object);
      const wrapped = wrap(key, value);
      if (wrapped !== undefined) return wrapped;
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}

function rewritingAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return rewriting(adapter, (key) =>
    key === 'startTransaction' ? async (...args: Parameters<SqlDriverAdapter['startTransaction']>) => rewriting(await adapter.startTransaction(...args)) : undefined,
  );
}

/** A driver adapter factory whose connections (and their transactions) send `relationJoinSql` of Prisma's statements. */
export function jsonRelationJoins<F extends SqlDriverAdapterFactory>(factory: F): F {
  return new Proxy(factory, {
    get(object, key) {
      if (key === 'connect') return async () => rewritingAdapter(await object.connect());
      const value: unknown = Reflect.get(object, key, object);
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}
