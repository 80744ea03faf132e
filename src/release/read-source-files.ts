import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { listFiles } from "./file-source.js";

/** Every file of a source tree by relative path (hidden files such as .DS_Store left out), for the manifest's digest. */
export async function readSourceFiles(root: string): Promise<Map<string, Uint8Array>> {
  const files = (await listFiles(root)).filter((f) => !f.split("/").some((part) => part.startsWith(".")));
  const entries = await Promise.all(files.map(async (f) => [f, new Uint8Array(await readFile(path.join(root, ...f.split("/"))))] as const));
  return new Map(entries);
}

/** The toolkit's name and version, from its own package.json (not the project's). */
export async function readToolkitVersion(): Promise<{ name: string; version: string }> {
  const text = await readFile(new URL("../../package.json", import.meta.url), "utf8");
  return z.looseObject({ name: z.string(), version: z.string() }).parse(JSON.parse(text));
}
