import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import YAML from "yaml";
import { describe, expect, it } from "vitest";
import { parseFastYaml } from "../../src/load/fast-yaml.js";
import { YAML_OPTIONS } from "../../src/load/parse-record.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** What the yaml library makes of a text: the plain data, or "invalid" when it reports an error. */
function reference(text: string): unknown {
  const docs = YAML.parseAllDocuments(text, YAML_OPTIONS);
  const list = Array.isArray(docs) ? docs : [docs];
  if (list.length !== 1 || list[0]!.errors.length) return "invalid";
  return list[0]!.toJS({ maxAliasCount: 0 });
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(path.join(dir, e.name)) : e.name.endsWith(".yaml") ? [path.join(dir, e.name)] : [],
  );
}

/** A small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SIGNIFICANT = [" ", "  ", "\n", ":", ": ", "-", "- ", "#", " #", '"', "'", "\\", "[", "]", ",", "|", ">", "&", "*", "!", "{", "?", "\t", "x", "é", "''", "\\u00e9", "\\x41", "|-", ">-", "---", "\u00A0", "\u3000", "\u2003", "\u202F", "\uFEFF"];

function mutate(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const lines = text.split("\n");
  const line = Math.floor(next() * lines.length);
  switch (Math.floor(next() * 6)) {
    case 0:
      return text.slice(0, at) + SIGNIFICANT[Math.floor(next() * SIGNIFICANT.length)] + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
    case 2:
      lines.splice(line, 0, lines[line] ?? "");
      return lines.join("\n");
    case 3:
      lines[line] = " " + (lines[line] ?? "");
      return lines.join("\n");
    case 4:
      lines[line] = (lines[line] ?? "").replace(/^ /, "");
      return lines.join("\n");
    default:
      lines.splice(line, 1);
      return lines.join("\n");
  }
}

describe("parseFastYaml", () => {
  const corpus = [...yamlFiles(path.join(ROOT, "sources")), ...yamlFiles(path.join(ROOT, "tests/fixtures"))].map((f) => ({
    file: path.relative(ROOT, f),
    text: readFileSync(f, "utf8"),
  }));

  it("reads every real source file, and agrees with the yaml library on each", () => {
    for (const { file, text } of corpus.filter((c) => c.file.startsWith("sources/"))) {
      expect(parseFastYaml(text), file).toEqual(reference(text));
    }
  });

  it("agrees with the yaml library on every file it accepts, and accepts nothing the library rejects", () => {
    for (const { file, text } of corpus) {
      const fast = parseFastYaml(text);
      if (fast !== undefined) expect(fast, file).toEqual(reference(text));
    }
  });

  it("stays equal to the yaml library under 30,000 seeded mutations of the real sources", () => {
    const next = random(20261122);
    const sources = corpus.filter((c) => c.file.startsWith("sources/"));
    let accepted = 0;
    const disagreements: { text: string; fast: unknown; reference: unknown }[] = [];
    for (let n = 0; n < 30000; n++) {
      let text = sources[Math.floor(next() * sources.length)]!.text;
      for (let k = 1 + Math.floor(next() * 3); k > 0; k--) text = mutate(text, next);
      const fast = parseFastYaml(text);
      if (fast === undefined) continue;
      accepted++;
      const expected = reference(text);
      if (!isDeepStrictEqual(fast, expected)) disagreements.push({ text, fast, reference: expected });
    }
    expect(disagreements.slice(0, 3)).toEqual([]);
    // The mutations must leave plenty of accepted inputs, or the test would prove nothing.
    expect(accepted).toBeGreaterThan(5000);
  });

  it("leaves to the library what is outside the subset", () => {
    for (const text of ["a: abc\u00A0\n", "a: abc\u3000\n", "\u00A0\n", "a: \"x\"\u00A0\n", "a: &x 1\nb: *x\n", "a: !!str 1\n", "a:\n\tb: 1\n", "a: 1\r\n", "- a\n", "a: b\n  c\n", "a: {b: 1}\n", "a: >+\n  x\n", "a:\n", "__proto__: x\n", "a: 1\na: 2\n"]) {
      expect(parseFastYaml(text), JSON.stringify(text)).toBeUndefined();
    }
  });
});
