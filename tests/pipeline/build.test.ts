import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TABLES } from "../../src/tables/table-definitions.js";
import type { Row, TableDef } from "../../src/tables/field-types.js";
import { arrowType } from "../../src/write/arrow/arrow-writer.js";
import { writeFolderAtomically } from "../../src/write/write-folder-atomically.js";
import { OUTPUT_MARK, OUTPUT_MARK_TEXT } from "../../src/write/output-folder.js";
import { compileDataPackageProfile } from "./profile-validator.js";
import { readArrow, readCsvRows, readDescriptor, readJsonRows } from "./read-package.js";
import { runParlex } from "./run-cli.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SMALL = path.join(ROOT, "tests/fixtures/build/small");
const EXPECTED = path.join(SMALL, "expected");
const scratch = mkdtempSync(path.join(os.tmpdir(), "parlex-build-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function build(sourcesDir: string, out: string, extra: string[] = []) {
  const result = await runParlex(["build", path.relative(ROOT, sourcesDir), "--out", out, ...extra], ROOT);
  if (result.code !== 0) throw new Error(`build failed (${result.code}): ${result.stderr}`);
  return result;
}

function filesUnder(dir: string, prefix = ""): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(dir, path.join(prefix, e.name)) : [path.join(prefix, e.name)]))
    .sort();
}

const small = path.join(scratch, "small");
const real = path.join(scratch, "real");
const packages = [
  { name: "the small fixture", dir: small },
  { name: "the real sources", dir: real },
];

describe("parlex build", async () => {
  await build(path.join(SMALL, "sources"), small, ["--archive", path.join(SMALL, "archive")]);
  await build(path.join(ROOT, "sources"), real, ["--archive", path.join(ROOT, "../shared/source-documents")]);

  it("writes CSV, JSON and datapackage.json byte for byte as the golden files (UPDATE_GOLDEN=1 rewrites them)", () => {
    // parlex's mark is checked on its own below.
    const golden = filesUnder(small).filter((f) => !f.startsWith("arrow/") && !f.startsWith("parquet/") && !/^load\./.test(f) && f !== OUTPUT_MARK);
    if (process.env.UPDATE_GOLDEN) {
      rmSync(EXPECTED, { recursive: true, force: true });
      for (const f of golden) {
        mkdirSync(path.dirname(path.join(EXPECTED, f)), { recursive: true });
        cpSync(path.join(small, f), path.join(EXPECTED, f));
      }
    }
    expect(golden).toEqual(filesUnder(EXPECTED));
    for (const f of golden) expect(readFileSync(path.join(small, f), "utf8"), f).toBe(readFileSync(path.join(EXPECTED, f), "utf8"));
  });

  it("writes Arrow files whose schema and rows read back as the golden JSON says", () => {
    for (const table of TABLES) {
      const { types, rows } = readArrow(small, table);
      expect(types).toEqual(table.fields.map((f, i) => `${f.name}: ${String(arrowType(f, i))}`));
      expect(rows).toEqual(JSON.parse(readFileSync(path.join(EXPECTED, "json", `${table.name}.json`), "utf8")));
    }
  });

  it("marks its output as parlex's, with the same bytes every time", () => {
    expect(readFileSync(path.join(small, OUTPUT_MARK), "utf8")).toBe(OUTPUT_MARK_TEXT);
  });

  it("declares Arrow types: date32 for dates, Int32, Bool, dictionary-encoded categories and plain strings as Utf8", () => {
    const { types } = readArrow(small, TABLES.find((t) => t.name === "meetings")!);
    expect(types).toContain("date_start: Date32<DAY>");
    expect(types).toContain("participant_count: Int32");
    expect(types).toContain("format: Dictionary<Int32, Utf8>");
    expect(types).toContain("city: Utf8");
    expect(types).toContain("country: Utf8");
    expect(readArrow(small, TABLES.find((t) => t.name === "person_names")!).types).toContain("editorial: Bool");
  });

  it("writes `created` only when given a --date: the day the package is made, never a date from the sources", async () => {
    expect(readDescriptor(small).created).toBeUndefined();
    const dated = path.join(scratch, "dated");
    await build(path.join(SMALL, "sources"), dated, ["--date", "2026-12-03", "--no-cache"]);
    const descriptor = readDescriptor(dated);
    expect(descriptor.created).toBe("2026-12-03T00:00:00Z");
    expect(Object.keys(descriptor).indexOf("created")).toBe(Object.keys(descriptor).indexOf("version") + 1);
    expect({ ...descriptor, created: undefined }).toEqual({ ...readDescriptor(small), created: undefined });
  });

  it("ships the data dictionary, made from the table definitions, and load.sql", () => {
    expect(readFileSync(path.join(small, "DATA-DICTIONARY.md"), "utf8")).toContain("| `date_precision` | string | Dictionary<Int32, Utf8> | yes | `day`, `month`, `year`, `range` |");
    expect(readFileSync(path.join(small, "load.sql"), "utf8")).toContain(`CAST("format" AS ENUM('in-person', 'video', 'phone')) AS "format"`);
  });

  it("is reproducible: building the same sources twice gives identical bytes", async () => {
    const again = path.join(scratch, "again");
    await build(path.join(ROOT, "sources"), again, ["--archive", path.join(ROOT, "../shared/source-documents")]);
    expect(filesUnder(again)).toEqual(filesUnder(real));
    for (const f of filesUnder(real)) expect(readFileSync(path.join(again, f)).equals(readFileSync(path.join(real, f))), f).toBe(true);
  });

  describe.each(packages)("the package built from $name", ({ dir }) => {
    const descriptor = readDescriptor(dir);

    it("passes the official Data Package v2 profile", () => {
      const { valid, errors } = compileDataPackageProfile()(descriptor);
      expect(errors).toEqual([]);
      expect(valid).toBe(true);
    });

    it("lists every file with its true sha256, and its true bytes but for JSON (a frictionless-py defect, see describePackage)", () => {
      const resources = descriptor.resources as { path: string; format: string; bytes?: number; hash: string }[];
      expect(resources.map((r) => r.path).sort()).toEqual(filesUnder(dir).filter((f) => /^(csv|json|arrow|parquet)\//.test(f)));
      for (const r of resources) {
        const bytes = readFileSync(path.join(dir, r.path));
        const size = r.format === "json" ? undefined : bytes.length;
        expect({ path: r.path, bytes: r.bytes, hash: r.hash }).toEqual({ path: r.path, bytes: size, hash: `sha256:${createHash("sha256").update(bytes).digest("hex")}` });
      }
    });

    it("holds the same rows and values in CSV, JSON and Arrow for every table", () => {
      for (const table of TABLES) {
        const json = readJsonRows(dir, table);
        expect(readCsvRows(dir, table), `${table.name}.csv`).toEqual(json);
        expect(readArrow(dir, table).rows, `${table.name}.arrow`).toEqual(json);
      }
    });

    it("has unique primary keys and foreign keys that resolve, computed from the written CSV files", () => {
      const rows = new Map<string, Row[]>(TABLES.map((t) => [t.name, readCsvRows(dir, t)]));
      const key = (row: Row, fields: readonly string[]) => JSON.stringify(fields.map((f) => row[f]));
      for (const table of TABLES) {
        const keys = rows.get(table.name)!.map((r) => key(r, table.primaryKey));
        expect(new Set(keys).size, `${table.name} primary key`).toBe(keys.length);
        for (const fk of table.foreignKeys) {
          const targets = new Set(rows.get(fk.reference.table)!.map((r) => key(r, fk.reference.fields)));
          const dangling = rows.get(table.name)!.filter((r) => fk.fields.some((f) => r[f] !== null) && !targets.has(key(r, fk.fields)));
          expect(dangling, `${table.name}(${fk.fields.join()}) → ${fk.reference.table}`).toEqual([]);
        }
      }
    });

    it("sorts every table by its primary key", () => {
      for (const table of TABLES) {
        const keys = readJsonRows(dir, table).map((r) => table.primaryKey.map((f) => String(r[f] ?? "")));
        const sorted = [...keys].sort((a, b) => { for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1; return 0; });
        expect(keys, table.name).toEqual(sorted);
      }
    });
  });

  it("derives dates, precision and positions in normalization", () => {
    const meetings = TABLES.find((t) => t.name === "meetings")!;
    const byId = new Map(readJsonRows(small, meetings).map((r) => [r.meeting_id, r]));
    expect(byId.get("gamma-alpha-astana")).toMatchObject({ date: "2023-01-23/2023-01-27", date_start: "2023-01-23", date_end: "2023-01-27", date_precision: "range", visit_id: "npc-visit", city: null, country: "KZ" });
    expect(byId.get("alpha-beta-video")).toMatchObject({ date: "2022-06-28", date_start: "2022-06-28", date_end: "2022-06-28", date_precision: "day", participant_count: 2 });
    const positions = readJsonRows(small, TABLES.find((t) => t.name === "positions")!);
    // One office worded two ways is one row; its dates are bounds of the first and last attestation.
    expect(positions).toContainEqual({
      person_id: "ana-alpha",
      body_id: "mazhilis",
      office: "chair",
      roles: 'Speaker of the Mazhilis; Speaker, "Mazhilis"',
      first_attested_earliest: "2022-06-28",
      first_attested_latest: "2022-06-28",
      last_attested_earliest: "2023-01-23",
      last_attested_latest: "2023-01-27",
      meeting_count: 2,
    });
    const visitTopics = readJsonRows(small, TABLES.find((t) => t.name === "visit_topics")!);
    expect(visitTopics).toEqual([{ visit_id: "npc-visit", topic_id: "economy" }]);
  });

  it("ends with a summary of each table's rows, the files' bytes, the folder and the time", async () => {
    const { stdout } = await build(path.join(SMALL, "sources"), path.join(scratch, "summary"));
    for (const table of TABLES) expect(stdout).toMatch(new RegExp(`^${table.name} +\\d+ +\\d+ +\\d+ +\\d+$`, "m"));
    expect(stdout).toMatch(/^Wrote \d+ files \(\d+ bytes\) to .*summary in \d+\.\d\d s\.$/m);
  });
});

describe("parlex build on invalid sources", () => {
  it("writes nothing, leaves the previous output as it was and reports like validate", async () => {
    const tree = path.join(scratch, "broken");
    cpSync(path.join(SMALL, "sources"), path.join(tree, "sources"), { recursive: true });
    const out = path.join(scratch, "previous");
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, OUTPUT_MARK), OUTPUT_MARK_TEXT);
    writeFileSync(path.join(out, "datapackage.json"), "previous build");
    const meeting = path.join(tree, "sources/meetings/2022/alpha-beta-video.yaml");
    writeFileSync(meeting, readFileSync(meeting, "utf8").replace("person: bo-beta", "person: bo-betta"));
    const result = await runParlex(["build", "sources", "--out", out], tree);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^sources\/meetings\/2022\/alpha-beta-video\.yaml:9:13 {2}error {2}ref\/unknown-person {2}/m);
    expect(filesUnder(out)).toEqual([OUTPUT_MARK, "datapackage.json"]);
    expect(readFileSync(path.join(out, "datapackage.json"), "utf8")).toBe("previous build");
    expect(readdirSync(scratch).filter((n) => n.startsWith(".parlex-"))).toEqual([]);
  });
});

describe("writeFolderAtomically", () => {
  it("leaves the previous folder untouched and no staging folder when writing fails", async () => {
    const target = path.join(scratch, "atomic", "out");
    await writeFolderAtomically(target, new Map([["datapackage.json", new TextEncoder().encode("old")]]));
    // A file and a folder of the same name cannot both be written: the write fails midway.
    const failing = new Map([["load.sql", new Uint8Array([1])], ["load.sql/c.txt", new Uint8Array([2])]]);
    await expect(writeFolderAtomically(target, failing)).rejects.toThrow(/load\.sql/);
    expect(filesUnder(target)).toEqual([OUTPUT_MARK, "datapackage.json"]);
    expect(readdirSync(path.dirname(target))).toEqual(["out"]);
  });

  it("checks the folder again just before the swap: a file put there meanwhile stops the build, and stays", async () => {
    const target = path.join(scratch, "meanwhile", "out");
    await writeFolderAtomically(target, new Map([["datapackage.json", new TextEncoder().encode("old")]]));
    writeFileSync(path.join(target, "my-notes.md"), "mine");
    await expect(writeFolderAtomically(target, new Map([["datapackage.json", new TextEncoder().encode("new")]]))).rejects.toMatchObject({ code: "output/foreign-entries" });
    expect(readFileSync(path.join(target, "my-notes.md"), "utf8")).toBe("mine");
    expect(readdirSync(path.dirname(target))).toEqual(["out"]);
  });

  it("puts back a previous output that a killed run left retired", async () => {
    const parent = path.join(scratch, "retired");
    mkdirSync(path.join(parent, ".parlex-retired-out"), { recursive: true });
    writeFileSync(path.join(parent, ".parlex-retired-out", "datapackage.json"), "old");
    writeFileSync(path.join(parent, ".parlex-retired-out", OUTPUT_MARK), OUTPUT_MARK_TEXT);
    // A dead process's staging folder is removed; a live one's (this process's) is not.
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;
    mkdirSync(path.join(parent, `.parlex-staging-${dead}-out-abcdef`), { recursive: true });
    mkdirSync(path.join(parent, `.parlex-staging-${process.pid}-out-ghijkl`), { recursive: true });
    const target = path.join(parent, "out");
    await writeFolderAtomically(target, new Map([["load.sql", new TextEncoder().encode("new")]]));
    expect(filesUnder(target)).toEqual([OUTPUT_MARK, "load.sql"]);
    expect(readdirSync(parent).sort()).toEqual([`.parlex-staging-${process.pid}-out-ghijkl`, "out"]);
    expect(existsSync(path.join(parent, ".parlex-retired-out"))).toBe(false);
  });
});

/** Used by the table-driven tests above; keeps TableDef in the type space. */
export type { TableDef };
