import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicChange } from '../src/domain/public-change.ts';
import { msUntilChinaMidnight, SCHEDULE_TICK, type SetTimer, startDailySchedule } from '../src/schedule.ts';
import { openTestDatabase, type TestDatabase } from '../../../tests/support/test-database.ts';

/** A China-time moment (`2033-05-10 23:00`) as a Date. */
const china = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A clock and a timer driven by the test: nothing really waits. */
function fakeTime(start: string) {
  let now = china(start);
  const pending: Array<{ callback: () => Promise<void>; at: number; cancelled: boolean }> = [];
  const setTimer: SetTimer = (callback, delayMs) => {
    const timer = { callback, at: now.getTime() + delayMs, cancelled: false };
    pending.push(timer);
    return () => {
      timer.cancelled = true;
    };
  };
  return {
    now: () => now,
    setTimer,
    /** The live timers' due times, as China time. */
    due: () => pending.filter((t) => !t.cancelled).map((t) => new Date(t.at + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')),
    /** Moves the clock to `local` and runs every timer due by then, as a late process would. */
    async advance(local: string) {
      now = china(local);
      for (;;) {
        const next = pending.find((t) => !t.cancelled && t.at <= now.getTime());
        if (!next) return;
        next.cancelled = true;
        await next.callback();
      }
    },
  };
}

describe('the daily schedule', () => {
  let db: TestDatabase;
  let stationId: number;
  beforeAll(async () => {
    db = await openTestDatabase();
    stationId = (await db.prisma.station.findFirstOrThrow({ orderBy: { id: 'asc' } })).id;
  });
  afterAll(() => db.close());

  function start(local: string) {
    const time = fakeTime(local);
    const changes: PublicChange[] = [];
    const schedule = startDailySchedule({ prisma: db.prisma, publicChanged: (c) => changes.push(c), now: time.now, setTimer: time.setTimer });
    return { time, changes, schedule };
  }

  const campaign = (period: string, opensOn: string, closesOn: string, status: 'DRAFT' | 'PUBLISHED' = 'PUBLISHED') =>
    db.prisma.surveyCampaign.create({ data: { stationId, period, titleZh: '定时测试', status, opensOn: date(opensOn), closesOn: date(closesOn) } });

  it('counts the time to the next China midnight', () => {
    expect(msUntilChinaMidnight(china('2033-05-10 23:00'))).toBe(3_600_000);
    expect(msUntilChinaMidnight(china('2033-05-10 00:00'))).toBe(86_400_000);
    expect(msUntilChinaMidnight(new Date('2033-05-10T15:59:59.000Z'))).toBe(1000);
  });

  it('announces nothing on a quiet day, and wakes at each China midnight', async () => {
    const { time, changes, schedule } = start('2033-05-10 23:00');
    await schedule.started;
    expect(changes).toEqual([]);
    expect(time.due()).toEqual(['2033-05-11 00:00']);
    await time.advance('2033-05-11 00:00');
    expect(changes).toEqual([]);
    expect(time.due()).toEqual(['2033-05-12 00:00']);
    schedule.stop();
    expect(time.due()).toEqual([]);
  });

  it('announces once when a quarter rolls over, so overdue flags change on time', async () => {
    const { time, changes, schedule } = start('2033-06-30 22:00');
    await schedule.started;
    expect(changes).toEqual([]);
    await time.advance('2033-07-01 00:00');
    expect(changes).toEqual([SCHEDULE_TICK]);
    expect(SCHEDULE_TICK).toEqual({ action: 'schedule.tick', entityType: 'Schedule', stationId: null });
    await time.advance('2033-07-02 00:00');
    expect(changes).toHaveLength(1);
    schedule.stop();
  });

  it('announces when a published survey opens or closes by date, not a draft', async () => {
    await campaign('2034-H1', '2034-05-12', '2034-05-20');
    await campaign('2034-H2', '2034-05-14', '2034-05-16', 'DRAFT');
    const { time, changes, schedule } = start('2034-05-11 12:00');
    await schedule.started;
    expect(changes).toEqual([]);
    const days: Array<[string, number]> = [];
    for (const day of ['2034-05-12', '2034-05-13', '2034-05-14', '2034-05-15', '2034-05-16', '2034-05-17', '2034-05-20', '2034-05-21', '2034-05-22']) {
      await time.advance(`${day} 00:00`);
      days.push([day, changes.length]);
    }
    // Opens on the 12th; the draft's dates change nothing; closes after the 20th (results public on the 21st).
    expect(days).toEqual([
      ['2034-05-12', 1], ['2034-05-13', 1], ['2034-05-14', 1], ['2034-05-15', 1], ['2034-05-16', 1],
      ['2034-05-17', 1], ['2034-05-20', 1], ['2034-05-21', 2], ['2034-05-22', 2],
    ]);
    schedule.stop();
  });

  it('announces when holiday hours or a closure has ended, so the station home stops showing it', async () => {
    await db.prisma.stationHoursException.create({ data: { stationId, startsOn: date('2037-05-12'), endsOn: date('2037-05-13'), closed: true, noteZh: '定时测试' } });
    const { time, changes, schedule } = start('2037-05-11 12:00');
    await schedule.started;
    const days: Array<[string, number]> = [];
    for (const day of ['2037-05-12', '2037-05-13', '2037-05-14', '2037-05-15']) {
      await time.advance(`${day} 00:00`);
      days.push([day, changes.length]);
    }
    // Shown from before it starts (nothing to announce) through the 13th; gone from the 14th.
    expect(days).toEqual([['2037-05-12', 0], ['2037-05-13', 0], ['2037-05-14', 1], ['2037-05-15', 1]]);
    schedule.stop();
  });

  it('announces at start what changed since yesterday, and catches up on days it slept through', async () => {
    await campaign('2035-H1', '2035-05-12', '2035-05-13');
    const started = start('2035-05-12 08:00');
    await started.schedule.started;
    expect(started.changes).toEqual([SCHEDULE_TICK]);
    started.schedule.stop();

    const late = start('2035-05-13 08:00');
    await late.schedule.started;
    expect(late.changes).toEqual([]);
    // The process was suspended over two midnights: the close on the 14th is still seen when it wakes.
    await late.time.advance('2035-05-15 09:30');
    expect(late.changes).toEqual([SCHEDULE_TICK]);
    expect(late.time.due()).toEqual(['2035-05-16 00:00']);
    late.schedule.stop();
  });

  it('reports a failed check and tries again at the next midnight', async () => {
    await campaign('2036-H1', '2036-05-12', '2036-05-30');
    const time = fakeTime('2036-05-11 23:00');
    const changes: PublicChange[] = [];
    const errors: unknown[] = [];
    let failing = true;
    const prisma = new Proxy(db.prisma, {
      get: (target, key) => (key === 'surveyCampaign' && failing ? { count: () => Promise.reject(new Error('database away')) } : Reflect.get(target, key)),
    });
    const schedule = startDailySchedule({ prisma, publicChanged: (c) => changes.push(c), now: time.now, setTimer: time.setTimer, onError: (e) => errors.push(e) });
    await schedule.started;
    await time.advance('2036-05-12 00:00');
    expect([changes.length, errors.length]).toEqual([0, 2]);
    failing = false;
    await time.advance('2036-05-13 00:00');
    expect(changes).toEqual([SCHEDULE_TICK]);
    schedule.stop();
  });
});
