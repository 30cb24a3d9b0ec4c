import type { APIRoute, GetStaticPaths } from 'astro';
import { toCsv } from '../../../lib/open-data.ts';
import { siteData } from '../../../lib/site-data.ts';
import { SURVEY_RESULTS, surveyDownloadPath, surveyResultRows } from '../../../lib/survey-open-data.ts';

/** One station's published results of one closed survey, as CSV and JSON. */
export const getStaticPaths = (async () =>
  (await siteData()).stations.flatMap((b) =>
    b.closedSurveys.flatMap((closed) =>
      (['csv', 'json'] as const).map((format) => ({
        params: { file: surveyDownloadPath(b.station.slug, closed.survey.period, format).split('/').at(-1) },
        props: { slug: b.station.slug, closed, format },
      })),
    ),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { slug, closed, format } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  const rows = surveyResultRows(slug, closed);
  if (format === 'csv') {
    return new Response(toCsv(SURVEY_RESULTS, rows), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
  }
  const { survey, results } = closed;
  return new Response(
    JSON.stringify({
      table: SURVEY_RESULTS.name,
      station_slug: slug,
      campaign_period: survey.period,
      opens_on: survey.opensOn,
      closes_on: survey.closesOn,
      responses: results.responses,
      fields: SURVEY_RESULTS.fields.map((f) => f.name),
      rows,
    }),
    { headers: { 'content-type': 'application/json' } },
  );
};
