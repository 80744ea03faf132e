import type { UnplacedDiagnostic } from "../../model/diagnostic.js";
import type { RecordedName } from "../../types/person.js";
import { makeDiagnostic } from "../../catalogue/make-diagnostic.js";
import type { MeaningCheck } from "./meaning-check.js";

/** Every recorded name cites a listed document or is editorial with a note; canonical names are recorded. */
export const checkCitations: MeaningCheck = ({ index }) => {
  const out: UnplacedDiagnostic[] = [];
  const named = [...index.person.values(), ...index.body.values()];
  for (const { file, record } of named) {
    out.push(...checkNames(file, record.names, record.documents));
    if (!record.names.some((n) => n.name === record.name)) {
      out.push(makeDiagnostic("name/canonical-unlisted", { field: "name", name: record.name }, { file, pointer: "/name" }));
    }
    const abbreviation = (record as { abbreviation?: string }).abbreviation;
    if (abbreviation !== undefined && !record.names.some((n) => n.name === abbreviation)) {
      out.push(makeDiagnostic("name/canonical-unlisted", { field: "abbreviation", name: abbreviation }, { file, pointer: "/abbreviation" }));
    }
  }
  for (const { file, record } of [...index.meeting.values(), ...index.visit.values()]) {
    record.quotes?.forEach((quote, i) => {
      if (!record.documents.includes(quote.document)) {
        const params = { where: `quotes.${i}`, document: quote.document };
        out.push(makeDiagnostic("cite/document-not-listed", params, { file, pointer: `/quotes/${i}/document` }));
      }
    });
  }
  return out;
};

function checkNames(file: string, names: readonly RecordedName[], documents: readonly string[]): UnplacedDiagnostic[] {
  const out: UnplacedDiagnostic[] = [];
  const seen = new Set<string>();
  names.forEach((entry, i) => {
    const place = { file, pointer: `/names/${i}` };
    const key = `${entry.name}\u0000${entry.lang}`;
    if (seen.has(key)) out.push(makeDiagnostic("name/duplicate", { name: entry.name, lang: entry.lang }, place));
    seen.add(key);
    if (entry.basis === "editorial") {
      if (entry.note === undefined) out.push(makeDiagnostic("cite/editorial-without-note", { name: entry.name }, place));
    } else if (entry.document === undefined) {
      out.push(makeDiagnostic("cite/uncited-name", { name: entry.name }, place));
    } else if (!documents.includes(entry.document)) {
      const params = { where: `names.${i}`, document: entry.document };
      out.push(makeDiagnostic("cite/document-not-listed", params, { file, pointer: `/names/${i}/document` }));
    }
  });
  return out;
}
