import { describe, expect, it } from "vitest";
import type { Change, PackageDiff } from "../../src/release/change.js";
import { renderChangelogEntry } from "../../src/release/render-changelog.js";
import { renderDiffHuman, renderDiffMarkdown } from "../../src/release/render-diff.js";
import type { PackageSnapshot } from "../../src/verify/read-package.js";
import { wordDiff } from "../../src/render/word-diff.js";

const NOTE_BEFORE = "Date: no document gives the year; the meeting took place on a Thursday after the arrival of the delegation on April 25 of a year from 2023 to 2026. See the visit's note for how the range is bounded.";
const NOTE_AFTER = "Date: no document gives the year; the meeting took place on a Thursday after the arrival of the delegation on April 25 of 2023 or a later year. See the visit's note for how the range is bounded.";

describe("wordDiff", () => {
  it("shows only the changed words, with six words of context and the rest elided", () => {
    expect(wordDiff(NOTE_BEFORE, NOTE_AFTER)).toBe("… the delegation on April 25 of [-a year from 2023 to 2026-]{+2023 or a later year+}. See the visit's note for …");
  });

  it("keeps short texts whole, marks pure insertions and deletions, and escapes line breaks", () => {
    expect(wordDiff("Beijing; Urumqi", "Beijing")).toBe("Beijing[-; Urumqi-]");
    expect(wordDiff("one two", "one two three")).toBe("one two {+three+}");
    expect(wordDiff("line one\nline two", "line one\nline 2")).toBe("line one\\nline [-two-]{+2+}");
  });

  it("elides the middle of a long unchanged run between two edits", () => {
    const words = Array.from({ length: 20 }, (_, i) => `w${i}`).join(" ");
    expect(wordDiff(`a ${words} b`, `A ${words} B`)).toBe("[-a-]{+A+} w0 w1 w2 w3 w4 w5 … w14 w15 w16 w17 w18 w19 [-b-]{+B+}");
  });
});

const loosened: Change = {
  level: "minor",
  kind: "constraint-loosened",
  table: "meetings",
  field: "date",
  summary: "`meetings.date` accepts more values than before, such as `0000/..`; every value it accepted is still accepted.",
  message: 'constraint pattern of meetings.date loosened: "[0-9]{4}" → "[0-9]{4}(/..)?"',
  accepted: "0000/..",
};
const corrected: Change = { level: "patch", kind: "rows-changed", table: "meetings", summary: "1 row of `meetings` corrected: `m1`.", message: "1 row of meetings corrected: m1" };
const diff: PackageDiff = {
  before: "1.0.0",
  changes: [corrected, loosened],
  records: [{ table: "meetings", primaryKey: ["meeting_id"], added: [], removed: [], changed: [{ id: "m1", key: { meeting_id: "m1" }, fields: [{ field: "note", before: NOTE_BEFORE, after: NOTE_AFTER }, { field: "city", before: "Astana", after: "Beijing" }] }] }],
  rows: { meetings: 1 },
};
const NOTE_DIFF = "`… the delegation on April 25 of [-a year from 2023 to 2026-]{+2023 or a later year+}. See the visit's note for …`";

describe("a release's changes in plain words first, the details after", () => {
  it("a changelog entry", () => {
    const snapshot = { descriptor: { name: "p", resources: [] } } as unknown as PackageSnapshot;
    expect(renderChangelogEntry({ version: "1.1.0", date: "2026-12-03", previous: "1.0.0", level: "minor", because: loosened, diff, snapshot })).toBe(
      [
        "## 1.1.0 — 2026-12-03",
        "",
        "A minor release after 1.0.0, required by this change: `meetings.date` accepts more values than before, such as `0000/..`; every value it accepted is still accepted.",
        "",
        "### What changed",
        "",
        "- `meetings.date` accepts more values than before, such as `0000/..`; every value it accepted is still accepted.",
        "- 1 row of `meetings` corrected: `m1`.",
        "",
        "### Details",
        "",
        "#### Schema and metadata",
        "",
        '- minor: constraint pattern of meetings.date loosened: "[0-9]{4}" → "[0-9]{4}(/..)?"',
        "",
        "#### meetings",
        "",
        "- Changed (1):",
        "  - `m1`",
        `    - \`note\`: words changed: ${NOTE_DIFF}`,
        '    - `city`: `"Astana"` → `"Beijing"`',
        "",
      ].join("\n"),
    );
  });

  it("parlex diff --format markdown", () => {
    expect(renderDiffMarkdown({ diff, bump: { level: "minor", because: loosened }, next: "1.1.0" })).toBe(
      [
        "## Data changes against 1.0.0",
        "",
        "Needs a **minor** release (1.0.0 → 1.1.0), required by this change: `meetings.date` accepts more values than before, such as `0000/..`; every value it accepted is still accepted.",
        "",
        "| table | rows | added | changed | removed |",
        "|---|---:|---:|---:|---:|",
        "| `meetings` | 1 | 0 | 1 | 0 |",
        "",
        "### What changed",
        "",
        "- `meetings.date` accepts more values than before, such as `0000/..`; every value it accepted is still accepted.",
        "- 1 row of `meetings` corrected: `m1`.",
        "",
        "### Details",
        "",
        "#### Schema and metadata",
        "",
        '- **minor** constraint pattern of meetings.date loosened: "[0-9]{4}" → "[0-9]{4}(/..)?"',
        "",
        "#### meetings",
        "",
        "- Changed (1):",
        "  - `m1`",
        `    - \`note\`: words changed: ${NOTE_DIFF}`,
        '    - `city`: `"Astana"` → `"Beijing"`',
        "",
      ].join("\n"),
    );
  });

  it("parlex diff in a terminal: long text as a word diff too", () => {
    expect(renderDiffHuman({ diff, bump: { level: "minor", because: loosened }, next: "1.1.0" })).toBe(
      [
        'minor  constraint pattern of meetings.date loosened: "[0-9]{4}" → "[0-9]{4}(/..)?"',
        "patch  1 row of meetings corrected: m1",
        "",
        "meetings:",
        "  ~ m1",
        `      note: words changed: ${NOTE_DIFF.slice(1, -1)}`,
        '      city: "Astana" → "Beijing"',
        "",
        'Needs a minor release: 1.0.0 → 1.1.0 (constraint pattern of meetings.date loosened: "[0-9]{4}" → "[0-9]{4}(/..)?").',
        "",
      ].join("\n"),
    );
  });
});
