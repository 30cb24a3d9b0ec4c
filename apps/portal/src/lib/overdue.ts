/** A calendar quarter. */
export interface Quarter {
  year: number;
  quarter: number;
}

function index({ year, quarter }: Quarter): number {
  return year * 4 + (quarter - 1);
}

/** The quarter `date` falls in. */
export function quarterOf(date: Date): Quarter {
  return { year: date.getUTCFullYear(), quarter: Math.floor(date.getUTCMonth() / 3) + 1 };
}

/**
 * How many quarters a station's reporting is behind on `today`: the report on the quarter
 * just ended is due now, so 0 when the latest report covers the previous quarter (or later).
 */
export function quartersBehind(latest: Quarter, today: Date): number {
  return Math.max(0, index(quarterOf(today)) - 1 - index(latest));
}

/** A station is flagged when it is more than one quarter overdue. */
export function isOverdue(latest: Quarter | null, today: Date): boolean {
  return latest === null || quartersBehind(latest, today) > 1;
}

/** "Today" for the build: `PORTAL_TODAY` (YYYY-MM-DD) for reproducible builds, else the clock. */
export function buildDate(env: Record<string, string | undefined> = process.env): Date {
  const fixed = env.PORTAL_TODAY;
  return fixed ? new Date(`${fixed}T00:00:00Z`) : new Date();
}
