#!/usr/bin/env node
// `npm run compile` (and `npm ci`, as the prepare step): compile src/ to plain JavaScript in lib/,
// which bin/parlex.js runs instead of src/ through tsx while it matches src/ (a digest of src/ is
// kept in lib/): a command then starts in about half the time. Type errors do not stop it
// (`npm run typecheck` reports them); lib/ is replaced whole, so a failed compile leaves the old one.
import { spawnSync } from "node:child_process";
import { cpSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { DIGEST_FILE, LIB, ROOT, sourceDigest } from "../bin/compiled.js";

if (process.argv.includes("--help") || process.argv.includes("-h")) {
  console.log(`Usage: npm run compile [-- --optional]

Compile src/ to lib/ (plain JavaScript), with the schemas' validators compiled ahead, which
bin/parlex.js runs while it matches src/ and schemas/.
  --optional   a failure is a warning and exits 0 (how npm ci runs it: an install without
               TypeScript, or a compile that fails, leaves the CLI running src/ through tsx)`);
  process.exit(0);
}
const optional = process.argv.includes("--optional");
const CHANGED = "the sources (src/, schemas/, the compiler's settings or the lock file) changed while they were compiled; run it again";
const digest = sourceDigest();
const staging = path.join(ROOT, `${LIB}.tmp-${process.pid}`);
try {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const run = spawnSync(process.execPath, [tsc, "-p", path.join(ROOT, "tsconfig.lib.json"), "--outDir", staging, "--noCheck"], { stdio: "inherit" });
  if (run.status !== 0) throw new Error(`tsc exited with ${run.status ?? run.signal}`);
  // Files the code reads beside itself (the loader helpers shipped with every package).
  for (const entry of readdirSync(path.join(ROOT, "src"), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || /\.(ts|js)$/.test(entry.name)) continue;
    const relative = path.relative(path.join(ROOT, "src"), path.join(entry.parentPath, entry.name));
    cpSync(path.join(ROOT, "src", relative), path.join(staging, relative));
  }
  // The shipped schemas' validators, compiled ahead (src/validate/shape-standalone.ts).
  const { compileShippedAhead } = await import(pathToFileURL(path.join(staging, "validate/validate-shape.js")).href);
  compileShippedAhead(path.join(staging, "validate/shape-validators"));
  // Labelled only if src/ did not change while it compiled: else lib/ could be of other sources.
  if (sourceDigest() !== digest) throw new Error(CHANGED);
  writeFileSync(path.join(staging, DIGEST_FILE), digest + "\n");
  const old = path.join(ROOT, `${LIB}.old-${process.pid}`);
  rmSync(old, { recursive: true, force: true });
  try {
    renameSync(path.join(ROOT, LIB), old);
  } catch {
    // no lib/ yet
  }
  renameSync(staging, path.join(ROOT, LIB));
  rmSync(old, { recursive: true, force: true });
  console.log(`compiled src/ to ${LIB}/`);
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  // A file half saved while compiling fails in odd ways: say what happened instead.
  const message = sourceDigest() !== digest ? CHANGED : error.message;
  console.error(`npm run compile: ${message}; bin/parlex.js runs src/ through tsx instead.`);
  process.exit(optional ? 0 : 1);
}
