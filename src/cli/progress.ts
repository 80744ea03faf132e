import type { CommandIo } from "./command-io.js";

/** A one-line progress bar on stderr; silent unless stderr is a terminal and quiet is off. */
export interface Progress {
  update(done: number, total: number): void;
  /** Clear the bar, leaving the terminal as it was. */
  finish(): void;
}

const SILENT: Progress = { update() {}, finish() {} };

/** A progress bar labelled with what is counted (e.g. "files checked"). */
export function createProgress(io: CommandIo, label: string, quiet: boolean): Progress {
  if (!io.interactive || quiet) return SILENT;
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      shown = true;
      const width = 30;
      const filled = total ? Math.round((done / total) * width) : width;
      io.stderr(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done.toLocaleString("en")}/${total.toLocaleString("en")} ${label}`);
    },
    finish() {
      if (shown) io.stderr("\r\u001b[2K");
      shown = false;
    },
  };
}
