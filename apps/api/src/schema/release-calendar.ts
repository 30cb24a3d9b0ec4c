import { builder } from '../builder.ts';
import { type NextReport as NextReportDates, nextReport, nextSurvey, surveyDueOn } from '../release-calendar.ts';
import { campaignPhase, chinaToday, isoDate } from '../survey/calendar.ts';
import { Station } from './station.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

interface ReleaseShape {
  period: string;
  dueOn: string;
  today: string;
  opensOn?: Date | null;
  closesOn?: Date | null;
}

const releaseFields = {
  period: 'The period the release covers: `2026-Q4` for a report, `2027-H1` for a survey.',
  dueOn: 'The last day it is due (China time).',
  overdue: 'True when the due day has passed and it is not published yet.',
} as const;

const NextReport = builder.objectRef<NextReportDates & ReleaseShape>('NextReport').implement({
  description: 'A station\'s next quarterly report (季度工作报告): due by the end of the month after its quarter.',
  fields: (t) => ({
    year: t.exposeInt('year'),
    quarter: t.exposeInt('quarter'),
    period: t.exposeString('period', { description: releaseFields.period }),
    dueOn: t.field({ type: 'Date', description: releaseFields.dueOn, resolve: (r) => day(r.dueOn) }),
    overdue: t.boolean({ description: releaseFields.overdue, resolve: (r) => r.today > r.dueOn }),
  }),
});

const NextSurvey = builder.objectRef<ReleaseShape>('NextSurvey').implement({
  description: 'A station\'s next half-yearly resident evaluation (群众评议): it runs within its half-year.',
  fields: (t) => ({
    period: t.exposeString('period', { description: releaseFields.period }),
    dueOn: t.field({ type: 'Date', description: releaseFields.dueOn, resolve: (r) => day(r.dueOn) }),
    overdue: t.boolean({ description: releaseFields.overdue, resolve: (r) => r.today > r.dueOn }),
    opensOn: t.field({ type: 'Date', nullable: true, description: 'When it opens, once the station has published it.', resolve: (r) => r.opensOn ?? null }),
    closesOn: t.field({ type: 'Date', nullable: true, description: 'When it closes, once the station has published it.', resolve: (r) => r.closesOn ?? null }),
  }),
});

const ReleaseCalendar = builder.objectRef<{ report: NextReportDates & ReleaseShape; survey: ReleaseShape }>('ReleaseCalendar').implement({
  description: 'What a station publishes next and by when: its release calendar, announced ahead.',
  fields: (t) => ({
    nextReport: t.field({ type: NextReport, resolve: (c) => c.report }),
    nextSurvey: t.field({ type: NextSurvey, resolve: (c) => c.survey }),
  }),
});

builder.objectField(Station, 'releaseCalendar', (t) =>
  t.field({
    type: ReleaseCalendar,
    description: 'The station\'s next quarterly report and next resident survey, with the days they are due; as of `on` (default: today in China).',
    args: { on: t.arg({ type: 'Date', description: 'The day to compute the calendar for (China time).' }) },
    resolve: async (station, args, ctx) => {
      const today = args.on ? isoDate(args.on) : chinaToday();
      const [latestReport, latestCampaign] = await Promise.all([
        ctx.prisma.workReport.findFirst({
          where: { stationId: station.id, status: 'PUBLISHED' },
          orderBy: [{ year: 'desc' }, { quarter: 'desc' }],
          select: { year: true, quarter: true },
        }),
        ctx.prisma.surveyCampaign.findFirst({
          where: { stationId: station.id, status: 'PUBLISHED' },
          orderBy: { period: 'desc' },
          select: { period: true, opensOn: true, closesOn: true },
        }),
      ]);
      // A published survey that has not closed yet is the next one; after it closes, the half-year after it.
      const running = latestCampaign && campaignPhase(latestCampaign, today) !== 'CLOSED' ? latestCampaign : null;
      const survey = running
        ? { period: running.period, dueOn: surveyDueOn(running.period), opensOn: running.opensOn, closesOn: running.closesOn }
        : nextSurvey(latestCampaign?.period ?? null, today);
      return { report: { ...nextReport(latestReport, today), today }, survey: { ...survey, today } };
    },
  }),
);
