/** A demo station whose open survey the portal tests' set-up takes back to draft, so that its survey page has none open. */
export const STATION_WITHOUT_OPEN_SURVEY = 'toutunhe';
