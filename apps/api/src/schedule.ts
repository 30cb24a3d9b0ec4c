import type { PrismaClient } from '@openstation/db';
import type { PublicChange, PublicChangeListener } from './domain/public-change.ts';
import { chinaToday } from './survey/calendar.ts';

/** Starts a timer that calls `callback` after `delayMs`; returns what cancels it. */
export type SetTimer = (callback: () => Promise<void>, delayMs: number) => () => void;

export interface DailyScheduleOptions {
  prisma: PrismaClient;
  /** Told of the day's date-driven changes (the portal rebuild queue, the webhook). */
  publicChanged: PublicChangeListener;
  /** The clock; tests pass their own. */
  now?: () => Date;
  /** The timer; tests pass their own so nothing really waits. */
  setTimer?: SetTimer;
  /** Where a failed check is reported (it is tried again at the next tick); `console.error` by default. */
  onError?: (error: unknown) => void;
}

export interface DailySchedule {
  /** Settles once the tick at start has run. */
  readonly started: Promise<void>;
  /** Cancels the next tick. */
  stop(): void;
}

/** What a tick announces: one change for every station, the portal rebuilds all of them. */
export const SCHEDULE_TICK: PublicChange = { action: 'schedule.tick', entityType: 'Schedule', stationId: null };

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Milliseconds from `now` to the next midnight in China (UTC+8, no daylight saving). */
export function msUntilChinaMidnight(now: Date): number {
  const china = now.getTime() + CHINA_OFFSET_MS;
  return (Math.floor(china / DAY_MS) + 1) * DAY_MS - china;
}

const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const quarterOf = (iso: string) => `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;

/**
 * What changed by date between the China days `since` (exclusive) and `today` (inclusive):
 * `quarter` when a quarter began (reports fall due, overdue flags change), `opened` when a
 * published campaign opened, `closed` when one closed (its results became public), `hours`
 * when a station's holiday hours or closure ended (the station home stops showing it).
 */
export async function changesByDate(prisma: PrismaClient, since: string, today: string): Promise<Array<'quarter' | 'opened' | 'closed' | 'hours'>> {
  if (today <= since) return [];
  const [opened, closed, hoursEnded] = await Promise.all([
    prisma.surveyCampaign.count({ where: { status: 'PUBLISHED', opensOn: { gt: asDate(since), lte: asDate(today) } } }),
    prisma.surveyCampaign.count({ where: { status: 'PUBLISHED', closesOn: { gte: asDate(since), lt: asDate(today) } } }),
    prisma.stationHoursException.count({ where: { endsOn: { gte: asDate(since), lt: asDate(today) } } }),
  ]);
  return [
    ...(quarterOf(since) === quarterOf(today) ? [] : ['quarter' as const]),
    ...(opened > 0 ? ['opened' as const] : []),
    ...(closed > 0 ? ['closed' as const] : []),
    ...(hoursEnded > 0 ? ['hours' as const] : []),
  ];
}

const defaultTimer: SetTimer = (callback, delayMs) => {
  const timer = setTimeout(() => void callback(), delayMs);
  timer.unref();
  return () => clearTimeout(timer);
};

/**
 * Checks, at start and then at each midnight in China, whether a published survey opened or
 * closed by date, a quarter began or holiday hours ended since the previous check (at start: since yesterday),
 * and if so announces one public change, {@link SCHEDULE_TICK}, so the portal is rebuilt on
 * the day it changes although nobody changed anything. Call it once the API is created, with
 * the listener the API announces to; call `stop()` on shutdown.
 */
export function startDailySchedule({ prisma, publicChanged, now = () => new Date(), setTimer = defaultTimer, onError }: DailyScheduleOptions): DailySchedule {
  let checkedUpTo = chinaToday(new Date(now().getTime() - DAY_MS));
  let cancel: (() => void) | null = null;
  let stopped = false;

  const report = onError ?? ((error: unknown) => console.error('The daily schedule could not check for date changes:', error));

  async function tick(): Promise<void> {
    cancel = null;
    const today = chinaToday(now());
    try {
      if ((await changesByDate(prisma, checkedUpTo, today)).length > 0) publicChanged(SCHEDULE_TICK);
      if (today > checkedUpTo) checkedUpTo = today;
    } catch (error) {
      report(error);
    }
    if (!stopped) cancel = setTimer(tick, msUntilChinaMidnight(now()));
  }

  return {
    started: tick(),
    stop() {
      stopped = true;
      cancel?.();
      cancel = null;
    },
  };
}
