/** The path of the release calendar page (Chinese; `localePath` gives the English one). */
export const CALENDAR_PATH = '/open-data/calendar/';
/** The iCalendar feed of the same dates. */
export const CALENDAR_FEED_PATH = '/open-data/calendar.ics';
