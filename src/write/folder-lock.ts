import { readFileSync } from "node:fs";
import { mkdir, open, readFile, rm, stat } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";
import { RunError } from "../catalogue/run-error.js";

/**
 * One writer at a time for a folder: a lock file beside it, created with O_EXCL (so exactly one
 * process creates it), holding the owner's pid, the start time of that process and the host.
 * No library: the lock is one `open(…, "wx")` and the only subtle part, telling a dead owner's
 * lock from a live one's, needs /proc's start time (a pid is reused), which the well-kept
 * libraries (proper-lockfile: an mtime refreshed by a timer) do not look at.
 *
 * A lock whose owner is gone (no such process on this host, or a process of that pid started at
 * another time) is stale and taken over; a lock of another host is never taken over.
 */
export interface FolderLock {
  /** The lock file. */
  readonly file: string;
  /** Give the lock up (removes the lock file if it is still this process's). */
  release(): Promise<void>;
}

/** Who holds a lock. */
export interface LockOwner {
  pid: number;
  /** The owner's start, in clock ticks since boot (/proc/<pid>/stat), or null where unknown. */
  start: number | null;
  host: string;
  /** When the lock was taken (ISO), for the message. */
  since: string;
}

/** How long a run waits for another run's lock before it gives up, in seconds (PARLEX_LOCK_WAIT overrides). */
const DEFAULT_WAIT_S = 120;
/** How often the lock is tried again while waiting. */
const RETRY_MS = 100;
/** A lock file still empty after this long was left by a run killed between creating and filling it. */
const EMPTY_LOCK_AGE_MS = 5000;

/** The lock file of a folder: beside it, as the folder itself is replaced whole. */
export function lockFileOf(folder: string): string {
  const absolute = path.resolve(folder);
  return path.join(path.dirname(absolute), `.parlex-lock-${path.basename(absolute)}`);
}

/**
 * Take the lock of `folder` (`shown` names it in messages), waiting while another live run holds
 * it — saying so once through `onWait` — for at most PARLEX_LOCK_WAIT seconds (default 120), then
 * failing with `run/locked` (exit 1).
 */
export async function lockFolder(folder: string, shown: string, onWait: (message: string) => void): Promise<FolderLock> {
  const file = lockFileOf(folder);
  const waitS = waitSeconds();
  const deadline = Date.now() + waitS * 1000;
  const me: LockOwner = { pid: process.pid, start: startOf(process.pid), host: hostname(), since: new Date().toISOString() };
  let told = false;
  await mkdir(path.dirname(file), { recursive: true });
  for (;;) {
    if (await tryCreate(file, me)) return { file, release: () => releaseLock(file, me) };
    const owner = await readOwner(file);
    if (owner === "gone") continue;
    if (owner === "stale" || (owner !== "filling" && !isAlive(owner))) {
      await breakLock(file, owner);
      continue;
    }
    if (Date.now() >= deadline) {
      const who = owner === "filling" ? { pid: "?", started: "just now" } : { pid: String(owner.pid), started: owner.since };
      throw new RunError("run/locked", { folder: shown, ...who, seconds: String(waitS), lock: file }, 1);
    }
    if (!told && owner !== "filling") {
      onWait(`${shown} is being written by another parlex run (process ${owner.pid}, since ${owner.since}); waiting up to ${waitS} s for it to finish`);
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}

/** Create the lock file holding `me`, unless it exists. */
async function tryCreate(file: string, me: LockOwner): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, "wx", 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    await handle.writeFile(JSON.stringify(me) + "\n");
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * The lock's owner; "gone" when the file vanished meanwhile, "filling" when it is empty but
 * young (its owner is writing it), "stale" when it is empty and old, or not a lock of ours.
 */
async function readOwner(file: string): Promise<LockOwner | "gone" | "filling" | "stale"> {
  let text: string;
  let age: number;
  try {
    [text, age] = await Promise.all([readFile(file, "utf8"), stat(file).then((s) => Date.now() - s.mtimeMs)]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "gone";
    throw error;
  }
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    if (Number.isSafeInteger(owner.pid) && typeof owner.host === "string" && typeof owner.since === "string") return owner as LockOwner;
  } catch {
    // Empty or torn: see the age.
  }
  return age < EMPTY_LOCK_AGE_MS && text.length < 4096 ? "filling" : "stale";
}

/** Whether the process that took a lock still runs (a lock of another host: assumed so). */
export function isAlive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  if (!isRunning(owner.pid)) return false;
  const start = startOf(owner.pid);
  // The pid was reused when the process of that number started at another time.
  return owner.start === null || start === null || start === owner.start;
}

/** Whether a process of this pid exists on this host. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A process's start in clock ticks since boot, from /proc (Linux); null elsewhere. */
export function startOf(pid: number): number | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const start = Number(fields[19]);
    return Number.isSafeInteger(start) ? start : null;
  } catch {
    return null;
  }
}

/**
 * Remove a stale lock. Two waiters may find it stale at once: the removal is done under a second
 * O_EXCL file, and only if the lock still holds the same stale owner, so that neither removes a
 * lock the other has just taken.
 */
async function breakLock(file: string, stale: LockOwner | "stale"): Promise<void> {
  const breaker = `${file}.break`;
  let handle;
  try {
    handle = await open(breaker, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    // Another waiter is breaking it; a breaker left by a killed run is old.
    const age = await stat(breaker).then((s) => Date.now() - s.mtimeMs, () => 0);
    if (age > EMPTY_LOCK_AGE_MS) await rm(breaker, { force: true });
    else await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    return;
  }
  try {
    await handle.close();
    const now = await readOwner(file);
    const same = now === "stale" ? stale === "stale" : typeof now === "object" && typeof stale === "object" && now.pid === stale.pid && now.since === stale.since;
    if (same) await rm(file, { force: true });
  } finally {
    await rm(breaker, { force: true });
  }
}

async function releaseLock(file: string, me: LockOwner): Promise<void> {
  const owner = await readOwner(file).catch(() => "gone" as const);
  if (typeof owner === "object" && owner.pid === me.pid && owner.since === me.since) await rm(file, { force: true });
}

function waitSeconds(): number {
  const given = Number(process.env.PARLEX_LOCK_WAIT);
  return process.env.PARLEX_LOCK_WAIT !== undefined && Number.isFinite(given) && given >= 0 ? given : DEFAULT_WAIT_S;
}
