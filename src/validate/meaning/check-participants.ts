import type { UnplacedDiagnostic } from "../../model/diagnostic.js";
import { makeDiagnostic } from "../../catalogue/make-diagnostic.js";
import { closestWords } from "../../model/closest.js";
import type { MeaningCheck } from "./meaning-check.js";

/**
 * Participants are listed once, sit on their body's side, are cited by the documents that report
 * the meeting (each document the meeting lists is among the participant's own), and quotes come
 * from participants.
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
      const listed: readonly string[] | undefined = index.person.get(p.person)?.record.documents;
      for (const document of listed ? record.documents : []) {
        if (listed!.includes(document)) continue;
        out.push(makeDiagnostic("cite/participant-document", { document, person: p.person }, { file, pointer: `/participants/${i}/person` }));
      }
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
    const visit = record.visit !== undefined ? index.visit.get(record.visit) : undefined;
    const country = record.location?.country;
    if (visit && country !== undefined && country !== visit.record.host_country) {
      const params = { country, visit: record.visit!, host: visit.record.host_country };
      out.push(makeDiagnostic("meeting/visit-country", params, { file, pointer: "/location/country" }));
    }
  }
  return out;
};
