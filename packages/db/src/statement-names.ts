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
  // Keyed by length, then compared: Prisma builds each statement's text anew for every query,
  // and a Map keyed by the text would hash all of it (kilobytes) every time, where comparing
  // it with the one or two known texts of its length is a memory comparison.
  const byLength = new Map<number, { sql: string; name: string }[]>();
  let count = 0;
  return ({ sql }) => {
    const known = byLength.get(sql.length);
    if (known) for (const entry of known) if (entry.sql === sql) return entry.name;
    // '' is PostgreSQL's unnamed statement (and `pg` prepares nothing under that name).
    if (count >= limit) return '';
    const name = `openstation_${++count}`;
    if (known) known.push({ sql, name });
    else byLength.set(sql.length, [{ sql, name }]);
    return name;
  };
}
