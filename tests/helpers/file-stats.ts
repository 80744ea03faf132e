import type { FileStats } from "../../src/speed/stat-files.js";
import type { FileStat } from "../../src/speed/worker-protocol.js";

/** One file's stat among FileStats (five numbers a file); undefined when it could not be looked at. */
export function statAt(stats: FileStats, i: number): FileStat | undefined {
  const at = i * 5;
  return Number.isNaN(stats[at]!) ? undefined : [stats[at]!, stats[at + 1]!, stats[at + 2]!, stats[at + 3]!, stats[at + 4]!];
}
