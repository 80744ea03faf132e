import { create } from "tar";
import { compareBytes } from "../verify/file-source.js";
import { writeGzipPieces } from "./gzip-pieces.js";

/**
 * Write a release's .tar.gz with node-tar, byte-reproducibly: entries (folders, then their files)
 * in code-unit order under one top folder, `portable` headers (no uid, gid, user names, atime or
 * ctime; modes normalised as for umask 022), every mtime, folders' too, set to `mtime`, and
 * compressed in parallel as fixed-size gzip members (gzip-pieces.ts).
 * Reads the files from `cwd`; the archive may be written into that same folder.
 */
export async function writeArchive(cwd: string, files: readonly string[], archiveFile: string, prefix: string, mtime: Date): Promise<void> {
  const folders = new Set<string>();
  for (const file of files) {
    const parts = file.split("/");
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join("/"));
  }
  const entries = [...folders, ...files].sort(compareBytes);
  // `portable` drops a folder's mtime (it would read as 1970); the hook runs after that and before
  // the header is written, so folders carry the release date like the files.
  const datedFolders = (entry: { type?: string; noMtime?: boolean }) => {
    if (entry.type === "Directory") entry.noMtime = false;
  };
  const tar = create({ cwd, portable: true, mtime, prefix, noDirRecurse: true, strict: true, onWriteEntry: datedFolders }, entries);
  await writeGzipPieces(tar, archiveFile);
}
