import type { UnplacedDiagnostic } from "../../model/diagnostic.js";
import { dateBounds, dateParts, EARLIEST_DATE, formatDate, isRealDate, LATEST_DATE, partialBounds } from "../../model/dates.js";
import type { EventDate } from "../../types/meeting.js";
import { makeDiagnostic } from "../../catalogue/make-diagnostic.js";
import type { MeaningCheck } from "./meaning-check.js";

/** Dates are real days within the dataset's span, ranges are ordered, meetings sit in their year folder and inside their visit. */
export const checkDates: MeaningCheck = ({ index }) => {
  const out: UnplacedDiagnostic[] = [];
  const sound = (file: string, pointer: string, date: EventDate | undefined): boolean => {
    if (date === undefined) return false;
    let ok = true;
    for (const part of dateParts(date)) {
      if (!isRealDate(part.value)) {
        out.push(makeDiagnostic("date/invalid", { value: part.value }, { file, pointer: pointer + part.pointer }));
        ok = false;
        continue;
      }
      const bounds = partialBounds(part.value);
      if (bounds.start < EARLIEST_DATE || bounds.end > LATEST_DATE) {
        out.push(makeDiagnostic("date/out-of-range", { value: part.value, earliest: EARLIEST_DATE, latest: LATEST_DATE }, { file, pointer: pointer + part.pointer }));
        ok = false;
      }
    }
    if (!ok) return false;
    const { start, end } = dateBounds(date);
    if (end !== null && start > end && typeof date !== "string") {
      out.push(makeDiagnostic("date/range-order", { start: date.start, end: date.end ?? "" }, { file, pointer }));
      return false;
    }
    return true;
  };

  const published = new Map<string, EventDate>();
  for (const [id, { file, record }] of index.document) {
    if (sound(file, "/published", record.published)) published.set(id, record.published!);
    // An update date bounds the events a document reports as well: it existed by then.
    else if (record.published === undefined && sound(file, "/updated", record.updated)) published.set(id, record.updated!);
  }
  const visits = new Map<string, EventDate>();
  for (const [id, { file, record }] of index.visit) {
    if (!sound(file, "/date", record.date)) continue;
    visits.set(id, record.date);
    out.push(...afterDocuments(file, record.date, record.documents, published));
  }
  for (const { file, record, yearFolder } of index.meeting.values()) {
    if (!sound(file, "/date", record.date)) continue;
    const bounds = dateBounds(record.date);
    const year = bounds.start.slice(0, 4);
    if (yearFolder !== undefined && yearFolder !== year) {
      out.push(makeDiagnostic("date/folder-year", { date: formatDate(record.date), folder: yearFolder, year }, { file, pointer: "/date" }));
    }
    const visitDate = record.visit !== undefined ? visits.get(record.visit) : undefined;
    if (visitDate !== undefined) {
      const outer = dateBounds(visitDate);
      // An open end is later than any day: a meeting without one cannot be shown inside a bounded visit.
      const endsAfter = outer.end !== null && (bounds.end === null || bounds.end > outer.end);
      if (bounds.start < outer.start || endsAfter) {
        const params = { date: formatDate(record.date), visit: record.visit!, visitDate: formatDate(visitDate) };
        out.push(makeDiagnostic("date/outside-visit", params, { file, pointer: "/date" }));
      }
    }
    out.push(...afterDocuments(file, record.date, record.documents, published));
    if (record.weekday !== undefined) out.push(...weekdayAgrees(file, record.date, record.weekday));
  }
  return out;
};

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;

/** A day's weekday, 0 for Sunday, from its ISO date. */
function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** The ISO day `n` days after `day` (before it when n is negative). */
function addDays(day: string, n: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

/**
 * A stated weekday must fall within the date (an error when the date or range holds no such day),
 * and a bound that is not that weekday could be tightened to the nearest one (a warning): the
 * weekday is what the text states, and the bounds should not be looser than it allows.
 */
export function weekdayAgrees(file: string, date: EventDate, weekday: string): UnplacedDiagnostic[] {
  const wanted = WEEKDAYS.indexOf(weekday as (typeof WEEKDAYS)[number]);
  if (wanted < 0) return [];
  const { start, end } = dateBounds(date);
  const first = addDays(start, (wanted - weekdayOf(start) + 7) % 7);
  const shown = formatDate(date);
  if (end !== null && first > end) return [makeDiagnostic("date/weekday-mismatch", { weekday, date: shown }, { file, pointer: "/date" })];
  const out: UnplacedDiagnostic[] = [];
  const where = typeof date === "string" ? "" : "/start";
  if (first !== start) out.push(makeDiagnostic("date/weekday-loose", { weekday, bound: "start", date: shown, day: start, tighter: first }, { file, pointer: "/date" + where }));
  if (end !== null) {
    const last = addDays(end, -((weekdayOf(end) - wanted + 7) % 7));
    if (last !== end) out.push(makeDiagnostic("date/weekday-loose", { weekday, bound: "end", date: shown, day: end, tighter: last }, { file, pointer: "/date" + (typeof date === "string" ? "" : "/end") }));
  }
  return out;
}

/** An event cannot start after the latest day a document reporting it was published. */
function afterDocuments(file: string, date: EventDate, documents: readonly string[], published: Map<string, EventDate>): UnplacedDiagnostic[] {
  const out: UnplacedDiagnostic[] = [];
  const start = dateBounds(date).start;
  for (const document of documents) {
    const when = published.get(document);
    const publishedBy = when === undefined ? null : dateBounds(when).end;
    if (when !== undefined && publishedBy !== null && start > publishedBy) {
      out.push(makeDiagnostic("date/after-document", { date: formatDate(date), document, published: formatDate(when) }, { file, pointer: "/date" }));
    }
  }
  return out;
}
