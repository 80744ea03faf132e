import type { UnplacedDiagnostic } from "../../model/diagnostic.js";
import { formatDate } from "../../model/dates.js";
import { foldLookalikes } from "../../model/lookalikes.js";
import { makeDiagnostic } from "../../catalogue/make-diagnostic.js";
import type { MeaningCheck } from "./meaning-check.js";

/** Different records that are probably one: people with transliterated or look-alike names, meetings with the same date and people. */
export const checkDuplicates: MeaningCheck = ({ index }) => {
  const out: UnplacedDiagnostic[] = [];
  const people = new Map<string, { id: string; name: string; lookalike: boolean }>();
  for (const [id, { file, record }] of index.person) {
    const reported = new Set<string>();
    for (const spelling of [record.name, ...record.names.map((n) => n.name)]) {
      // Look-alike letters (Cyrillic а in a Latin name) are read as the Latin ones they pass for.
      const folded = foldLookalikes(spelling);
      const lookalike = folded !== spelling;
      const key = nameSkeleton(folded);
      // A name in another script has no Latin skeleton: it can match only its own exact spelling.
      if (key === "") continue;
      const other = people.get(key);
      if (other && other.id !== id && !reported.has(other.id)) {
        reported.add(other.id);
        const params = { id, other: other.id, name: spelling, otherName: other.name };
        out.push(makeDiagnostic(lookalike || other.lookalike ? "duplicate/person-lookalike" : "duplicate/person", params, { file, pointer: "/name" }));
      } else if (!other) people.set(key, { id, name: spelling, lookalike });
    }
  }
  const meetings = new Map<string, string>();
  for (const [id, { file, record }] of index.meeting) {
    const key = formatDate(record.date) + "|" + record.participants.map((p) => p.person).sort().join(",");
    const other = meetings.get(key);
    if (other) out.push(makeDiagnostic("duplicate/meeting", { id, other }, { file, pointer: "/date" }));
    else meetings.set(key, id);
  }
  return out;
};

/**
 * A name reduced to what survives transliteration: no accents or case, common Latin renderings of
 * Cyrillic folded together (Yerlan/Erlan, Kh/H, Zh/J), doubled letters single, words in any order.
 */
export function nameSkeleton(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean)
    .map((word) =>
      word
        .replace(/^ye/, "e")
        .replace(/^yo/, "o")
        .replace(/dzh|zh|j/g, "j")
        .replace(/kh/g, "h")
        .replace(/ts/g, "c")
        .replace(/y/g, "i")
        .replace(/(.)\1+/g, "$1"),
    )
    .sort()
    .join(" ");
}
