import { createHash } from "node:crypto";

/**
 * SHA-256 digests of files' bytes, remembered by the bytes they were made from, so that a file
 * hashed early (by the writer thread that wrote it, or here while waiting for it) is not hashed
 * again for the descriptor or a release's checksums. The one helper for hashing a file's bytes:
 * bytes are never changed once hashed (files are written whole, or read afresh).
 */
const digests = new WeakMap<Uint8Array, string>();

/** SHA-256 of some bytes, as lowercase hex (remembered for these bytes). */
export function sha256Hex(bytes: Uint8Array): string {
  let digest = digests.get(bytes);
  if (digest === undefined) digests.set(bytes, (digest = createHash("sha256").update(bytes).digest("hex")));
  return digest;
}

/** Whether these bytes' digest is known. */
export function hasDigest(bytes: Uint8Array): boolean {
  return digests.has(bytes);
}

/** Bytes whose digest was taken elsewhere (in the thread that wrote them), remembered with it. */
export function knownDigest(bytes: Uint8Array, sha256: string): Uint8Array {
  digests.set(bytes, sha256);
  return bytes;
}
