import type { Random } from "./prng.js";

/** Days are counted from 1970-01-01 (UTC), so that date arithmetic is integer arithmetic. */
const MS_PER_DAY = 86_400_000;

/** The first and last year of the synthetic corpus. */
export const FIRST_YEAR = 1992;
export const LAST_YEAR = 2025;

/** The day number of a calendar day. */
export function dayOf(year: number, month = 1, day = 1): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** `YYYY-MM-DD` of a day number. */
export function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `YYYY-MM` of a day number. */
export function isoMonth(day: number): string {
  return isoDay(day).slice(0, 7);
}

/** The year of a day number. */
export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** The first and last day of the month a day falls in. */
export function monthOf(day: number): { start: number; end: number } {
  const date = new Date(day * MS_PER_DAY);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  return { start: Date.UTC(y, m, 1) / MS_PER_DAY, end: Date.UTC(y, m + 1, 0) / MS_PER_DAY };
}

/** Later years hold more exchanges: a year's weight grows linearly from 1 (1992) to about 5 (2025). */
const YEAR_WEIGHTS = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => 1 + i * 0.12);

/** A day between 1992-01-01 and `latest` (inclusive), with more days drawn in later years. */
export function drawDay(random: Random, latest = dayOf(LAST_YEAR, 12, 31)): number {
  for (;;) {
    const year = FIRST_YEAR + random.weighted(YEAR_WEIGHTS);
    const first = dayOf(year);
    const day = first + random.int(0, dayOf(year + 1) - first - 1);
    if (day <= latest) return day;
  }
}
