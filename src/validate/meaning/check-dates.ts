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
  }
  return out;
};

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
