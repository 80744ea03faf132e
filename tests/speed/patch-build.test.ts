// A build with a cache keeps what it wrote; the next one, when no file's tree facts changed and the
// output folder stands as it was left, patches the edited meetings' rows into the old files. The
// proof is always the same: its folder is byte for byte the one a cold build (no cache) writes.
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import YAML from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCorpus, type WrittenCorpus } from "../../src/bench/write-corpus.js";
import { buildToFolder, type FolderBuild } from "../../src/pipeline/build-to-folder.js";
import { createRandom } from "../../src/fuzz/random.js";
import { checkSourceTree } from "../../src/validate/check-source-tree.js";
import { folderFiles } from "../helpers/folder-files.js";
import { withSpeed } from "../../src/speed/file-checks.js";

const scratch = mkdtempSync(path.join(os.tmpdir(), "parlex-patch-build-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let tree: string;
let corpus: WrittenCorpus;
beforeAll(() => {
  tree = path.join(scratch, "tree");
  corpus = writeCorpus(tree, { meetings: 120, seed: 7 });
});

const CACHE = ".parlex-cache";
const build = async (out: string, version = "1.0.0"): Promise<FolderBuild & { ok: true }> => {
  const result = await buildToFolder("sources", path.join(tree, out), { cwd: tree, cacheDir: CACHE, version, threads: 0 });
  if (!result.ok) throw new Error(`the tree should build: ${result.report.diagnostics.map((d) => d.message).join("; ")}`);
  return result;
};
/** A cold build's folder, to hold the patched one to. */
const cold = async (version = "1.0.0") => {
  const folder = path.join(scratch, "cold");
  const result = await buildToFolder("sources", folder, { cwd: tree, version, threads: 0 });
  if (!result.ok) throw new Error("the tree should build");
  return folder;
};
async function expectSameAsCold(out: string, version = "1.0.0"): Promise<void> {
  const patched = folderFiles(path.join(tree, out));
  const expected = folderFiles(await cold(version));
  expect([...patched.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [file, bytes] of expected) expect(patched.get(file)!.equals(bytes), file).toBe(true);
}

/** Set fields of a meeting file (undefined deletes one), through the yaml library so any text is quoted right. */
function editMeeting(file: string, fields: Record<string, string | undefined>): void {
  const full = path.join(tree, file);
  const doc = YAML.parseDocument(readFileSync(full, "utf8"));
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) doc.delete(key);
    else doc.set(key, value);
  }
  writeFileSync(full, doc.toString());
}
const meeting = (n: number) => corpus.meetingFiles[n]!;
const field = (file: string, key: string) => (YAML.parse(readFileSync(path.join(tree, file), "utf8")) as Record<string, unknown>)[key];

describe("a build after edits of meetings' free text", () => {
  it("patches the meetings rows and links the other files: the same bytes as a cold build", async () => {
    expect((await build("out")).patched).toBe(false);
    editMeeting(meeting(3), { summary: 'Edited: "quoted", with commas, a semicolon; and ünïcode ✓ — then more.' });
    editMeeting(meeting(40), { title: "A title, edited", note: "A note added by an edit, with a comma." });
    // The first meeting's format changes the order of the Arrow dictionary of formats.
    editMeeting(meeting(0), { format: field(meeting(0), "format") === "phone" ? "video" : "phone" });
    const withNote = corpus.meetingFiles.find((f) => field(f, "note") !== undefined);
    if (withNote) editMeeting(withNote, { note: undefined });
    const result = await build("out");
    expect(result.patched).toBe(true);
    expect(result.patchedMeetings).toBe(new Set([meeting(3), meeting(40), meeting(0), ...(withNote ? [withNote] : [])]).size);
    await expectSameAsCold("out");
    const csv = readFileSync(path.join(tree, "out/csv/meetings.csv"), "utf8");
    expect(csv).toContain('"Edited: ""quoted"", with commas, a semicolon; and ünïcode ✓ — then more."');
    // The linked files are the old ones, not copies.
    const people = statSync(path.join(tree, "out/csv/people.csv"));
    await build("out");
    expect(statSync(path.join(tree, "out/csv/people.csv")).ino).toBe(people.ino);
  }, 60_000);

  it("patches edits that a validate run saw first (the stat index then knows them already)", async () => {
    await build("out");
    editMeeting(meeting(7), { summary: "Edited before a validate run, which caches the file's check." });
    await checkSourceTree("sources", withSpeed({ cwd: tree, cacheDir: CACHE, threads: 0 }));
    const result = await build("out");
    expect(result.patched).toBe(true);
    expect(readFileSync(path.join(tree, "out/csv/meetings.csv"), "utf8")).toContain("Edited before a validate run");
    await expectSameAsCold("out");
  }, 60_000);

  it("writes a new version into the descriptor without writing the tables again", async () => {
    await build("out");
    const result = await build("out", "2.0.0");
    expect(result.patched).toBe(true);
    expect(result.patchedMeetings).toBe(0);
    const { runParlex } = await import("../helpers/cli.js");
    const cli = await runParlex(["build", "--out", "out", "--dataset-version", "2.0.0"], tree);
    expect(cli.stdout).toMatch(/to out \(no meeting changed since the last build: its files kept\) in /);
    expect(JSON.parse(readFileSync(path.join(tree, "out/datapackage.json"), "utf8")).version).toBe("2.0.0");
    await expectSameAsCold("out", "2.0.0");
  }, 60_000);

  it("stays the same as a cold build through random rounds of free-text edits", async () => {
    const random = createRandom(11);
    await build("out");
    for (let round = 0; round < 6; round++) {
      for (let n = random.int(1, 4); n > 0; n--) {
        const file = meeting(random.int(0, corpus.meetingFiles.length - 1));
        const which = random.pick(["title", "summary", "note", "format", "none"] as const);
        if (which === "format") editMeeting(file, { format: random.pick(["in-person", "video", "phone"]) });
        else if (which === "note" && random.int(0, 1) === 0) editMeeting(file, { note: undefined });
        else if (which === "none") appendFileSync(path.join(tree, file), "# a comment changes the bytes, not the record\n");
        else editMeeting(file, { [which]: `Round ${round}: ${random.pick(["plain words", 'a "quote", a comma', "ünïcode — ✓", "  outer spaces are trimmed? no: kept"]).trim()}.` });
      }
      const result = await build("out");
      expect(result.patched, `round ${round}`).toBe(true);
      await expectSameAsCold("out");
    }
  }, 120_000);
});

describe("a build that cannot patch writes everything", () => {
  it("after an edit of tree facts (a participant's role)", async () => {
    await build("out");
    const file = meeting(12);
    const text = readFileSync(path.join(tree, file), "utf8");
    writeFileSync(path.join(tree, file), text.replace(/^( {4}role: ).*$/m, "$1edited role"));
    expect((await build("out")).patched).toBe(false);
    await expectSameAsCold("out");
  }, 60_000);

  it("when a file of the output was changed or touched since, and puts it right", async () => {
    await build("out");
    appendFileSync(path.join(tree, "out/csv/people.csv"), "tampered,row,XX\n");
    expect((await build("out")).patched).toBe(false);
    await expectSameAsCold("out");
    const meetings = path.join(tree, "out/json/meetings.json");
    utimesSync(meetings, new Date(2000, 0, 1), new Date(2000, 0, 1));
    expect((await build("out")).patched).toBe(false);
    rmSync(path.join(tree, "out/arrow/topics.arrow"));
    expect((await build("out")).patched).toBe(false);
    await expectSameAsCold("out");
  }, 60_000);

  it("into another folder than the last build's, or without the last build's record", async () => {
    await build("out");
    expect((await build("elsewhere")).patched).toBe(false);
    expect((await build("out")).patched).toBe(false);
    for (const name of readdirSync(path.join(tree, CACHE))) if (name.startsWith("build-")) rmSync(path.join(tree, CACHE, name));
    expect((await build("out")).patched).toBe(false);
    expect((await build("out")).patched).toBe(true);
  }, 60_000);

  it("and writes nothing when the sources are invalid", async () => {
    await build("out");
    const before = folderFiles(path.join(tree, "out"));
    const file = meeting(20);
    const text = readFileSync(path.join(tree, file), "utf8");
    writeFileSync(path.join(tree, file), text.replace(/^summary:/m, "summary: =HYPERLINK(1)\nsummari:"));
    const result = await buildToFolder("sources", path.join(tree, "out"), { cwd: tree, cacheDir: CACHE, version: "1.0.0", threads: 0 });
    expect(result.ok).toBe(false);
    expect(folderFiles(path.join(tree, "out"))).toEqual(before);
    writeFileSync(path.join(tree, file), text);
  }, 60_000);
});

describe("the last build's record", () => {
  it("damaged, of another form or missing files, is no record: the build writes everything", async () => {
    await build("out");
    const record = readdirSync(path.join(tree, CACHE)).find((n) => n.startsWith("build-"))!;
    const file = path.join(tree, CACHE, record);
    const good = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    for (const damaged of ["{", "null", "[]", JSON.stringify({ ...good, keys: 7 }), JSON.stringify({ ...good, written: [{}] }), JSON.stringify({ ...good, about: null }), JSON.stringify({ ...good, files: [] }), JSON.stringify({ ...good, written: (good.written as unknown[]).slice(1) })]) {
      writeFileSync(file, damaged);
      expect((await build("out")).patched, damaged.slice(0, 40)).toBe(false);
    }
    await expectSameAsCold("out");
  }, 60_000);
});

describe("a file changed while a build reads it", () => {
  it("stops the build before records of other bytes than the report's are used", async () => {
    await build("out");
    const { checkSourceTreeStaged } = await import("../../src/validate/check-source-tree.js");
    const { SourcesChangedError } = await import("../../src/model/sources-changed.js");
    // The check's first pass takes findings only (as a build with a last build to patch does)...
    const staged = await checkSourceTreeStaged("sources", withSpeed({ cwd: tree, cacheDir: CACHE, threads: 0 }));
    expect(staged.report.valid).toBe(true);
    // ...then the file changes before the records are read for tables.
    editMeeting(meeting(30), { summary: "Changed between the check and the reading of records." });
    await expect(staged.index()).rejects.toBeInstanceOf(SourcesChangedError);
    // A file gone since it was checked gives no record to patch with, rather than a crash.
    const { record: _record, ...file } = staged.files.find((f) => f.file.endsWith(meeting(31).replace(/^sources\//, "")))!;
    expect(staged.recordOf(file)).toBeDefined();
    const text = readFileSync(path.join(tree, meeting(31)), "utf8");
    rmSync(path.join(tree, meeting(31)));
    expect(staged.recordOf(file)).toBeUndefined();
    writeFileSync(path.join(tree, meeting(31)), text);
  }, 60_000);
});
