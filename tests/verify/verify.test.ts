import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { tableFromArrays, tableToIPC } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { sourceFromFolder } from "../../src/verify/file-source.js";
import { verifyPackage, type VerifyReport } from "../../src/verify/verify-package.js";
import { tableNamed } from "../../src/tables/table-definitions.js";
import { csvWriter } from "../../src/write/csv/csv-writer.js";
import { jsonWriter } from "../../src/write/json/json-writer.js";
import { arrowWriter } from "../../src/write/arrow/arrow-writer.js";
import { parquetWriter } from "../../src/write/parquet/parquet-writer.js";
import { ARCHIVE_1_0_0, editSource, makeProject, releasedProject, resealRelease, runParlexInProcess, runParlexProcess } from "../release/helpers.js";

const { scratch, project, release } = releasedProject("verify");
const ARCHIVE = ARCHIVE_1_0_0;

/** Verify a folder or archive in-process, as `parlex verify PATH --format json`. */
async function verify(target: string): Promise<{ code: number; report: VerifyReport }> {
  const { code, stdout } = await runParlexInProcess(["verify", target, "--format", "json"], scratch);
  return { code, report: JSON.parse(stdout) as VerifyReport };
}

/** A copy of the fresh release, changed by `edit`. */
function copyOf(name: string, edit: (dir: string) => void): string {
  const dir = path.join(scratch, name);
  cpSync(release, dir, { recursive: true });
  edit(dir);
  return dir;
}

function replaceIn(file: string, from: string, to: string): void {
  const text = readFileSync(file, "utf8");
  if (!text.includes(from)) throw new Error(`${file} does not contain ${from}`);
  writeFileSync(file, text.replace(from, to));
}

const codes = (report: VerifyReport) => report.problems.map((p) => [p.code, p.file]);

describe("parlex verify", () => {
  it("passes a fresh release, folder and archive, the folder from a child process as a user runs it", async () => {
    const folder = await runParlexProcess(["verify", "dist-data/1.0.0"], project);
    expect(folder).toMatchObject({ code: 0, stderr: "" });
    expect(folder.stdout).toMatch(/^✓ dist-data\/1\.0\.0 \(1\.0\.0\) is intact: 75 files checked/);
    const archive = await runParlexInProcess(["verify", `dist-data/1.0.0/${ARCHIVE}`], project);
    expect(archive).toMatchObject({ code: 0, stderr: "" });
  });

  it("reports as JSON exactly what the library returns: ok, the counts, no problems", async () => {
    const { code, report } = await verify(release);
    expect(code).toBe(0);
    expect(report).toMatchObject({ ok: true, version: "1.0.0", problems: [], files: 75, tables: 32, rows: 82 });
    expect(report).toEqual(await verifyPackage(sourceFromFolder(release, release), { fromArchive: false }));
  });

  it("fails a release with one byte changed, naming the file in each check that sees it", async () => {
    const dir = copyOf("one-byte", (d) => replaceIn(path.join(d, "csv/people.csv"), "Bo Beta", "Bo Betb"));
    const { code, report } = await verify(dir);
    expect(code).toBe(1);
    expect(codes(report)).toEqual([
      ["archive/mismatch", ARCHIVE],
      ["checksums/mismatch", "csv/people.csv"],
      ["resource/hash", "csv/people.csv"],
      // Its values now differ from the JSON and Arrow files', which agree: the CSV file is named.
      ["data/formats-differ", "csv/people.csv"],
    ]);
  });

  it("fails a release with one file missing", async () => {
    const dir = copyOf("missing", (d) => rmSync(path.join(d, "json/topics.json")));
    const { code, report } = await verify(dir);
    expect(code).toBe(1);
    expect(codes(report)).toEqual([
      ["archive/extra-file", ARCHIVE],
      ["checksums/file-missing", "json/topics.json"],
      ["resource/missing", "json/topics.json"],
    ]);
  });

  it("fails a broken foreign key even when every checksum and hash was fixed up to match", async () => {
    const dir = copyOf("foreign-key", (d) => replaceIn(path.join(d, "csv/meeting_participants.csv"), "alpha-beta-video,bo-beta,", "alpha-beta-video,di-delta,"));
    await resealRelease(dir);
    const { code, report } = await verify(dir);
    expect(code).toBe(1);
    expect(report.problems).toEqual([
      { code: "data/foreign-key", file: "csv/meeting_participants.csv", row: 3, message: '(person_id) = ["di-delta"] is not a row of people(person_id)' },
      // The CSV file no longer holds what the JSON and Arrow files (which agree) hold.
      { code: "data/formats-differ", file: "csv/meeting_participants.csv", message: "its values differ from json/meeting_participants.json's: every format of meeting_participants must hold the same values" },
    ]);
  });

  it("fails a release whose JSON differs from its CSV, every checksum and hash fixed up to match, in worker threads and here", async () => {
    const dir = copyOf("json-differs", (d) => replaceIn(path.join(d, "json/meetings.json"), '"title":"Cy Gamma meets Ana Alpha"', '"title":"Cy Gamma meets Ana Alpha again"'));
    await resealRelease(dir);
    const { code, report } = await verify(dir);
    expect(code).toBe(1);
    expect(report.problems).toEqual([
      { code: "data/formats-differ", file: "json/meetings.json", message: "its values differ from csv/meetings.csv's: every format of meetings must hold the same values" },
    ]);
    const source = sourceFromFolder(dir, dir);
    expect(await verifyPackage(source, { fromArchive: false, parallelBytes: 0 })).toEqual(await verifyPackage(source, { fromArchive: false, parallelBytes: Number.POSITIVE_INFINITY }));
  });

  it("fails a release whose Arrow or Parquet file holds other values or other rows than its CSV, resealed", async () => {
    // The Arrow files of the same tables built from edited sources, in place of the release's own.
    const other = makeProject(scratch, "other-values");
    editSource(other, "meetings/2023/gamma-alpha-astana.yaml", (t) => t.replace("title: Cy Gamma meets Ana Alpha", "title: Cy Gamma meets Ana Alpha in Astana"));
    rmSync(path.join(other, "sources/topics/commerce.yaml"), { force: true });
    const built = await runParlexInProcess(["build", "--out", "out", "--quiet"], other);
    if (built.code !== 0) throw new Error(built.stderr);
    const dir = copyOf("arrow-differs", (d) => cpSync(path.join(other, "out/arrow/meetings.arrow"), path.join(d, "arrow/meetings.arrow")));
    await resealRelease(dir);
    const { report } = await verify(dir);
    expect(report.problems).toEqual([
      { code: "data/formats-differ", file: "arrow/meetings.arrow", message: "its values differ from csv/meetings.csv's: every format of meetings must hold the same values" },
    ]);
    // The same for Parquet (read back by parquet-wasm into Arrow): other values, and not Parquet at all.
    const parquet = copyOf("parquet-differs", (d) => cpSync(path.join(other, "out/parquet/meetings.parquet"), path.join(d, "parquet/meetings.parquet")));
    await resealRelease(parquet);
    expect((await verify(parquet)).report.problems).toEqual([
      { code: "data/formats-differ", file: "parquet/meetings.parquet", message: "its values differ from csv/meetings.csv's: every format of meetings must hold the same values" },
    ]);
    const notParquet = copyOf("parquet-garbage", (d) => writeFileSync(path.join(d, "parquet/topics.parquet"), "PAR1 not really PAR1"));
    await resealRelease(notParquet);
    expect((await verify(notParquet)).report.problems).toEqual([{ code: "data/format", file: "parquet/topics.parquet", message: expect.stringMatching(/^not a readable Parquet file: /) }]);
    // An Arrow file of the same values whose dates are text and counts floats: the values hash
    // alike, the types are not the descriptor's.
    const retyped = copyOf("arrow-types", (d) => {
      const rows = JSON.parse(readFileSync(path.join(d, "json/meetings.json"), "utf8")) as Record<string, unknown>[];
      const columns = Object.keys(rows[0]!).map((name) => [name, rows.map((r) => r[name])]);
      writeFileSync(path.join(d, "arrow/meetings.arrow"), tableToIPC(tableFromArrays(Object.fromEntries(columns)), "file"));
    });
    await resealRelease(retyped);
    expect((await verify(retyped)).report.problems).toContainEqual({ code: "data/format", file: "arrow/meetings.arrow", message: expect.stringMatching(/^column date_start is .*, where the table's schema says date$/) });
    const rows = copyOf("arrow-rows", (d) => cpSync(path.join(other, "out/arrow/meetings.arrow"), path.join(d, "arrow/people.arrow")));
    await resealRelease(rows);
    expect((await verify(rows)).report.problems).toEqual([
      { code: "data/format", file: "arrow/people.arrow", message: expect.stringMatching(/^columns are meeting_id, title, .*; the table's schema says person_id, /) },
    ]);
  });

  it("does not let a CSV twin vouch for a JSON table whose bytes are not UTF-8, or whose foreign key points at no table", async () => {
    // An overlong "/" (C0 AF) in a JSON date range: decoded as U+FFFD by every reader, it is not the CSV's "/".
    const overlong = copyOf("overlong", (d) => {
      const file = path.join(d, "json/meetings.json");
      const bytes = readFileSync(file);
      const at = bytes.indexOf(Buffer.from('"date":"2023-01-23/'));
      if (at < 0) throw new Error("no date range in json/meetings.json");
      const slash = at + '"date":"2023-01-23'.length;
      writeFileSync(file, Buffer.concat([bytes.subarray(0, slash), Buffer.from([0xc0, 0xaf]), bytes.subarray(slash + 1)]));
    });
    await resealRelease(overlong);
    const codes = (await verify(overlong)).report.problems.filter((p) => p.file === "json/meetings.json").map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(["data/pattern", "data/formats-differ"]));

    // visits-json taken out of the descriptor (its file kept): the JSON tables' keys into it point at nothing.
    const noVisits = copyOf("no-visits-json", (d) => {
      const file = path.join(d, "datapackage.json");
      const descriptor = JSON.parse(readFileSync(file, "utf8"));
      descriptor.resources = descriptor.resources.filter((r: { name: string }) => r.name !== "visits-json");
      writeFileSync(file, JSON.stringify(descriptor, null, 2) + "\n");
    });
    await resealRelease(noVisits);
    const found = (await verify(noVisits)).report.problems;
    expect(found.map((p) => p.code)).toContain("descriptor/foreign-key");
    expect(found.find((p) => p.code === "descriptor/foreign-key")!.message).toMatch(/points at visits-json\(visit_id\), which is not a table of this package/);
  });

  it("fails a broken self-reference (a topic's parent) in a JSON table", async () => {
    const dir = copyOf("self-reference", (d) => replaceIn(path.join(d, "json/topics.json"), '"parent_topic_id":"trade"', '"parent_topic_id":"commerce"'));
    await resealRelease(dir);
    const { report } = await verify(dir);
    expect(report.problems).toEqual([
      { code: "data/foreign-key", file: "json/topics.json", row: 1, message: '(parent_topic_id) = ["commerce"] is not a row of topics-json(topic_id)' },
      { code: "data/formats-differ", file: "json/topics.json", message: "its values differ from csv/topics.csv's: every format of topics must hold the same values" },
    ]);
  });

  it("checks types and constraints: required, pattern, enum, minimum, integer, unique primary key", async () => {
    const dir = copyOf("constraints", (d) => {
      const file = path.join(d, "csv/positions.csv");
      const [header, first, second] = readFileSync(file, "utf8").trimEnd().split("\n");
      const cells = first!.split(",");
      cells[cells.length - 1] = "0";
      writeFileSync(file, [header, cells.join(","), second, second!.replace(/,\d+$/, ",two")].join("\n") + "\n");
      replaceIn(path.join(d, "csv/meetings.csv"), ",video,", ",letter,");
      replaceIn(path.join(d, "csv/people.csv"), "bo-beta,Bo Beta,CN", "bo-beta,,cn");
    });
    await resealRelease(dir);
    const { report } = await verify(dir);
    expect(report.problems.map((p) => [p.code, p.file, p.row])).toEqual([
      ["data/enum", "csv/meetings.csv", 2],
      ["data/formats-differ", "csv/meetings.csv", undefined],
      ["data/required", "csv/people.csv", 3],
      ["data/pattern", "csv/people.csv", 3],
      ["data/formats-differ", "csv/people.csv", undefined],
      ["data/minimum", "csv/positions.csv", 2],
      ["data/type", "csv/positions.csv", 4],
      ["data/primary-key", "csv/positions.csv", 4],
      ["data/formats-differ", "csv/positions.csv", undefined],
    ]);
  });

  it("finds the same problems whether the table groups are checked in worker threads or here", async () => {
    const dir = copyOf("threads", (d) => {
      replaceIn(path.join(d, "csv/meetings.csv"), ",video,", ",letter,");
      replaceIn(path.join(d, "json/people.json"), '"country":"CN"', '"country":"cn"');
      replaceIn(path.join(d, "csv/people.csv"), "bo-beta,Bo Beta,CN", "bo-beta,,CN");
      // A foreign key broken too: found in the worker thread as here.
      replaceIn(path.join(d, "csv/meeting_participants.csv"), "alpha-beta-video,bo-beta,", "alpha-beta-video,di-delta,");
    });
    await resealRelease(dir);
    replaceIn(path.join(dir, "csv/topics.csv"), "Trade", "Tr4de");
    const source = sourceFromFolder(dir, dir);
    const threads = await verifyPackage(source, { fromArchive: false, parallelBytes: 0 });
    const here = await verifyPackage(source, { fromArchive: false, parallelBytes: Number.POSITIVE_INFINITY });
    expect(threads.problems.length).toBeGreaterThan(4);
    expect(threads.problems.map((p) => p.code)).toEqual(expect.arrayContaining(["data/enum", "data/required", "data/pattern", "data/foreign-key", "checksums/mismatch", "archive/mismatch"]));
    expect(threads.problems).toContainEqual({ code: "data/foreign-key", file: "csv/meeting_participants.csv", row: 3, message: '(person_id) = ["di-delta"] is not a row of people(person_id)' });
    expect(threads).toEqual(here);
  });

  it("reports a descriptor pattern that is not a regular expression, in worker threads and here, without crashing", async () => {
    const dir = copyOf("bad-pattern", (d) => {
      const file = path.join(d, "datapackage.json");
      const descriptor = JSON.parse(readFileSync(file, "utf8"));
      const people = descriptor.resources.find((r: { name: string }) => r.name === "people-json");
      people.schema.fields.find((f: { name: string }) => f.name === "person_id").constraints.pattern = "[";
      writeFileSync(file, JSON.stringify(descriptor, null, 2) + "\n");
    });
    await resealRelease(dir);
    const source = sourceFromFolder(dir, dir);
    const threads = await verifyPackage(source, { fromArchive: false, parallelBytes: 0 });
    const here = await verifyPackage(source, { fromArchive: false, parallelBytes: Number.POSITIVE_INFINITY });
    expect(threads).toEqual(here);
    expect(threads.problems.map((p) => [p.code, p.file])).toContainEqual(["descriptor/invalid", "datapackage.json"]);
    expect(threads.problems.find((p) => p.code === "descriptor/invalid")!.message).toMatch(/people-json, field person_id/);
  });

  it("passes a table with no rows, as the writers write it (a header line only; an empty JSON array)", async () => {
    const dir = copyOf("empty-table", (d) => {
      const table = tableNamed("visit_documents");
      writeFileSync(path.join(d, "csv/visit_documents.csv"), csvWriter.write(table, []));
      writeFileSync(path.join(d, "json/visit_documents.json"), jsonWriter.write(table, []));
      writeFileSync(path.join(d, "arrow/visit_documents.arrow"), arrowWriter.write(table, []));
      writeFileSync(path.join(d, "parquet/visit_documents.parquet"), parquetWriter.write(table, []));
    });
    expect(readFileSync(path.join(dir, "csv/visit_documents.csv"), "utf8")).toBe("visit_id,document_id\n");
    await resealRelease(dir);
    expect(await verify(dir)).toMatchObject({ code: 0, report: { problems: [] } });
  });

  it("verifies the archive by itself, and fails a damaged one", async () => {
    const { code } = await verify(path.join(release, ARCHIVE));
    expect(code).toBe(0);
    const damaged = path.join(scratch, "damaged.tar.gz");
    const bytes = readFileSync(path.join(release, ARCHIVE));
    bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0xff;
    writeFileSync(damaged, bytes);
    const result = await verify(damaged);
    expect(result.code).toBe(1);
    expect(result.report.problems[0]).toMatchObject({ code: "archive/unreadable", file: "damaged.tar.gz" });
  });

  it("is a usage error (exit 2) without a PATH or with one that does not exist", async () => {
    expect((await runParlexInProcess(["verify"], project)).code).toBe(2);
    expect((await runParlexInProcess(["verify", "dist-data/9.9.9"], project)).code).toBe(2);
  });
});
