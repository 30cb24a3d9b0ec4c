import type { OpeningHoursSpecification } from 'schema-dts';
import { type Lang, t } from '@openstation/site/i18n';
import { formatDays, formatTime } from '@openstation/site/format';
import { plain } from '@openstation/site/localized';
import type { HoursException } from '../data/stations.ts';

/**
 * A station's holiday hours and closures, as residents read them beside the regular hours
 * and as schema.org's `specialOpeningHoursSpecification`.
 */

/**
 * The days and the hours of an exception, to be read as `1月1日周五：9:00–12:00` /
 * `1 – 3 Jan: closed`; the year only when it is not the build year.
 */
export function hoursExceptionParts(exception: HoursException, lang: Lang, today: Date): { days: string; hours: string } {
  const withYear = exception.endsOn.slice(0, 4) !== String(today.getUTCFullYear()) || exception.startsOn.slice(0, 4) !== exception.endsOn.slice(0, 4);
  const days = formatDays(exception.startsOn, exception.endsOn, lang, withYear);
  const hours = exception.closed || !exception.opens || !exception.closes ? t(lang, 'station.closedAllDay') : `${formatTime(exception.opens)}–${formatTime(exception.closes)}`;
  return { days, hours };
}

/**
 * An exception as an OpeningHoursSpecification valid from its first to its last day. schema.org
 * marks a day closed by `opens` and `closes` both `00:00`.
 */
export function specialOpeningHours(exception: HoursException, lang: Lang): OpeningHoursSpecification {
  const closed = exception.closed || !exception.opens || !exception.closes;
  return {
    '@type': 'OpeningHoursSpecification',
    validFrom: exception.startsOn,
    validThrough: exception.endsOn,
    opens: closed ? '00:00' : (exception.opens ?? '00:00'),
    closes: closed ? '00:00' : (exception.closes ?? '00:00'),
    description: plain(exception.note, lang),
  };
}
