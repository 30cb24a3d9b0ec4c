import type { APIRoute } from 'astro';
import { apiClient } from '../../../lib/api.ts';
import { chinaToday } from '../../../lib/compliance.ts';
import { CSV_KINDS, type CsvKind, EXPORT_CSV } from '../../../lib/csv-queries.ts';
import { csvFileName } from '../../../lib/csv-report.ts';

/** A list as a CSV file to save (`?kind=OFFICERS&station=zhuze`); the API decides what the person may export. */
export const GET: APIRoute = async ({ locals, url }) => {
  const { host, session, staff } = locals;
  if (!staff) return new Response('Sign in first.', { status: 401 });
  const kind = url.searchParams.get('kind') ?? '';
  if (!(CSV_KINDS as readonly string[]).includes(kind)) return new Response('Unknown kind of list.', { status: 400 });
  const station = url.searchParams.get('station') || null;
  const answer = await apiClient(host, session.token).query(EXPORT_CSV, { kind: kind as CsvKind, station });
  if (!answer.ok) {
    const code = answer.problems[0]?.code;
    return new Response(answer.problems.map((p) => p.message).join('\n'), { status: code === 'FORBIDDEN' ? 403 : code === 'NOT_FOUND' ? 404 : 400 });
  }
  return new Response(answer.data.exportCsv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${csvFileName(kind, station, chinaToday())}"`,
    },
  });
};
