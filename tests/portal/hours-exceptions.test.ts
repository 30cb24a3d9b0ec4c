import { describe, expect, inject, it } from 'vitest';
import { type HoursExceptionFixture, STATION_WITH_HOURS_EXCEPTIONS } from './fixtures.ts';

const origin = inject('portalOrigin');
const HOURS_EXCEPTIONS = inject('portalHoursExceptions');

const textOf = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();

/** The station home's holiday hours and closures: the next one beside the hours, and each line of the list below. */
async function exceptionLines(path: string): Promise<{ next: string | null; lines: string[] }> {
  const html = await (await fetch(`${origin}${path}`)).text();
  const next = html.match(/<p class="hours-next"[^>]*>([\s\S]*?)<\/p>/)?.[1];
  const list = html.match(/<section class="hours-exceptions"[^>]*>[\s\S]*?<ul[^>]*>([\s\S]*?)<\/ul>/)?.[1] ?? '';
  return { next: next === undefined ? null : textOf(next), lines: [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => textOf(m[1] ?? '')) };
}

const [morning, closure] = HOURS_EXCEPTIONS as [HoursExceptionFixture, HoursExceptionFixture];
// The year is given only for days in another year than the build's (near New Year).
const monthDay = (iso: string) => `(${iso.slice(0, 4)}年)?${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
const day = (iso: string) => Number(iso.slice(8, 10));
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept?', 'Oct', 'Nov', 'Dec'];
const dayMonth = (iso: string) => `${day(iso)} ${MONTHS[Number(iso.slice(5, 7)) - 1]}( ${iso.slice(0, 4)})?`;
/** A range of days, written short: 12月11日至12日 / 11 – 12 Dec (the month and year only where they differ or are needed). */
const zhRange = (from: string, to: string) => `${monthDay(from)}至(${monthDay(to)}|${day(to)}日)`;
const enRange = (from: string, to: string) => `(${dayMonth(from)}|${day(from)}) – ${dayMonth(to)}`;

describe('holiday hours and closures on the station home', () => {
  it('in Chinese: the days, the hours or 不办公, and the note, beside the hours', async () => {
    const { next, lines } = await exceptionLines(`/${STATION_WITH_HOURS_EXCEPTIONS}/`);
    expect(lines).toHaveLength(2);
    expect(next).toMatch(new RegExp(`^${monthDay(morning.startsOn)}周.：9:00–11:30$`));
    expect(lines[0]).toMatch(new RegExp(`^${monthDay(morning.startsOn)}周.：9:00–11:30 ${morning.noteZh}$`));
    expect(lines[1]).toMatch(new RegExp(`^${zhRange(closure.startsOn, closure.endsOn)}：不办公 ${closure.noteZh}$`));
  });

  it('in English, with an untranslated note shown in Chinese and marked', async () => {
    const { next, lines } = await exceptionLines(`/en/${STATION_WITH_HOURS_EXCEPTIONS}/`);
    expect(next).toMatch(new RegExp(`^\\w{3} ${dayMonth(morning.startsOn)}: 9:00–11:30$`));
    expect(lines[0]).toMatch(new RegExp(`^\\w{3} ${dayMonth(morning.startsOn)}: 9:00–11:30 ${morning.noteEn}$`));
    expect(lines[1]).toMatch(new RegExp(`^${enRange(closure.startsOn, closure.endsOn)}: closed ${closure.noteZh} \\(in Chinese\\)$`));
  });

  it('a station with none announced shows no such list', async () => {
    expect(await exceptionLines('/toutunhe/')).toEqual({ next: null, lines: [] });
  });
});
