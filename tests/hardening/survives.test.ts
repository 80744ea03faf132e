import { readFileSync } from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSourceBytes } from "../../src/load/parse-source-bytes.js";
import { buildPackage, type BuiltPackage } from "../consumers/consumer-env.js";
import { itReadsBackInEveryConsumer } from "../consumers/read-back.js";
import { writeTreeFile, copyFixture, type TempTree } from "../helpers/temp-tree.js";
import { listHostileCases, partsBytes, type Part } from "./corpus.js";

/*
 * What the corpus accepts must come out of the build exactly as it went in. Every accepted case
 * that adds the topic `sports` is added as a topic of its own (id `accepted-<n>`) to one tree; the
 * package built from it must hold each topic's label and description unchanged in JSON, CSV and
 * Arrow, and pandas and R (where present) must read them back. tests/consumers/hostile-text.test.ts
 * does the same for quotes, commas, line breaks, missing-value look-alikes and other scripts; this
 * adds the hostile inputs the loader accepts: BOM, CRLF, a lone CR, a tab, U+2028, U+FEFF inside
 * a text, a space before `=`.
 */

const ACCEPTED = listHostileCases().filter((c) => c.policy === "accept" && c.target === "sources/topics/sports.yaml" && Array.isArray(c.content));

/** A case's bytes with the topic renamed: the first `sports` (its id) becomes `id`. */
function renamed(parts: Part[], id: string): Uint8Array {
  const text = new TextDecoder("utf-8").decode(partsBytes(parts));
  return Buffer.from(text.replace("sports", id), "utf8");
}

let tree: TempTree;
let pkg: BuiltPackage;
const expected = new Map<string, { label: string; description: string }>();

beforeAll(async () => {
  tree = await copyFixture("valid-minimal");
  for (const [n, c] of ACCEPTED.entries()) {
    const id = `accepted-${n + 1}`;
    const bytes = renamed(c.content as Part[], id);
    await writeTreeFile(tree.dir, `sources/topics/${id}.yaml`, bytes);
    expected.set(id, parseSourceBytes(id, bytes).record as { label: string; description: string });
  }
  pkg = buildPackage(path.join(tree.dir, "sources"), "hardening-survives");
}, 60_000);
afterAll(async () => {
  pkg?.remove();
  await tree?.remove();
});

describe("accepted hostile texts survive every format", () => {
  it("the tree holds every accepted case, each a hostile text", () => {
    expect(ACCEPTED.length).toBeGreaterThanOrEqual(10);
    const texts = [...expected.values()].flatMap((r) => [r.label, r.description]);
    for (const needle of ["\t", "\r", "\u2028", "\ufeff", " =1+1", "yes"]) expect(texts.some((t) => t.includes(needle)), JSON.stringify(needle)).toBe(true);
  });

  it("JSON and CSV hold each label and description exactly as the source", () => {
    const json = JSON.parse(readFileSync(path.join(pkg.dir, "json/topics.json"), "utf8")) as Record<string, unknown>[];
    const csv = Papa.parse<Record<string, string>>(readFileSync(path.join(pkg.dir, "csv/topics.csv"), "utf8"), { header: true, skipEmptyLines: true }).data;
    for (const [id, record] of expected) {
      const fromJson = json.find((row) => row.topic_id === id);
      const fromCsv = csv.find((row) => row.topic_id === id);
      expect({ label: fromJson?.label, description: fromJson?.description }, id).toEqual({ label: record.label, description: record.description });
      expect({ label: fromCsv?.label, description: fromCsv?.description }, id).toEqual({ label: record.label, description: record.description });
    }
  });

  itReadsBackInEveryConsumer(() => pkg);
});
