import type { UnplacedDiagnostic } from "../../model/diagnostic.js";
import { makeDiagnostic } from "../../catalogue/make-diagnostic.js";
import { closestWords } from "../../model/closest.js";
import type { MeaningCheck } from "./meaning-check.js";
import type { SourceIndex } from "../../model/source-index.js";
import type { Meeting } from "../../types/meeting.js";

/**
 * Participants are listed once and sit on their body's side, quotes come from participants, and
 * each of a meeting's several documents is cited by one of its quotes or participants' names.
 */
export const checkParticipants: MeaningCheck = ({ index }) => {
  const out: UnplacedDiagnostic[] = [];
  for (const { file, record } of index.meeting.values()) {
    const present = new Set<string>();
    const sides = new Set<string>();
    record.participants.forEach((p, i) => {
      if (present.has(p.person)) out.push(makeDiagnostic("participant/duplicate", { person: p.person }, { file, pointer: `/participants/${i}/person` }));
      present.add(p.person);
      sides.add(p.side);
      const country = index.body.get(p.body)?.record.country;
      if (country !== undefined && country !== p.side) {
        const params = { person: p.person, side: p.side, body: p.body, country };
        out.push(makeDiagnostic("participant/side-country", params, { file, pointer: `/participants/${i}/side` }));
      }
    });
    if (sides.size === 1) out.push(makeDiagnostic("meeting/one-sided", { side: [...sides][0]! }, { file, pointer: "/participants" }));
    // A mistyped participant id is already an error: a quote by the person it meant would only echo it.
    const unresolved = record.participants.map((p) => p.person).filter((id) => !index.person.has(id));
    const meantBy = (speaker: string) => unresolved.some((id) => closestWords(id, [speaker]).length > 0);
    record.quotes?.forEach((q, i) => {
      if (!present.has(q.speaker) && !meantBy(q.speaker)) out.push(makeDiagnostic("quote/speaker-absent", { speaker: q.speaker }, { file, pointer: `/quotes/${i}/speaker` }));
    });
    out.push(...unusedDocuments(file, record, index));
    const visit = record.visit !== undefined ? index.visit.get(record.visit) : undefined;
    const country = record.location?.country;
    if (visit && country !== undefined && country !== visit.record.host_country) {
      const params = { country, visit: record.visit!, host: visit.record.host_country };
      out.push(makeDiagnostic("meeting/visit-country", params, { file, pointer: "/location/country" }));
    }
  }
  return out;
};

/**
 * A document that reports a meeting along with others should be the source of something recorded
 * of it: a quote, or a participant's name as that document spells it. One that nothing cites is
 * most often a report added to the meeting whose facts were not cited where they are used. (A
 * meeting's only document is the source of all of it, so it is not looked at.)
 */
function unusedDocuments(file: string, record: Meeting, index: SourceIndex): UnplacedDiagnostic[] {
  if (record.documents.length < 2) return [];
  const cited = new Set<string>();
  for (const q of record.quotes ?? []) cited.add(q.document);
  for (const p of record.participants) for (const n of index.person.get(p.person)?.record.names ?? []) if (n.document !== undefined) cited.add(n.document);
  const out: UnplacedDiagnostic[] = [];
  record.documents.forEach((document, i) => {
    if (!cited.has(document)) out.push(makeDiagnostic("cite/document-unused", { document }, { file, pointer: `/documents/${i}` }));
  });
  return out;
}
