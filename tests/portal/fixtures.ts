/** A demo station whose open survey the portal tests' set-up takes back to draft, so that its survey page has none open. */
export const STATION_WITHOUT_OPEN_SURVEY = 'toutunhe';

/** The China date `offset` days from today, `YYYY-MM-DD`. */
export const chinaDayFromToday = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

/** An hours exception the set-up adds, as the tests expect to see it. */
export interface HoursExceptionFixture {
  startsOn: string;
  endsOn: string;
  closed: boolean;
  opens: string | null;
  closes: string | null;
  noteZh: string;
  noteEn: string | null;
}

/**
 * Hours exceptions the set-up adds at {@link STATION_WITH_HOURS_EXCEPTIONS}, dated from the
 * day the set-up runs (the demo's own are for New Year 2027): one morning of holiday hours and
 * a two-day closure. The set-up computes them once and hands the same dates to the tests
 * (`inject('portalHoursExceptions')`): computed again in a test file after China midnight,
 * they were a day later than the portal built before it.
 */
export const STATION_WITH_HOURS_EXCEPTIONS = 'qianling';
export function hoursExceptionsFromToday(): HoursExceptionFixture[] {
  return [
    { startsOn: chinaDayFromToday(7), endsOn: chinaDayFromToday(7), closed: false, opens: '09:00', closes: '11:30', noteZh: '节假日服务：户籍室上午开放', noteEn: 'Holiday service: the registration office is open in the morning' },
    { startsOn: chinaDayFromToday(9), endsOn: chinaDayFromToday(10), closed: true, opens: null, closes: null, noteZh: '户籍室设备检修，暂停办理', noteEn: null },
  ];
}
