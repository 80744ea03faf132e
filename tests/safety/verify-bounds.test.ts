import { execFile, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFileSync, cpSync, existsSync, createReadStream, createWriteStream, readFileSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { READ_LIMIT } from "../../src/verify/file-source.js";
import path from "node:path";
import { once } from "node:events";
import { createGzip, gzipSync } from "node:zlib";
import { expect, it } from "vitest";
import { PARLEX_BIN } from "../helpers/cli.js";
import { ARCHIVE_1_0_0, releasedProject, runParlexProcess } from "../release/helpers.js";

// verify reads what an attacker may have made: archives that un-gzip without end, files that are
// FIFOs or devices, files larger than the descriptor declares. Each run is a real process with a
// deadline and its peak memory measured by GNU time, as a hang or a 3 GB read would show.

const { scratch, project, release } = releasedProject("verify-bounds");
const ARCHIVE = ARCHIVE_1_0_0;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident memory in MB, from GNU time. */
  peakMb: number;
}

/** `parlex verify TARGET --format json` under GNU time, killed after 60 s (a bomb read whole takes minutes). */
function verify(target: string): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) => {
    const argv = ["-f", "PEAK %M", process.execPath, PARLEX_BIN, "verify", target, "--format", "json"];
    execFile("/usr/bin/time", argv, { cwd: scratch, timeout: 60_000, killSignal: "SIGKILL", maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const peak = /PEAK (\d+)/.exec(stderr);
      resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr, ms: Date.now() - started, peakMb: peak ? Number(peak[1]) / 1024 : Infinity });
    });
  });
}

/** The problems' codes and files of a run's JSON report. */
function problems(run: Run): { code: string; file: string; message: string }[] {
  return (JSON.parse(run.stdout) as { problems: { code: string; file: string; message: string }[] }).problems;
}

function copyOf(name: string): string {
  const dir = path.join(scratch, name);
  cpSync(release, dir, { recursive: true });
  return dir;
}

/** A 512-byte ustar header for one file entry of `size` bytes. */
function tarHeader(name: string, size: number): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0, "utf8");
  header.write("0000644\0", 100);
  header.write("0000000\0", 108);
  header.write("0000000\0", 116);
  header.write(size.toString(8).padStart(11, "0") + "\0", 124);
  header.write("00000000000\0", 136);
  header.write("        ", 148);
  header.write("0", 156);
  header.write("ustar\0" + "00", 257);
  let sum = 0;
  for (const b of header) sum += b;
  header.write(sum.toString(8).padStart(6, "0") + "\0 ", 148);
  return header;
}

/** A gzip member of `megabytes` MB of zeros (about 1 MB), made once: gzip members may follow one another. */
let zerosMember: Promise<Buffer> | undefined;
function zeros(megabytes: number): Promise<Buffer> {
  zerosMember ??= (async () => {
    const gzip = createGzip({ level: 9 });
    const chunks: Buffer[] = [];
    gzip.on("data", (c: Buffer) => chunks.push(c));
    const block = Buffer.alloc(1 << 20);
    for (let i = 0; i < megabytes; i++) if (!gzip.write(block)) await once(gzip, "drain");
    gzip.end();
    await once(gzip, "end");
    return Buffer.concat(chunks);
  })();
  return zerosMember;
}

/**
 * A gzip bomb of about 1 MB: a tar whose one entry is 1 GiB of zeros (`declared` in its header:
 * the true size, or a small lie so that only the un-gzipped bytes can tell).
 */
async function bomb(file: string, declared: number): Promise<void> {
  writeFileSync(file, Buffer.concat([gzipSync(tarHeader("p-1.0.0/csv/zeros.csv", declared)), await zeros(1024)]));
}

it("refuses a 1 MB gzip bomb given as the archive to verify, in bounded memory and time", async () => {
  for (const [name, declared] of [
    ["bomb-honest.tar.gz", 1024 << 20],
    ["bomb-lying.tar.gz", 1000],
  ] as const) {
    const file = path.join(scratch, name);
    await bomb(file, declared);
    expect(readFileSync(file).length).toBeLessThan(1.2 * (1 << 20));
    const run = await verify(file);
    expect(run.code, run.stderr).toBe(1);
    const found = problems(run);
    expect(found[0]).toMatchObject({ code: "archive/unreadable", file: name });
    expect(found[0]!.message).toMatch(/^refused: more than \d+ bytes once un-gzipped/);
    // Before the cap: 3 GB. Node itself takes some 60 MB; the cap for a 1 MB archive is 64 MB.
    expect(run.peakMb).toBeLessThan(400);
    expect(run.ms).toBeLessThan(20_000);
  }
}, 120_000);

it("refuses an archive of more entries than the cap", async () => {
  const file = path.join(scratch, "many.tar.gz");
  const gzip = createGzip();
  const out = createWriteStream(file);
  gzip.pipe(out);
  for (let i = 0; i < 10_050; i++) gzip.write(tarHeader(`p-1.0.0/f${i}`, 0));
  gzip.end(Buffer.alloc(1024));
  await once(out, "close");
  const run = await verify(file);
  expect(run.code, run.stderr).toBe(1);
  expect(problems(run)[0]!.message).toMatch(/^refused: more than 10000 entries/);
}, 60_000);

it("in a release folder, stops comparing a bomb put in the archive's place at the cap, holding none of it", async () => {
  const dir = copyOf("bomb-in-folder");
  rmSync(path.join(dir, ARCHIVE));
  await bomb(path.join(dir, ARCHIVE), 1024 << 20);
  const run = await verify(dir);
  expect(run.code, run.stderr).toBe(1);
  const archive = problems(run).filter((p) => p.file === ARCHIVE);
  expect(archive.map((p) => p.code)).toContain("archive/unreadable");
  expect(archive.find((p) => p.code === "archive/unreadable")!.message).toMatch(/^refused: more than \d+ bytes once un-gzipped/);
  expect(run.peakMb).toBeLessThan(400);
}, 60_000);

it("reads no resource file that is not the size the descriptor declares, nor a FIFO or a device in a file's place", async () => {
  const grown = copyOf("grown");
  appendFileSync(path.join(grown, "csv/meetings.csv"), "not,a,row,of,this,table\n");
  const run = await verify(grown);
  expect(run.code, run.stderr).toBe(1);
  const found = problems(run).filter((p) => p.file === "csv/meetings.csv");
  // Its size and hash are reported; its rows are never read, so no cell or row problem is.
  expect(found.map((p) => p.code).sort()).toEqual(["checksums/mismatch", "resource/bytes", "resource/hash"]);
  expect(found.find((p) => p.code === "resource/bytes")!.message).toMatch(/bytes; the descriptor says \d+/);

  for (const [name, make] of [
    ["fifo-table", (file: string) => execFileSync("mkfifo", [file])],
    ["zero-table", (file: string) => symlinkSync("/dev/zero", file)],
    ["zero-descriptor", (file: string) => symlinkSync("/dev/zero", file)],
  ] as const) {
    const dir = copyOf(name);
    const target = path.join(dir, name === "zero-descriptor" ? "datapackage.json" : "json/meetings.json");
    rmSync(target);
    make(target);
    const broken = await verify(dir);
    expect(broken.code, `${name}: ${broken.stderr}`).toBe(1);
    expect(broken.ms).toBeLessThan(20_000);
    expect(broken.peakMb).toBeLessThan(400);
    const codes = problems(broken).map((p) => p.code);
    expect(codes).toContain(name === "zero-descriptor" ? "descriptor/missing" : "resource/missing");
    // What stands in a table's place is named, not called absent.
    if (name !== "zero-descriptor") {
      const what = name === "fifo-table" ? "a FIFO" : "a symbolic link";
      expect(problems(broken).find((p) => p.code === "resource/missing")!.message).toBe(`resource meetings-json's file is not a regular file (${what}), so not read`);
    }
  }
}, 120_000);

it("reports a table too large to read whole, or a metadata file too large, instead of passing over it", async () => {
  const dir = copyOf("too-large");
  const table = path.join(dir, "csv/topics.csv");
  const header = readFileSync(table, "utf8").split("\n")[0]! + "\n";
  writeFileSync(table, header);
  truncateSync(table, READ_LIMIT + 1); // sparse: zeros past the header, nothing on disk
  // The descriptor and SHA256SUMS made to agree with it, so that only the size tells.
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(table, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  const sha256 = hash.digest("hex");
  const descriptorFile = path.join(dir, "datapackage.json");
  const descriptor = JSON.parse(readFileSync(descriptorFile, "utf8"));
  const resource = descriptor.resources.find((r: { path: string }) => r.path === "csv/topics.csv");
  resource.bytes = READ_LIMIT + 1;
  resource.hash = `sha256:${sha256}`;
  writeFileSync(descriptorFile, JSON.stringify(descriptor, null, 2) + "\n");
  const sums = readFileSync(path.join(dir, "SHA256SUMS"), "utf8").split("\n").filter((l) => l && !l.endsWith("  datapackage.json") && !l.endsWith("  csv/topics.csv"));
  sums.push(`${createHash("sha256").update(readFileSync(descriptorFile)).digest("hex")}  datapackage.json`, `${sha256}  csv/topics.csv`);
  writeFileSync(path.join(dir, "SHA256SUMS"), sums.sort((a, b) => (a.slice(66) < b.slice(66) ? -1 : 1)).join("\n") + "\n");
  rmSync(path.join(dir, ARCHIVE));
  const run = await verify(dir);
  expect(run.code, run.stderr).toBe(1);
  const found = problems(run);
  expect(found).toContainEqual({ code: "file/unreadable", file: "csv/topics.csv", message: expect.stringMatching(/^not read: \d+ bytes, more than the \d+ read here$/) });
  expect(found.filter((p) => p.file === "csv/topics.csv").map((p) => p.code)).toEqual(["file/unreadable"]);

  // SHA256SUMS of 17 MB: refused as metadata, said so.
  const big = copyOf("big-sums");
  truncateSync(path.join(big, "SHA256SUMS"), 17 * 1024 * 1024);
  const sumsRun = await verify(big);
  expect(sumsRun.code, sumsRun.stderr).toBe(1);
  expect(problems(sumsRun)).toContainEqual({ code: "file/unreadable", file: "SHA256SUMS", message: expect.stringMatching(/^not read: \d+ bytes, more than the 16777216 read here$/) });
}, 120_000);

it("a FIFO in a release's or the root descriptor's place hangs neither the site nor the next release", async () => {
  const site = path.join(scratch, "fifo-site");
  cpSync(project, site, { recursive: true });
  const citation = path.join(site, "dist-data/1.0.0/CITATION.cff");
  rmSync(citation);
  execFileSync("mkfifo", [citation]);
  const started = Date.now();
  const built = await runParlexProcess(["site", "--out", "site", "--quiet"], site);
  expect(Date.now() - started).toBeLessThan(30_000);
  // The FIFO is not read: the release is not as published (its CITATION.cff is no file), so no site is written.
  expect(built.code, built.stderr).toBe(1);
  expect(built.stderr).toMatch(/^parlex site: .*dist-data\/1\.0\.0: CITATION\.cff  checksums\/file-missing  listed in SHA256SUMS but not a regular file \(a FIFO\), so not read; the release is not as it was published/);
  expect(existsSync(path.join(site, "site"))).toBe(false);

  const root = path.join(scratch, "fifo-root");
  cpSync(project, root, { recursive: true });
  rmSync(path.join(root, "datapackage.json"));
  execFileSync("mkfifo", [path.join(root, "datapackage.json")]);
  const again = Date.now();
  const released = await runParlexProcess(["release", "--date", "2026-11-23"], root);
  expect(Date.now() - again).toBeLessThan(30_000);
  // The FIFO is no descriptor: it is replaced by the latest release's, and nothing else changed.
  expect(released.code).toBe(1);
  expect(released.stderr).toBe(
    "parlex release: datapackage.json did not describe the latest release; it now describes 1.0.0.\n" +
      "parlex release: nothing changed since 1.0.0: the sources build the same data, so there is nothing to release.\n",
  );
  expect(statSync(path.join(root, "datapackage.json")).isFile()).toBe(true);
}, 90_000);
