// `parlex site` as a command: what it writes (releases.json, latest/ and <version>/ byte for byte,
// a page per record) and where it refuses to write (a folder it did not make), with its exit codes.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSite } from "../../src/site/write-site.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const scratch = mkdtempSync(path.join(tmpdir(), "parlex-site-cli-"));
const site = path.join(scratch, "site");
const parlex = (args: string[]) => spawnSync(process.execPath, [path.join(ROOT, "bin/parlex.js"), ...args], { cwd: ROOT, encoding: "utf8" });
const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const versions = readdirSync(path.join(ROOT, "dist-data")).filter((v) => /^\d+\.\d+\.\d+$/.test(v)).sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
const latest = versions.at(-1)!;

beforeAll(() => {
  const made = parlex(["site", "--out", site]);
  expect({ code: made.status, stderr: made.stderr }).toEqual({ code: 0, stderr: "" });
  expect(made.stdout).toContain(`site of release ${latest}`);
}, 60_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function filesOf(dir: string, prefix = ""): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesOf(dir, path.join(prefix, e.name)) : [path.join(prefix, e.name)]));
}

describe("parlex site", () => {
  it("serves every release's files byte for byte under <version>/, and the latest's under latest/", () => {
    for (const version of versions) {
      const release = path.join(ROOT, "dist-data", version);
      const files = filesOf(release);
      expect(filesOf(path.join(site, version)).sort()).toEqual([...files].sort());
      for (const f of files) expect(sha256(path.join(site, version, f)), `${version}/${f}`).toBe(sha256(path.join(release, f)));
    }
    for (const f of filesOf(path.join(ROOT, "dist-data", latest))) expect(sha256(path.join(site, "latest", f))).toBe(sha256(path.join(ROOT, "dist-data", latest, f)));
  });

  it("releases.json gives each release's version, date, archive and the archive's sha256", () => {
    const index = JSON.parse(readFileSync(path.join(site, "releases.json"), "utf8")) as { latest: string; releases: { version: string; date: string; archive: string; sha256: string; bytes: number }[] };
    expect(index.latest).toBe(latest);
    expect(index.releases.map((r) => r.version)).toEqual(versions);
    for (const r of index.releases) {
      const cff = readFileSync(path.join(ROOT, "dist-data", r.version, "CITATION.cff"), "utf8");
      expect(cff).toContain(`date-released: "${r.date}"`);
      expect(sha256(path.join(site, r.archive))).toBe(r.sha256);
      expect(existsSync(path.join(ROOT, "dist-data", r.archive))).toBe(true);
    }
  });

  it("writes a page for every meeting, person, body and topic, by ID, each naming the release", () => {
    for (const [table, key, folder] of [["meetings", "meeting_id", "meeting"], ["people", "person_id", "person"], ["bodies", "body_id", "body"], ["topics", "topic_id", "topic"]] as const) {
      const rows = JSON.parse(readFileSync(path.join(ROOT, "dist-data", latest, "json", `${table}.json`), "utf8")) as Record<string, string>[];
      expect(readdirSync(path.join(site, folder)).sort()).toEqual(rows.map((r) => `${encodeURIComponent(r[key]!)}.html`).sort());
      expect(readFileSync(path.join(site, folder, `${encodeURIComponent(rows[0]![key]!)}.html`), "utf8")).toContain(`This page shows release <a href="../releases/${latest}.html">${latest}</a>`);
    }
    const changelog = readFileSync(path.join(site, "releases", `${latest}.html`), "utf8");
    expect(changelog).toContain(`<h3>${latest} — `);
    expect(changelog).not.toContain(`<h3>${versions[0]} — `);
  });

  it("replaces a site it wrote, and refuses a folder it did not (exit 2, nothing touched)", () => {
    expect(parlex(["site", "--out", site, "--quiet"]).status).toBe(0);
    const other = path.join(scratch, "mine");
    mkdirSync(other);
    writeFileSync(path.join(other, "notes.txt"), "keep me");
    const refused = parlex(["site", "--out", other]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(`parlex site: ${other} is not empty and has no .parlex-site, so parlex did not write it: parlex replaces an output folder whole. Give a new or empty folder; or, if this is an old build's output, delete it yourself first. [output/not-parlex]\n`);
    expect(readdirSync(other)).toEqual(["notes.txt"]);
    expect(readdirSync(scratch).filter((e) => e.startsWith(".parlex-"))).toEqual([]);
  });

  it("refuses to serve a release changed since it was published (a cell, a file added or gone): exit 1, nothing written", () => {
    const dist = path.join(scratch, "dist-copy");
    cpSync(path.join(ROOT, "dist-data", latest), path.join(dist, latest), { recursive: true });
    const people = path.join(dist, latest, "csv/people.csv");
    const original = readFileSync(people);
    writeFileSync(people, original.toString("utf8").replace(/\n(.)/, (_, c: string) => `\n${c === "x" ? "y" : "x"}`));
    const out = path.join(scratch, "tampered-site");
    const changed = parlex(["site", "--releases", dist, "--out", out]);
    expect(changed.status).toBe(1);
    expect(changed.stderr).toMatch(new RegExp(`^parlex site: .*${latest}: csv/people\\.csv  checksums/mismatch  sha256 is [0-9a-f]{64}; SHA256SUMS says [0-9a-f]{64}; the release is not as it was published: run \`parlex verify .*\` \\(nothing was written\\)\n$`));
    writeFileSync(people, original);
    writeFileSync(path.join(dist, latest, "csv/extra.csv"), "a\n1\n");
    expect(parlex(["site", "--releases", dist, "--out", out]).stderr).toContain(": csv/extra.csv  checksums/unlisted  ");
    rmSync(path.join(dist, latest, "csv/extra.csv"));
    rmSync(people);
    expect(parlex(["site", "--releases", dist, "--out", out]).stderr).toContain(": csv/people.csv  checksums/file-missing  ");
    expect(existsSync(out)).toBe(false);
    writeFileSync(people, original);
    // SHA256SUMS gone; an archive planted beside the release's; the release's archive not its files.
    const sums = path.join(dist, latest, "SHA256SUMS");
    const sealed = readFileSync(sums);
    rmSync(sums);
    expect(parlex(["site", "--releases", dist, "--out", out]).stderr).toContain(": SHA256SUMS  checksums/missing  ");
    writeFileSync(sums, sealed);
    writeFileSync(path.join(dist, latest, "0-planted.tar.gz"), "x");
    expect(parlex(["site", "--releases", dist, "--out", out]).stderr).toContain(": 0-planted.tar.gz  archive/unreadable  ");
    rmSync(path.join(dist, latest, "0-planted.tar.gz"));
    const archive = readdirSync(path.join(dist, latest)).find((f) => f.endsWith(".tar.gz"))!;
    const packed = readFileSync(path.join(dist, latest, archive));
    writeFileSync(path.join(dist, latest, archive), "not gzip");
    const garbage = parlex(["site", "--releases", dist, "--out", out]);
    expect({ code: garbage.status, first: garbage.stderr.split(": ")[0] }).toEqual({ code: 1, first: "parlex site" });
    expect(garbage.stderr).toContain(`: ${archive}  archive/unreadable  `);
    expect(existsSync(out)).toBe(false);
    writeFileSync(path.join(dist, latest, archive), packed);
    expect(parlex(["site", "--releases", dist, "--out", out, "--quiet"]).status).toBe(0);
  }, 60_000);

  it("checks the folder again just before the swap: a file put into the site meanwhile stops it, and stays", async () => {
    const out = path.join(scratch, "meanwhile");
    await writeSite(out, async (emit) => void (await emit("index.html", "<p>first</p>")));
    await expect(
      writeSite(out, async (emit) => {
        writeFileSync(path.join(out, "my-notes.md"), "mine");
        await emit("index.html", "<p>second</p>");
      }),
    ).rejects.toMatchObject({ code: "output/foreign-entries", params: { folder: out, entry: "my-notes.md" } });
    expect(readFileSync(path.join(out, "my-notes.md"), "utf8")).toBe("mine");
    expect(readFileSync(path.join(out, "index.html"), "utf8")).toBe("<p>first</p>");
    expect(readdirSync(scratch).filter((e) => e.startsWith(".parlex-"))).toEqual([]);
  });

  it("--help exits 0; a stray argument is a usage error (2); no release is exit 1", () => {
    expect(parlex(["site", "--help"]).status).toBe(0);
    expect(parlex(["site", "extra"]).status).toBe(2);
    const empty = path.join(scratch, "empty-dist");
    mkdirSync(empty);
    const none = parlex(["site", "--releases", empty, "--out", path.join(scratch, "none")]);
    expect({ code: none.status, stderr: none.stderr }).toEqual({ code: 1, stderr: `parlex site: ${empty}: no release folder (dist-data/<version>/ with a datapackage.json)\n` });
  });
});
