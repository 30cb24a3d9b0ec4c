import cluster from 'node:cluster';
import { createServer } from 'node:http';
import pg from 'pg';

/**
 * The benchmark's baseline: each benchmark operation answered by a plain node:http handler
 * with hand-written SQL through `pg` (one statement each), returning the same JSON as the
 * GraphQL API (Chinese texts, as the API answers without `Accept-Language`). `bench:api`
 * checks the answers are equal before it measures anything.
 */
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.PG_POOL_MAX ?? 10) });

const OFFICER_DIRECTORY_SQL = `
  SELECT o.id, o.role, o."nameZh", o."nameEn", o."badgeNumber", o."dutyPhone",
         o."contactHoursZh", o."contactHoursEn", o."lastVerifiedOn"
  FROM "Officer" o JOIN "Station" s ON s.id = o."stationId"
  WHERE s.slug = $1 AND o."retiredAt" IS NULL
  ORDER BY o.id LIMIT 21`;

/** The station, its honours, its first 20 current areas with their current officers, as JSON. */
const STATION_PAGE_SQL = `
  SELECT json_build_object(
    'name', json_build_object('text', s."nameZh"),
    'dutyPhone', s."dutyPhone",
    'address', json_build_object('text', s."addressZh"),
    'honours', COALESCE((
      SELECT json_agg(json_build_object('title', json_build_object('text', h."titleZh"), 'year', h.year) ORDER BY h.year, h.id)
      FROM "Honour" h WHERE h."stationId" = s.id), '[]'::json),
    'areas', json_build_object('edges', COALESCE((
      SELECT json_agg(json_build_object('node', json_build_object(
        'name', json_build_object('text', a."nameZh"),
        'kind', a.kind,
        'assignments', COALESCE((
          SELECT json_agg(json_build_object('isPrimary', oa."isPrimary",
                   'officer', json_build_object('name', json_build_object('text', o."nameZh"), 'dutyPhone', o."dutyPhone"))
                 ORDER BY oa."isPrimary" DESC, o.role, oa.id)
          FROM "OfficerAssignment" oa JOIN "Officer" o ON o.id = oa."officerId"
          WHERE oa."areaId" = a.id AND o."retiredAt" IS NULL), '[]'::json))) ORDER BY a.id)
      FROM (SELECT * FROM "Area" WHERE "stationId" = s.id AND "retiredAt" IS NULL ORDER BY id LIMIT 20) a), '[]'::json))
  ) AS station
  FROM "Station" s WHERE s.slug = $1`;

/** The latest current published report, with each metric's value for the same quarter a year earlier. */
const LATEST_REPORT_SQL = `
  WITH r AS (
    SELECT w.* FROM "WorkReport" w JOIN "Station" s ON s.id = w."stationId"
    WHERE s.slug = $1 AND w.status = 'PUBLISHED' AND w."supersededAt" IS NULL
    ORDER BY w.year DESC, w.quarter DESC, w.revision DESC LIMIT 1
  )
  SELECT json_build_object(
    'period', r.year || '-Q' || r.quarter,
    'title', json_build_object('text', r."titleZh"),
    'sections', COALESCE((
      SELECT json_agg(json_build_object('heading', json_build_object('text', x."headingZh"), 'body', json_build_object('text', x."bodyZh")) ORDER BY x.position)
      FROM "ReportSection" x WHERE x."reportId" = r.id), '[]'::json),
    'metrics', COALESCE((
      SELECT json_agg(json_build_object(
               'metric', json_build_object('key', m.key, 'name', json_build_object('text', m."nameZh"), 'unit', json_build_object('text', m."unitZh")),
               'value', v.value,
               'before', (SELECT pv.value FROM "MetricValue" pv JOIN "WorkReport" pw ON pw.id = pv."reportId"
                          WHERE pw."stationId" = r."stationId" AND pw.year = r.year - 1 AND pw.quarter = r.quarter
                            AND pw.status = 'PUBLISHED' AND pw."supersededAt" IS NULL AND pv."metricId" = v."metricId"
                          ORDER BY pw.revision DESC LIMIT 1))
             ORDER BY m.position, v.id)
      FROM "MetricValue" v JOIN "Metric" m ON m.id = v."metricId" WHERE v."reportId" = r.id), '[]'::json),
    'priorities', COALESCE((
      SELECT json_agg(json_build_object(
               'issue', json_build_object('text', p."issueZh"),
               'action', CASE WHEN p."actionZh" IS NULL THEN NULL ELSE json_build_object('text', p."actionZh") END,
               'raisedOn', p."raisedOn", 'actionOn', p."actionOn") ORDER BY p.position)
      FROM "ReportPriority" p WHERE p."reportId" = r.id), '[]'::json)
  ) AS report
  FROM r`;

interface RawMetric {
  metric: unknown;
  value: number;
  before: number | null;
}

type Handler = (variables: Record<string, string>) => Promise<unknown>;

const handlers: Record<string, Handler> = {
  async OfficerDirectory({ stationSlug }) {
    const { rows } = await pool.query(OFFICER_DIRECTORY_SQL, [stationSlug]);
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
    return { officers: { edges } };
  },
  async StationPage({ slug }) {
    const { rows } = await pool.query(STATION_PAGE_SQL, [slug]);
    return { station: rows[0]?.station ?? null };
  },
  async LatestReport({ stationSlug }) {
    const { rows } = await pool.query(LATEST_REPORT_SQL, [stationSlug]);
    const report = rows[0]?.report as { metrics: RawMetric[] } | undefined;
    if (!report) return { latestReport: null };
    const metrics = report.metrics.map(({ metric, value, before }) => ({
      metric,
      value,
      sameQuarterLastYear: before,
      changePercent: before === null || before === 0 ? null : Math.round(((value - before) / before) * 10000) / 100,
    }));
    return { latestReport: { ...report, metrics } };
  },
};

const server = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => {
    body += chunk.toString();
  });
  request.on('end', async () => {
    try {
      const { query, variables } = JSON.parse(body) as { query: string; variables: Record<string, string> };
      const handler = handlers[/query\s+(\w+)/.exec(query)?.[1] ?? ''];
      if (!handler) throw new Error('unknown operation');
      const data = await handler(variables);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ data }));
    } catch (error) {
      response.writeHead(500);
      response.end(String(error));
    }
  });
});

/** `WORKERS` processes share the port (node:cluster), as the API does with `API_WORKERS`: `bench:api` gives both the same number. */
const workers = Number(process.env.WORKERS ?? 1);
if (workers > 1 && cluster.isPrimary) {
  let listening = 0;
  for (let i = 0; i < workers; i++) {
    cluster.fork().on('listening', () => {
      listening += 1;
      if (listening === workers) console.log(`baseline ready (${workers} processes)`);
    });
  }
  process.on('SIGTERM', () => {
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  });
} else {
  server.listen(Number(process.env.PORT), '127.0.0.1', () => {
    if (cluster.isPrimary) console.log('baseline ready');
  });
  process.on('SIGTERM', () => {
    server.close();
    void pool.end().then(() => process.exit(0));
  });
}
