import { localId } from '@openstation/site/global-id';
import type { Row, Table } from './open-data.ts';
import type { ClosedSurvey, SiteData } from './site-data.ts';
import { isLowSample } from './survey-caveat.ts';

/**
 * One row per published figure of a closed survey: the station's indicators, then each
 * area's (a suppressed area is one row with no figures). Aggregates only: no answer and
 * no written comment is in the published results, so none can be here.
 */
export function surveyResultRows(stationSlug: string, { survey, results }: ClosedSurvey): Row[] {
  const base = { station_slug: stationSlug, campaign_period: survey.period };
  const stationRows = results.indicators.map((r) => ({
    ...base, scope: 'station', area_id: null, suppressed: false, indicator: r.indicator, answers: r.n, mean: r.mean,
    counted: r.share.n, satisfied: r.share.count, share: r.share.share, ci_low: r.share.low, ci_high: r.share.high,
    low_sample: isLowSample(r.share), change_share: r.change?.delta ?? null, change_beyond_intervals: r.change?.exceedsIntervals ?? null,
  }));
  const areaRows = results.areas.flatMap((a): Row[] => {
    const where = { ...base, scope: a.area ? 'area' : 'no_area', area_id: a.area ? localId(a.area.id) : null };
    const none = { answers: null, mean: null, counted: null, satisfied: null, share: null, ci_low: null, ci_high: null, low_sample: null, change_share: null, change_beyond_intervals: null };
    if (a.suppressed || !a.indicators) return [{ ...where, suppressed: true, indicator: null, ...none }];
    return a.indicators.map((r) => ({
      ...where, suppressed: false, indicator: r.indicator, ...none, answers: r.n, mean: r.mean,
      counted: r.share.n, satisfied: r.share.count, share: r.share.share, ci_low: r.share.low, ci_high: r.share.high, low_sample: isLowSample(r.share),
    }));
  });
  return [...stationRows, ...areaRows];
}

/** The address of one station's results of one survey as `csv` or `json`. */
export function surveyDownloadPath(stationSlug: string, period: string, format: 'csv' | 'json'): string {
  return `/data/survey/${stationSlug}-${period.toLowerCase()}.${format}`;
}

export const SURVEY_CAMPAIGNS: Table = {
  name: 'survey_campaigns',
  fields: [
    { name: 'station_slug' }, { name: 'campaign_period' }, { name: 'title_zh' }, { name: 'title_en' }, { name: 'opens_on', unit: 'unit.date' },
    { name: 'closes_on', unit: 'unit.date' }, { name: 'access_mode' }, { name: 'responses', unit: 'unit.responses' }, { name: 'previous_period' },
  ],
  rows: (d: SiteData) =>
    d.stations.flatMap((b) =>
      b.closedSurveys.map(({ survey, results }) => ({
        station_slug: b.station.slug, campaign_period: survey.period, title_zh: survey.title.zh, title_en: survey.title.en,
        opens_on: survey.opensOn, closes_on: survey.closesOn, access_mode: survey.accessMode, responses: results.responses,
        previous_period: b.closedSurveys.find((c) => c.survey.campaignId === results.previousCampaign?.id)?.survey.period ?? null,
      })),
    ),
};

export const SURVEY_RESULTS: Table = {
  name: 'survey_results',
  fields: [
    { name: 'station_slug' }, { name: 'campaign_period' }, { name: 'scope' }, { name: 'area_id' }, { name: 'suppressed' }, { name: 'indicator' },
    { name: 'answers', unit: 'unit.answers' }, { name: 'mean', unit: 'unit.score' }, { name: 'counted', unit: 'unit.answers' },
    { name: 'satisfied', unit: 'unit.answers' }, { name: 'share', unit: 'unit.ratio' }, { name: 'ci_low', unit: 'unit.ratio' },
    { name: 'ci_high', unit: 'unit.ratio' }, { name: 'low_sample' }, { name: 'change_share', unit: 'unit.ratio' }, { name: 'change_beyond_intervals' },
  ],
  rows: (d: SiteData) => d.stations.flatMap((b) => b.closedSurveys.flatMap((c) => surveyResultRows(b.station.slug, c))),
};
