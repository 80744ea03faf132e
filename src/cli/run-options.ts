/** The cache folder every command uses, relative to the working directory. */
export const CACHE_DIR = ".parlex-cache";

/** Cache and thread settings from the shared `--no-cache` and `--threads N` options. */
export function runOptions(options: { "no-cache": boolean; threads?: number | undefined }): { cacheDir?: string; threads?: number } {
  return { ...(options["no-cache"] ? {} : { cacheDir: CACHE_DIR }), ...(options.threads !== undefined ? { threads: options.threads } : {}) };
}
