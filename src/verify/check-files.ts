import { createHash } from "node:crypto";
import { parseChecksums } from "./checksums.js";
import type { Descriptor } from "./descriptor-schema.js";
import type { FileSource } from "./file-source.js";
import { CHECKSUMS_FILE, DESCRIPTOR_FILE, isArchiveFile } from "./package-files.js";
import type { ProblemSink } from "./verify-problem.js";

/** Size and SHA-256 of every file of a release, read once. */
export type FileFacts = Map<string, { bytes: number; sha256: string }>;

/** Read every file once for its size and hash, a megabyte at a time into one buffer. A file that cannot be opened is left out. */
export function factsOfFiles(source: FileSource, files: readonly string[]): FileFacts {
  const facts: FileFacts = new Map();
  const buffer = Buffer.allocUnsafe(PIECE);
  for (const file of files) {
    const reader = source.open(file);
    if (!reader) continue;
    try {
      const hash = createHash("sha256");
      let bytes = 0;
      for (let piece = reader.readAt(0, buffer); piece.length > 0; piece = reader.readAt(bytes, buffer)) {
        hash.update(piece);
        bytes += piece.length;
      }
      facts.set(file, { bytes, sha256: hash.digest("hex") });
    } finally {
      reader.close();
    }
  }
  return facts;
}

/** How much of a file is read at a time when it is hashed or compared. */
export const PIECE = 1 << 20;

/** Every file against SHA256SUMS: each listed file present with that hash, and no file left unlisted. */
export function checkChecksums(text: string | undefined, facts: FileFacts, sink: ProblemSink, whatIs: (file: string) => string | undefined = () => undefined): void {
  if (text === undefined) {
    sink.add({ code: "checksums/missing", file: CHECKSUMS_FILE, message: "no SHA256SUMS: the files cannot be checked" });
    return;
  }
  const { sums, malformed } = parseChecksums(text);
  for (const m of malformed) sink.add({ code: "checksums/malformed", file: CHECKSUMS_FILE, message: `line ${m.line} is not "<sha256>  <file>": ${JSON.stringify(m.text)}` });
  for (const [file, hash] of sums) {
    const fact = facts.get(file);
    if (!fact) sink.add({ code: "checksums/file-missing", file, message: `listed in SHA256SUMS but ${absence(whatIs(file))}` });
    else if (fact.sha256 !== hash) sink.add({ code: "checksums/mismatch", file, message: `sha256 is ${fact.sha256}; SHA256SUMS says ${hash}` });
  }
  for (const file of facts.keys()) {
    if (file !== CHECKSUMS_FILE && !isArchiveFile(file) && !sums.has(file)) sink.add({ code: "checksums/unlisted", file, message: "not listed in SHA256SUMS" });
  }
}

/** Every resource's file present, with the bytes and hash the descriptor gives. */
export function checkResourceFiles(descriptor: Descriptor, facts: FileFacts, sink: ProblemSink, whatIs: (file: string) => string | undefined = () => undefined): void {
  for (const r of descriptor.resources) {
    if (r.path.split("/").some((p) => p === ".." || p === "") || /^[a-z][a-z0-9+.-]*:/i.test(r.path)) {
      sink.add({ code: "descriptor/path", file: DESCRIPTOR_FILE, message: `resource ${r.name}: path ${r.path} is not a file inside the package` });
      continue;
    }
    const fact = facts.get(r.path);
    if (!fact) {
      sink.add({ code: "resource/missing", file: r.path, message: `resource ${r.name}'s file is ${absence(whatIs(r.path))}` });
      continue;
    }
    if (r.bytes !== undefined && r.bytes !== fact.bytes) sink.add({ code: "resource/bytes", file: r.path, message: `${fact.bytes} bytes; the descriptor says ${r.bytes}` });
    if (r.hash === undefined) continue;
    const [algorithm, hex] = r.hash.includes(":") ? (r.hash.split(":", 2) as [string, string]) : ["md5", r.hash];
    if (algorithm !== "sha256") sink.add({ code: "resource/hash-algorithm", file: r.path, message: `hash ${r.hash}: only sha256 is checked` });
    else if (hex.toLowerCase() !== fact.sha256) sink.add({ code: "resource/hash", file: r.path, message: `sha256 is ${fact.sha256}; the descriptor says ${hex}` });
  }
}

/** A file that is not there as a regular file, in words: absent, or what stands in its place. */
function absence(what: string | undefined): string {
  return what === undefined ? "absent" : `not a regular file (${what}), so not read`;
}
