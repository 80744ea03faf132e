import { stringify } from "yaml";
import { citationAuthor, datasetIdentity } from "../dataset/identity.js";
import type { PackageSnapshot } from "../verify/read-package.js";

/** What CITATION.cff is made from. */
export interface CitationFacts {
  version: string;
  date: string;
  snapshot: PackageSnapshot;
}

/**
 * CITATION.cff (Citation File Format 1.2.0) from the descriptor: title, version, release date,
 * licence, the contributors as an entity, and the descriptor's summary and keywords; the site's
 * and the repository's URLs from dataset.json when it gives them.
 */
export function renderCitation(facts: CitationFacts): string {
  const d = facts.snapshot.descriptor;
  const identity = datasetIdentity();
  const licenses = (d as { licenses?: { name?: string }[] }).licenses ?? [];
  const keywords = (d as { keywords?: string[] }).keywords ?? [];
  const abstract = d.description?.split(/\n\s*\n/)[0]?.trim();
  const cff = {
    "cff-version": "1.2.0",
    message: "If you use this dataset, please cite it using the metadata from this file.",
    type: "dataset",
    title: d.title ?? d.name,
    version: facts.version,
    "date-released": facts.date,
    license: licenses.find((l) => l.name)?.name ?? identity.licence.name,
    authors: [{ name: citationAuthor(identity) }],
    ...(identity.site ? { url: identity.site } : {}),
    ...(identity.repository ? { "repository-code": identity.repository } : {}),
    ...(abstract ? { abstract } : {}),
    ...(keywords.length ? { keywords } : {}),
  };
  // Dates and versions stay quoted strings: YAML 1.1 readers would otherwise turn them into timestamps or numbers.
  return stringify(cff, { defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN", lineWidth: 0 });
}
