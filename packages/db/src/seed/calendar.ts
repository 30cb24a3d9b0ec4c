/** Calendar helpers for seed data. Dates are ISO `YYYY-MM-DD` strings until they are written. */

/** The day the demo data describes as "today": reports up to 2026 Q3 exist, Q4 is running. */
export const DEMO_TODAY = '2026-11-22';

export type Quarter = 1 | 2 | 3 | 4;

export interface YearQuarter {
  year: number;
  quarter: Quarter;
}

/** 2024 Q1 … 2026 Q3: the quarters the demo stations report on. */
export const REPORT_QUARTERS: readonly YearQuarter[] = [2024, 2025, 2026].flatMap((year) =>
  ([1, 2, 3, 4] as const).filter((quarter) => year < 2026 || quarter <= 3).map((quarter) => ({ year, quarter })),
);

export function quarterKey({ year, quarter }: YearQuarter): string {
  return `${year}Q${quarter}`;
}

export function quarterStart(year: number, quarter: Quarter): string {
  return `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
}

export function quarterEnd(year: number, quarter: Quarter): string {
  return addDays(quarter === 4 ? `${year + 1}-01-01` : quarterStart(year, (quarter + 1) as Quarter), -1);
}

export function quarterOf(isoDate: string): Quarter {
  return (Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1) as Quarter;
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A `@db.Date` value. */
export function toDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/** A moment given in China Standard Time (`2026-12-05 09:30`). */
export function chinaTime(local: string): Date {
  return new Date(`${local.replace(' ', 'T')}:00+08:00`);
}
