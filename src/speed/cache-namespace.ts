import { createHmac, randomBytes } from "node:crypto";
import { closeSync, constants, fstatSync, linkSync, mkdirSync, openSync, readSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { toolkitDigest } from "./toolkit-digest.js";

/** The secret's length in bytes. */
const SECRET_BYTES = 32;

let namespace: Promise<string> | undefined;

/**
 * What the cache's file names, entry keys and tree fingerprints are made from: the toolkit digest
 * bound by an HMAC to a secret of this user on this machine, kept outside every repository
 * ($XDG_CACHE_HOME/parlex/secret, else ~/.cache/parlex/secret). A `.parlex-cache/` written
 * anywhere else — committed in a pull request, copied from another machine — has other names and
 * keys, so nothing in it is ever found: a cache cannot vouch for what a cold run rejects. Where
 * the secret cannot be kept, a secret of this process is used (the cache then saves nothing).
 */
export function cacheNamespace(): Promise<string> {
  namespace ??= toolkitDigest().then((toolkit) => createHmac("sha256", localSecret()).update(toolkit).digest("hex"));
  return namespace;
}

/** This user's secret, made on first use. */
function localSecret(): Buffer {
  const dir = path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), ".cache"), "parlex");
  const file = path.join(dir, "secret");
  try {
    return readSecret(file);
  } catch {
    // None yet (or not one of ours): made below.
  }
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Written whole under another name, then linked into place: two first runs never see half a secret.
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, randomBytes(SECRET_BYTES), { mode: 0o600 });
    try {
      linkSync(temporary, file);
    } catch {
      // Another run made it first, or an unusable file is in the way: the one there is read.
    } finally {
      rmSync(temporary, { force: true });
    }
    return readSecret(file);
  } catch {
    return randomBytes(SECRET_BYTES);
  }
}

/** The secret in its file: a regular file of exactly SECRET_BYTES bytes. */
function readSecret(file: string): Buffer {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const s = fstatSync(fd);
    if (!s.isFile() || s.size !== SECRET_BYTES) throw new Error(`${file}: not a parlex secret`);
    const secret = Buffer.alloc(SECRET_BYTES);
    if (readSync(fd, secret, 0, SECRET_BYTES, 0) !== SECRET_BYTES) throw new Error(`${file}: not a parlex secret`);
    return secret;
  } finally {
    closeSync(fd);
  }
}
