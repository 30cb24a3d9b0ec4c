import { describe, expect, it } from 'vitest';
import { nextReport, nextSurvey, surveyDueOn } from '../src/release-calendar.ts';
import { gqlOk } from '../../../tests/support/graphql.ts';
import { useTestApi } from '../../../tests/support/test-api.ts';

describe('release calendar rules', () => {
  it('the next report is the quarter after the latest published one, due by the end of the month after it', () => {
    expect(nextReport({ year: 2026, quarter: 3 }, '2026-12-02')).toEqual({ year: 2026, quarter: 4, period: '2026-Q4', dueOn: '2027-01-31' });
    expect(nextReport({ year: 2026, quarter: 4 }, '2026-12-02')).toMatchObject({ period: '2027-Q1', dueOn: '2027-04-30' });
    expect(nextReport({ year: 2027, quarter: 1 }, '2027-05-01')).toMatchObject({ period: '2027-Q2', dueOn: '2027-07-31' });
    // With nothing published: the quarter that ended last.
    expect(nextReport(null, '2026-12-02')).toMatchObject({ period: '2026-Q3', dueOn: '2026-10-31' });
    expect(nextReport(null, '2027-01-01')).toMatchObject({ period: '2026-Q4', dueOn: '2027-01-31' });
  });

  it('the next survey is the half-year after the latest published one, due by its last day', () => {
    expect(nextSurvey('2026-H2', '2026-12-02')).toEqual({ period: '2027-H1', dueOn: '2027-06-30' });
    expect(nextSurvey('2026-H1', '2026-12-02')).toEqual({ period: '2026-H2', dueOn: '2026-12-31' });
    expect(nextSurvey(null, '2026-03-02')).toEqual({ period: '2026-H1', dueOn: '2026-06-30' });
    expect(surveyDueOn('2027-H2')).toBe('2027-12-31');
  });
});

describe('Station.releaseCalendar', () => {
  const t = useTestApi();

  it('answers each station\'s next report and survey from what it has published, as of a given day', async () => {
    const on = '2026-12-02';
    const { stations } = await gqlOk<{
      stations: { edges: { node: { slug: string; releaseCalendar: { nextReport: Record<string, unknown>; nextSurvey: Record<string, unknown> } } }[] };
    }>(
      t.api,
      'query ($on: Date) { stations(first: 100) { edges { node { slug releaseCalendar(on: $on) { nextReport { period dueOn overdue } nextSurvey { period dueOn overdue opensOn closesOn } } } } } }',
      { on },
    );
    expect(stations.edges.length).toBeGreaterThan(0);
    for (const { node } of stations.edges) {
      const station = await t.db.prisma.station.findUniqueOrThrow({ where: { slug: node.slug }, select: { id: true } });
      const latest = await t.db.prisma.workReport.findFirst({ where: { stationId: station.id, status: 'PUBLISHED' }, orderBy: [{ year: 'desc' }, { quarter: 'desc' }] });
      const expected = nextReport(latest, on);
      expect(node.releaseCalendar.nextReport).toEqual({ period: expected.period, dueOn: expected.dueOn, overdue: on > expected.dueOn });
      const campaigns = await t.db.prisma.surveyCampaign.findMany({ where: { stationId: station.id, status: 'PUBLISHED' }, orderBy: { period: 'desc' }, take: 1 });
      const campaign = campaigns[0];
      const open = campaign && campaign.closesOn.toISOString().slice(0, 10) >= on;
      if (open) {
        expect(node.releaseCalendar.nextSurvey).toMatchObject({ period: campaign.period, opensOn: campaign.opensOn.toISOString().slice(0, 10), overdue: false });
      } else {
        expect(node.releaseCalendar.nextSurvey).toMatchObject({ ...nextSurvey(campaign?.period ?? null, on), opensOn: null });
      }
    }
  });
});
