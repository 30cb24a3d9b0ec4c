import { createServer } from 'node:http';
import pg from 'pg';

/**
 * The benchmark's baseline: the officer-directory query answered by a plain node:http
 * handler with hand-written SQL through `pg`, returning the same JSON as the GraphQL API.
 */
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.PG_POOL_MAX ?? 10) });
const SQL = `
  SELECT o.id, o.role, o."nameZh", o."nameEn", o."badgeNumber", o."dutyPhone",
         o."contactHoursZh", o."contactHoursEn", o."lastVerifiedOn"
  FROM "Officer" o JOIN "Station" s ON s.id = o."stationId"
  WHERE s.slug = $1 AND o."retiredAt" IS NULL
  ORDER BY o.id LIMIT 21`;

const server = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => {
    body += chunk.toString();
  });
  request.on('end', async () => {
    try {
      const { variables } = JSON.parse(body) as { variables: { stationSlug: string } };
      const { rows } = await pool.query(SQL, [variables.stationSlug]);
      const edges = rows.slice(0, 20).map((o) => ({
        node: {
          id: Buffer.from(`Officer:${o.id}`).toString('base64'),
          role: o.role,
          name: { text: o.nameZh },
          badgeNumber: o.badgeNumber,
          dutyPhone: o.dutyPhone,
          contactHours: o.contactHoursZh === null ? null : { text: o.contactHoursZh },
          lastVerifiedOn: o.lastVerifiedOn ? new Date(o.lastVerifiedOn).toISOString().slice(0, 10) : null,
        },
      }));
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ data: { officers: { edges } } }));
    } catch (error) {
      response.writeHead(500);
      response.end(String(error));
    }
  });
});

server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('baseline ready'));
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
