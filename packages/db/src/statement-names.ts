/**
 * Names for the SQL statements Prisma sends to PostgreSQL, so that each pool connection
 * prepares a statement once and then only binds and executes it: PostgreSQL skips parsing,
 * and after five runs may keep a generic plan instead of planning every time. Planning a
 * relation-join read (a station page is one statement of 40 joins and JSON aggregates) costs
 * PostgreSQL more CPU than running it.
 *
 * Each distinct text gets one name for the life of the process. Prepared statements live as
 * long as their connection, in this process and in its PostgreSQL backend, so only the first
 * `limit` distinct texts are named; later ones run unnamed (parsed and planned each time, as
 * without this), which bounds the memory whatever texts Prisma generates (an `IN` list makes
 * one text per length).
 */
export function statementNames(limit = 500): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  return ({ sql }) => {
    const known = names.get(sql);
    // '' is PostgreSQL's unnamed statement (and `pg` prepares nothing under that name).
    if (known !== undefined || names.size >= limit) return known ?? '';
    const name = `openstation_${names.size + 1}`;
    names.set(sql, name);
    return name;
  };
}
