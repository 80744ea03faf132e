import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { listFiles } from "../verify/file-source.js";

const OPEN_AT_ONCE = 64;

/** Every file of a source tree by relative path (hidden files such as .DS_Store left out), for the manifest's digest. */
export async function readSourceFiles(root: string): Promise<Map<string, Uint8Array>> {
  const files = (await listFiles(root)).filter((f) => !f.split("/").some((part) => part.startsWith(".")));
  const read = new Map<string, Uint8Array>();
  // A bounded number of files open at once: a large tree would exceed the open-file limit.
  for (let start = 0; start < files.length; start += OPEN_AT_ONCE) {
    const batch = files.slice(start, start + OPEN_AT_ONCE);
    const bytes = await Promise.all(batch.map(async (f) => new Uint8Array(await readFile(path.join(root, ...f.split("/"))))));
    batch.forEach((f, i) => read.set(f, bytes[i]!));
  }
  return read;
}

/** The toolkit's name and version, from its own package.json (not the project's). */
export async function readToolkitVersion(): Promise<{ name: string; version: string }> {
  const text = await readFile(new URL("../../package.json", import.meta.url), "utf8");
  return z.looseObject({ name: z.string(), version: z.string() }).parse(JSON.parse(text));
}
