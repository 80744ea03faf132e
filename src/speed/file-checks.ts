import path from "node:path";
import type { FileChecks } from "../validate/file-checks.js";
import { sourceShapeValidators } from "../validate/validate-shape.js";
import { mayHoldStatIndex } from "./cache-folder.js";
import { cacheKey } from "./cache-key.js";
import { CheckCache } from "./check-cache.js";
import { checkFiles } from "./check-files.js";
import { StatPool } from "./stat-files.js";
import { toolkitDigest } from "./toolkit-digest.js";

/** Where the speed layer keeps what it learns, and how many threads it may use. */
export interface SpeedOptions {
  /** Folder of the per-file check cache (resolved from `cwd`); none: every file is read and checked. */
  cacheDir?: string;
  cwd?: string;
  /** Worker threads for reading and checking files; 0 checks in this thread. Default: one per core for large trees. */
  threads?: number;
}

/**
 * The speed layer's face to validation (see validate/file-checks.ts): files' checks from a
 * content cache with a stat index in front, the rest read and checked in worker threads when many.
 *
 * The cache is opened while the tree is listed; when it may hold a stat index, the files are
 * stat-ed as their folders are read (a first run, with no index, stats nothing).
 */
export function speedFileChecks(options: SpeedOptions = {}): FileChecks {
  const cwd = options.cwd ?? process.cwd();
  const cacheDir = options.cacheDir === undefined ? undefined : path.resolve(cwd, options.cacheDir);
  const pool = cacheDir === undefined || !mayHoldStatIndex(cacheDir) ? undefined : new StatPool();
  const opening =
    cacheDir === undefined
      ? undefined
      : CheckCache.open(cacheDir).then(async (cache) => {
          if (!cache.hasStats) await pool?.close();
          return cache;
        });
  // Until it is awaited (after the listing), a failure must not go unhandled.
  opening?.catch(() => undefined);
  let cache: CheckCache | undefined;
  /** The stats taken while listing serve the first pass only; a second one looks again. */
  let statsTaken = false;
  const openCache = async () => {
    cache = await opening?.catch(async (error: unknown) => {
      await pool?.close();
      throw error;
    });
    return cache;
  };
  return {
    ...(pool ? { statWhileListing: (files: string[]) => pool.stat(files) } : {}),
    async checkFiles(listing, { records, onProgress }) {
      if (!statsTaken) {
        pool?.flush();
        // Once the stats are in (or not wanted), the pool's workers stop.
        void listing.stats?.then(() => pool?.close());
      }
      const opened = await openCache();
      const stats = !statsTaken && opened?.hasStats ? listing.stats : undefined;
      statsTaken = true;
      return checkFiles(listing.entries, {
        validators: sourceShapeValidators,
        records,
        ...(stats ? { stats } : {}),
        ...(opened ? { cache: opened } : {}),
        ...(options.threads !== undefined ? { threads: options.threads } : {}),
        ...(onProgress ? { onProgress } : {}),
      });
    },
    toolkit: async () => (await openCache())?.toolkitDigest ?? (await toolkitDigest()),
    treeFindings: (fingerprint) => cache?.treeFindings(fingerprint),
    recordTreeFindings: (fingerprint, findings) => cache?.setTreeFindings(fingerprint, findings),
    sameBytes: (file, bytes) => file.key === undefined || cache === undefined || cacheKey(cache.toolkitDigest, file.kind, bytes) === file.key,
    save: async () => cache?.save(),
    saveFiles: async () => cache?.saveFiles(),
    close: async () => pool?.close(),
  };
}

/** Check options whose files' checks come from the speed layer with these settings (its own settings taken out). */
export function withSpeed<T extends { cwd?: string }>(options: T & SpeedOptions): Omit<T, keyof SpeedOptions> & { checks: FileChecks } {
  const { cacheDir, threads, ...rest } = options;
  const speed = { ...(options.cwd !== undefined ? { cwd: options.cwd } : {}), ...(cacheDir !== undefined ? { cacheDir } : {}), ...(threads !== undefined ? { threads } : {}) };
  return { ...(rest as Omit<T, keyof SpeedOptions>), checks: speedFileChecks(speed) };
}
