import { readdirSync, readFileSync, type Dirent } from "node:fs";
import path from "node:path";

/** Every file under a folder, by its path relative to the folder, with its bytes. */
export function folderFiles(folder: string): Map<string, Buffer> {
  return new Map(
    (readdirSync(folder, { recursive: true, withFileTypes: true }) as Dirent[])
      .filter((e) => e.isFile())
      .map((e) => [path.relative(folder, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name))]),
  );
}
