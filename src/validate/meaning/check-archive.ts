import { createHash } from "node:crypto";
import type { UnplacedDiagnostic } from "../../model/diagnostic.js";
import { makeDiagnostic } from "../../catalogue/make-diagnostic.js";
import type { MeaningCheck } from "./meaning-check.js";

/**
 * Archived copies match their declared sha256, and every quote of a meeting or visit appears in
 * its document's archived text verbatim, up to whitespace and typographic quote marks: a direct
 * quote as the words quoted, reported speech as the span of the document's sentence it is.
 */
export const checkArchive: MeaningCheck = ({ index, archive, archiveDir }) => {
  const out: UnplacedDiagnostic[] = [];
  const quotes = [...index.meeting.values(), ...index.visit.values()].flatMap(({ file, record }) =>
    (record.quotes ?? []).map((quote, i) => ({ file, quote, pointer: `/quotes/${i}` })),
  );
  if (archive === undefined) {
    if (quotes.length > 0) out.push(makeDiagnostic("archive/skipped", { count: quotes.length }, { file: "" }));
    return out;
  }
  const texts = new Map<string, string>();
  for (const [id, { file, record }] of index.document) {
    if (record.archive === undefined) continue;
    const copy = archive.get(record.archive);
    if (!copy || "missing" in copy) {
      out.push(makeDiagnostic("archive/missing", { archive: record.archive, document: id, dir: archiveDir ?? "the archive folder" }, { file, pointer: "/archive" }));
      continue;
    }
    const actual = createHash("sha256").update(copy.bytes).digest("hex");
    if (actual !== record.sha256) {
      out.push(makeDiagnostic("archive/hash-mismatch", { archive: record.archive, actual, expected: record.sha256 ?? "" }, { file, pointer: "/sha256" }));
      continue;
    }
    texts.set(id, normalizeQuoteText(new TextDecoder().decode(copy.bytes)));
  }
  for (const { file, quote, pointer } of quotes) {
    const document = index.document.get(quote.document);
    if (!document) continue;
    if (document.record.archive === undefined) {
      // Reported speech is checked where a copy is at hand; only a direct quote must be verifiable.
      if (quote.kind === "paraphrase") continue;
      out.push(makeDiagnostic("archive/unverifiable-quote", { document: quote.document }, { file, pointer: `${pointer}/document` }));
      continue;
    }
    const text = texts.get(quote.document);
    if (text === undefined) continue;
    const wanted = normalizeQuoteText(quote.text);
    if (!text.includes(wanted)) {
      const code = quote.kind === "direct" ? "quote/not-in-document" : "quote/paraphrase-not-in-document";
      out.push(makeDiagnostic(code, { document: quote.document, detail: mismatchDetail(text, wanted) }, { file, pointer: `${pointer}/text` }));
    }
  }
  return out;
};

/** Collapse whitespace and make typographic quotes plain: the only differences a verbatim quote may have. */
export function normalizeQuoteText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/\s+/g, " ")
    .trim();
}

/** Say how far the quote matches, so the contributor can find the first differing word. */
function mismatchDetail(text: string, wanted: string): string {
  let low = 0;
  let high = wanted.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (text.includes(wanted.slice(0, mid))) low = mid;
    else high = mid - 1;
  }
  if (low < 8) return "not even its first words appear";
  const tail = wanted.slice(Math.max(0, low - 30), low);
  return `it matches as far as "…${tail}" and then differs at character ${low + 1}`;
}
