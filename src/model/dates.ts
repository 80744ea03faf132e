import type { DateRange, EventDate } from "../types/meeting.js";

/**
 * The span every date of the dataset lies in. Wide enough for any exchange between these
 * parliaments and any report of one; narrow enough that every declared consumer holds it (pandas'
 * datetime64[ns] ends at 1677-09-22 and 2262-04-11; R's Date, Arrow's date32 and JSON hold more)
 * and that a typo of the century (1022, 2202) is caught. CONTRIBUTING.md says the same.
 */
export const EARLIEST_DATE = "1900-01-01";
export const LATEST_DATE = "2100-12-31";

/** How precisely a date is known. */
export type DatePrecision = "day" | "month" | "year" | "range";

/** The full days that bound a date as given, and how precise it is; end is null when nothing bounds it. */
export interface DateBounds {
  start: string;
  end: string | null;
  precision: DatePrecision;
}

/** True when a partial date names a real calendar day (or month, or year). */
export function isRealDate(partial: string): boolean {
  const [y, m, d] = partial.split("-").map(Number);
  if (m === undefined) return true;
  if (d === undefined) return m >= 1 && m <= 12;
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y!, m);
}

/** The first and last full day a partial date can mean: `2021-03` → 2021-03-01 … 2021-03-31. */
export function partialBounds(partial: string): { start: string; end: string } {
  // Few distinct dates recur across many records: work each out once.
  let bounds = BOUNDS.get(partial);
  if (!bounds) BOUNDS.set(partial, (bounds = Object.freeze(computeBounds(partial))));
  return bounds;
}

const BOUNDS = new Map<string, { start: string; end: string }>();

function computeBounds(partial: string): { start: string; end: string } {
  const [y, m, d] = partial.split("-");
  if (d !== undefined) return { start: partial, end: partial };
  if (m !== undefined) return { start: `${y}-${m}-01`, end: `${y}-${m}-${pad(daysInMonth(Number(y), Number(m)))}` };
  return { start: `${y}-01-01`, end: `${y}-12-31` };
}

/** The bounds and precision of a date as a source gives it. */
export function dateBounds(date: EventDate): DateBounds {
  if (typeof date === "string") {
    const parts = date.split("-").length;
    return { ...partialBounds(date), precision: parts === 3 ? "day" : parts === 2 ? "month" : "year" };
  }
  return { start: partialBounds(date.start).start, end: date.end === undefined ? null : partialBounds(date.end).end, precision: "range" };
}

/** A date as one ISO 8601 string: partial dates as given, ranges as `start/end` intervals (`start/..` when open). */
export function formatDate(date: EventDate): string {
  return typeof date === "string" ? date : `${date.start}/${date.end ?? ".."}`;
}

/** The partial dates a date is made of, with their pointers relative to the date's own. */
export function dateParts(date: EventDate): { value: string; pointer: string }[] {
  if (typeof date === "string") return [{ value: date, pointer: "" }];
  const range = date as DateRange;
  const parts = [{ value: range.start, pointer: "/start" }];
  if (range.end !== undefined) parts.push({ value: range.end, pointer: "/end" });
  return parts;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
