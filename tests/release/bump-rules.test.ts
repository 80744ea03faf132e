import path from "node:path";
import { mkdirSync, renameSync, rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requiredBump } from "../../src/release/bump.js";
import { diffPackages } from "../../src/release/diff-packages.js";
import type { PackageSnapshot } from "../../src/verify/read-package.js";
import { buildSmallPackage, editCopy, scratchDir, snapshotOf, type EditablePackage } from "./helpers.js";

const scratch = scratchDir("bump");
const base = path.join(scratch, "base");
let before: PackageSnapshot;
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
beforeAll(async () => {
  await buildSmallPackage(base);
  before = await snapshotOf(base);
});

/** The bump, and the kind of change that decides it, of one hand edit of the built package. */
async function bumpOf(name: string, edit: (pkg: EditablePackage) => void) {
  const after = await snapshotOf(editCopy(base, path.join(scratch, name), edit));
  const diff = diffPackages(before, after);
  const bump = requiredBump(diff);
  return { level: bump.level, kind: bump.because?.kind ?? null, diff };
}

/** Every resource (CSV, JSON, Arrow) of a table: a schema change is made in each, as a build would. */
function tableResources(pkg: EditablePackage, table: string) {
  return pkg.descriptor.resources.filter((r) => r.name === table || r.name.startsWith(`${table}-`));
}

function fieldOf(pkg: EditablePackage, table: string, field: string) {
  return tableResources(pkg, table).flatMap((r) => r.schema?.fields.filter((f) => f.name === field) ?? []);
}

describe("the smallest bump a change requires (Data Package semver, DESIGN.md)", () => {
  it("nothing changed: no bump", async () => {
    expect(await bumpOf("same", () => {})).toMatchObject({ level: null, kind: null });
  });

  it("a field removed from the descriptor and the data is major", async () => {
    const result = await bumpOf("field-removed", (pkg) => {
      for (const r of tableResources(pkg, "people")) if (r.schema) r.schema.fields = r.schema.fields.filter((f) => f.name !== "country");
      pkg.setRows("people", pkg.rows("people").map(({ country: _c, ...rest }) => rest));
    });
    expect(result).toMatchObject({ level: "major", kind: "field-removed" });
    expect(result.diff.changes.filter((c) => c.kind === "field-removed")).toEqual([{ level: "major", kind: "field-removed", table: "people", field: "country", summary: "Column `people.country` is gone.", message: "field people.country removed" }]);
  });

  it("a field retyped is major", async () => {
    const result = await bumpOf("retyped", (pkg) => {
      for (const f of fieldOf(pkg, "positions", "meeting_count")) f.type = "number";
    });
    expect(result).toMatchObject({ level: "major", kind: "field-retyped" });
  });

  it("a constraint tightened (a minimum raised) is major; loosened (lowered) is minor", async () => {
    expect(await bumpOf("tightened", (pkg) => fieldOf(pkg, "positions", "meeting_count").forEach((f) => ((f.constraints as Record<string, unknown>).minimum = 2)))).toMatchObject({ level: "major", kind: "constraint-tightened" });
    expect(await bumpOf("loosened", (pkg) => fieldOf(pkg, "positions", "meeting_count").forEach((f) => ((f.constraints as Record<string, unknown>).minimum = 0)))).toMatchObject({ level: "minor", kind: "constraint-loosened" });
  });

  it("a pattern loosened ([A-Z]{2} → [A-Z]{2,3}) is minor, decided by comparing what each accepts; narrowed back, major", async () => {
    const pattern = (p: string) => (pkg: EditablePackage) => fieldOf(pkg, "people", "country").forEach((f) => ((f.constraints as Record<string, unknown>).pattern = p));
    const loosened = await bumpOf("pattern-loosened", pattern("[A-Z]{2,3}"));
    expect(loosened).toMatchObject({ level: "minor", kind: "constraint-loosened" });
    expect(loosened.diff.changes).toEqual([expect.objectContaining({ kind: "constraint-loosened", accepted: "AAA" })]);
    expect(await bumpOf("pattern-other", pattern("[A-Z]{3}"))).toMatchObject({ level: "major", kind: "constraint-changed" });
  });

  it("a field made required is major; an enum value added is minor", async () => {
    expect(await bumpOf("required", (pkg) => fieldOf(pkg, "bodies", "abbreviation").forEach((f) => (f.constraints = { required: true })))).toMatchObject({ level: "major", kind: "constraint-tightened" });
    const added = await bumpOf("enum-added", (pkg) =>
      fieldOf(pkg, "meetings", "format").forEach((f) => {
        (f.constraints as { enum: string[] }).enum.push("letter");
        (f.categories as string[]).push("letter");
      }),
    );
    expect(added).toMatchObject({ level: "minor", kind: "constraint-loosened" });
    expect(added.diff.changes).toHaveLength(1);
  });

  it("a row removed is major, naming the ID", async () => {
    const result = await bumpOf("row-removed", (pkg) => pkg.setRows("meeting_topics", pkg.rows("meeting_topics").slice(1)));
    expect(result).toMatchObject({ level: "major", kind: "rows-removed" });
    expect(result.diff.records).toEqual([{ table: "meeting_topics", primaryKey: ["meeting_id", "topic_id"], added: [], changed: [], removed: [{ id: "alpha-beta-video / e-commerce", key: { meeting_id: "alpha-beta-video", topic_id: "e-commerce" } }] }]);
  });

  it("a row added is minor", async () => {
    const result = await bumpOf("row-added", (pkg) => pkg.setRows("people", [...pkg.rows("people"), { person_id: "di-delta", name: "Di Delta", country: "KZ" }]));
    expect(result).toMatchObject({ level: "minor", kind: "rows-added" });
    expect(result.diff.records[0]!.added).toEqual([{ id: "di-delta", key: { person_id: "di-delta" } }]);
  });

  it("a field added is minor", async () => {
    const result = await bumpOf("field-added", (pkg) => {
      for (const r of tableResources(pkg, "people")) r.schema?.fields.push({ name: "wikidata", type: "string", description: "Wikidata item." });
      pkg.setRows("people", pkg.rows("people").map((row) => ({ ...row, wikidata: null })));
    });
    expect(result).toMatchObject({ level: "minor", kind: "field-added" });
  });

  it("a table added is minor, reported once (not once per resource)", async () => {
    const result = await bumpOf("table-added", (pkg) => {
      const people = pkg.json("people");
      pkg.descriptor.resources.push({ ...structuredClone(people), name: "staff-json", path: "json/staff.json" });
      pkg.setRows("staff", []);
    });
    expect(result).toMatchObject({ level: "minor", kind: "table-added" });
    expect(result.diff.changes.map((c) => c.kind)).toEqual(["table-added"]);
  });

  it("a table removed is major", async () => {
    const result = await bumpOf("table-removed", (pkg) => {
      pkg.descriptor.resources = pkg.descriptor.resources.filter((r) => !["visit_documents", "visit_documents-json", "visit_documents-arrow"].includes(r.name));
    });
    expect(result).toMatchObject({ level: "major", kind: "table-removed" });
  });

  it("a value corrected is patch, field by field with before and after", async () => {
    const result = await bumpOf("value-corrected", (pkg) => pkg.setRows("people", pkg.rows("people").map((row) => (row.person_id === "bo-beta" ? { ...row, name: "Bo Beta Jr." } : row))));
    expect(result).toMatchObject({ level: "patch", kind: "rows-changed" });
    expect(result.diff.records[0]!.changed).toEqual([{ id: "bo-beta", key: { person_id: "bo-beta" }, fields: [{ field: "name", before: "Bo Beta", after: "Bo Beta Jr." }] }]);
  });

  it("descriptive metadata (the package title, a table's description) is patch", async () => {
    expect(await bumpOf("title", (pkg) => (pkg.descriptor.title = "Another title"))).toMatchObject({ level: "patch", kind: "metadata-changed" });
    expect(await bumpOf("description", (pkg) => (pkg.json("topics").description = "Subjects."))).toMatchObject({ level: "patch", kind: "table-described" });
  });

  it("a primary key changed is major", async () => {
    expect(await bumpOf("primary-key", (pkg) => tableResources(pkg, "people").forEach((r) => r.schema && (r.schema.primaryKey = ["person_id", "name"])))).toMatchObject({ level: "major", kind: "primary-key-changed" });
  });

  it("moving the files (paths only) is no change", async () => {
    const moved = await bumpOf("moved", (pkg) => {
      mkdirSync(path.join(pkg.dir, "v2"));
      for (const format of ["csv", "json", "arrow", "parquet"]) renameSync(path.join(pkg.dir, format), path.join(pkg.dir, "v2", format));
      pkg.descriptor.resources.forEach((r) => (r.path = `v2/${r.path}`));
    });
    expect(moved).toMatchObject({ level: null });
  });
});
