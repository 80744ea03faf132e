// A worker thread that stats files and sends back their size, mtime, ctime, inode and device,
// five numbers a file (NaN for a file that cannot be looked at), for each batch it is sent (see
// StatPool in stat-files.ts). Plain JavaScript: it needs no TypeScript loader, which would cost
// more than the stats it saves. The paths come as one string, joined by NUL (no path holds one):
// a single copy, where a list is a copy of each path.
import { statSync } from "node:fs";
import { parentPort } from "node:worker_threads";

parentPort.on("message", (/** @type {{ id: number, paths: string }} */ { id, paths }) => {
  const files = paths.split("\0");
  const stats = new Float64Array(files.length * 5).fill(NaN);
  files.forEach((file, i) => {
    let s;
    try {
      s = statSync(file, { throwIfNoEntry: false });
    } catch {
      return;
    }
    if (s) stats.set([s.size, s.mtimeMs, s.ctimeMs, s.ino, s.dev], i * 5);
  });
  parentPort.postMessage({ id, stats }, [stats.buffer]);
});
