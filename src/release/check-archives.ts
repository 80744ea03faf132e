import { hashArchiveBytes } from "./archive.js";
import type { FileFacts } from "./check-files.js";
import type { FileSource } from "./file-source.js";
import { isArchiveFile } from "./release-files.js";
import type { ProblemSink } from "./verify-problem.js";

/** What one archive of a folder holds: each entry's size and SHA-256, and what is wrong with it. */
export interface ArchiveFacts {
  archive: string;
  files: FileFacts;
  problems: string[];
}

/** Every archive in the folder, read and hashed entry by entry: no entry is held in memory. */
export async function hashArchives(source: FileSource, files: readonly string[]): Promise<ArchiveFacts[]> {
  const hashed: ArchiveFacts[] = [];
  for (const archive of files.filter(isArchiveFile)) hashed.push({ archive, ...(await hashArchiveBytes((await source.read(archive))!)) });
  return hashed;
}

/** Each archive holds exactly the folder's other files, byte for byte (by size and SHA-256). */
export function checkArchives(archives: readonly ArchiveFacts[], files: readonly string[], facts: FileFacts, sink: ProblemSink): void {
  const others = files.filter((f) => !isArchiveFile(f));
  const listed = new Set(others);
  for (const { archive, files: contents, problems } of archives) {
    for (const p of problems) sink.add({ code: "archive/unreadable", file: archive, message: p });
    for (const file of others) {
      const inArchive = contents.get(file);
      const inFolder = facts.get(file);
      if (!inArchive) sink.add({ code: "archive/missing-file", file: archive, message: `${file} is not in the archive` });
      else if (!inFolder || inArchive.bytes !== inFolder.bytes || inArchive.sha256 !== inFolder.sha256) sink.add({ code: "archive/mismatch", file: archive, message: `${file} differs from the archive's copy` });
    }
    for (const file of contents.keys()) {
      if (!listed.has(file)) sink.add({ code: "archive/extra-file", file: archive, message: `${file} is in the archive but not in the folder` });
    }
  }
}
