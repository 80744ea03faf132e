import { createHash } from "node:crypto";
import { z } from "zod";
import { compareBytes } from "./file-source.js";

/** The build manifest of a release: what it was built from and by, and when (a date, no clock time). */
export const ManifestSchema = z.strictObject({
  release: z.string().regex(/^\d+\.\d+\.\d+$/),
  released: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  previous: z.string().nullable(),
  archive: z.string().min(1),
  toolkit: z.strictObject({ name: z.string(), version: z.string() }),
  sources: z.strictObject({ digest: z.string().regex(/^sha256:[a-f0-9]{64}$/), files: z.number().int().nonnegative() }),
});

/** A parsed manifest.json. */
export type Manifest = z.infer<typeof ManifestSchema>;

/** manifest.json's bytes: keys in a fixed order, two-space indent, final newline. */
export function renderManifest(manifest: Manifest): Uint8Array {
  const ordered: Manifest = {
    release: manifest.release,
    released: manifest.released,
    previous: manifest.previous,
    archive: manifest.archive,
    toolkit: { name: manifest.toolkit.name, version: manifest.toolkit.version },
    sources: { digest: manifest.sources.digest, files: manifest.sources.files },
  };
  return new TextEncoder().encode(JSON.stringify(ordered, null, 2) + "\n");
}

/** Parse manifest text, or say what is wrong with it. */
export function parseManifest(text: string): { ok: true; manifest: Manifest } | { ok: false; problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`not JSON: ${(error as Error).message}`] };
  }
  const result = ManifestSchema.safeParse(json);
  if (result.success) return { ok: true, manifest: result.data };
  return { ok: false, problems: result.error.issues.map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`) };
}

/**
 * The digest of a source tree: SHA-256 over every file in path order, each fed as its path, a NUL,
 * its length in decimal, a NUL, then its bytes — so moving bytes between files changes the digest.
 */
export function digestSources(files: ReadonlyMap<string, Uint8Array>): { digest: string; files: number } {
  const hash = createHash("sha256");
  for (const file of [...files.keys()].sort(compareBytes)) {
    const bytes = files.get(file)!;
    hash.update(`${file}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return { digest: `sha256:${hash.digest("hex")}`, files: files.size };
}
