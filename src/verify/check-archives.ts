import { limitsFor, scanArchiveBytes } from "./read-archive.js";
import { PIECE, type FileFacts } from "./check-files.js";
import type { FileReader, FileSource } from "./file-source.js";
import { isArchiveFile } from "./package-files.js";
import type { ProblemSink } from "./verify-problem.js";

/** How each entry of one archive of a folder compares with the folder's file, and what is wrong with the archive. */
export interface ArchiveComparison {
  archive: string;
  /** By path below the top folder: whether the folder's file of that path has the entry's bytes exactly. */
  same: Map<string, boolean>;
  problems: string[];
}

/**
 * Read every archive in the folder and compare each entry, piece by piece as it is un-gzipped,
 * with the folder's file of its path: no entry is held in memory, and nothing is hashed.
 */
export async function compareArchives(source: FileSource, files: readonly string[], facts: FileFacts): Promise<ArchiveComparison[]> {
  const listed = new Set(files.filter((f) => !isArchiveFile(f)));
  const buffer = Buffer.allocUnsafe(PIECE);
  const compared: ArchiveComparison[] = [];
  for (const archive of files.filter(isArchiveFile)) {
    const bytes = await source.read(archive, facts.get(archive)?.bytes);
    if (bytes === undefined) {
      // One that is there but was refused says why; one that vanished is reported with the files.
      const why = source.refused(archive);
      if (why !== undefined) compared.push({ archive, same: new Map(), problems: [`not read: ${why}`] });
      continue;
    }
    const open = new Set<FileReader>();
    const compare = (path: (inner: string, name: string) => string) =>
      scanArchiveBytes(bytes, limitsFor(bytes.length), (inner, name) => {
        const file = path(inner, name);
        const reader = listed.has(file) ? source.open(file) : undefined;
        if (reader) open.add(reader);
        let same = reader !== undefined;
        let at = 0;
        return {
          add: (chunk) => {
            if (same) {
              const into = chunk.length <= buffer.length ? buffer.subarray(0, chunk.length) : Buffer.allocUnsafe(chunk.length);
              same = Buffer.compare(readFully(reader!, at, into), chunk) === 0;
            }
            at += chunk.length;
          },
          end: () => {
            // The folder's file must end where the entry does.
            if (same) same = reader!.readAt(at, buffer.subarray(0, 1)).length === 0;
            if (reader) {
              reader.close();
              open.delete(reader);
            }
            return same;
          },
        };
      });
    // Entries are compared by their path below the one top folder; in an archive of several top
    // folders (itself a problem) they are named, and compared, by their whole path.
    let scanned = await compare((inner) => inner);
    if (scanned.top === null) scanned = await compare((_inner, name) => name);
    // An archive that breaks off mid-entry leaves that entry's file open.
    for (const reader of open) reader.close();
    compared.push({ archive, same: scanned.files, problems: scanned.problems });
  }
  return compared;
}

/** The bytes of a file from `position`, as many as `into` holds unless the file ends first. */
function readFully(reader: FileReader, position: number, into: Buffer): Uint8Array {
  let filled = 0;
  while (filled < into.length) {
    const piece = reader.readAt(position + filled, into.subarray(filled));
    if (piece.length === 0) break;
    if (piece.buffer !== into.buffer || piece.byteOffset !== into.byteOffset + filled) into.set(piece, filled);
    filled += piece.length;
  }
  return into.subarray(0, filled);
}

/** Each archive holds exactly the folder's other files, byte for byte. */
export function checkArchives(archives: readonly ArchiveComparison[], files: readonly string[], sink: ProblemSink): void {
  const others = files.filter((f) => !isArchiveFile(f));
  const listed = new Set(others);
  for (const { archive, same, problems } of archives) {
    for (const p of problems) sink.add({ code: "archive/unreadable", file: archive, message: p });
    if (same.size === 0 && problems.length > 0) continue; // nothing read: the problem says why
    for (const file of others) {
      const inArchive = same.get(file);
      if (inArchive === undefined) sink.add({ code: "archive/missing-file", file: archive, message: `${file} is not in the archive` });
      else if (!inArchive) sink.add({ code: "archive/mismatch", file: archive, message: `${file} differs from the archive's copy` });
    }
    for (const file of same.keys()) {
      if (!listed.has(file)) sink.add({ code: "archive/extra-file", file: archive, message: `${file} is in the archive but not in the folder` });
    }
  }
}
