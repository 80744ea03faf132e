// A worker thread that stats files and sends back their size, mtime, ctime, inode and device,
// five numbers a file (NaN for a file that cannot be looked at). Plain JavaScript: it needs no
// TypeScript loader, which would cost more than the stats it saves.
import { statSync } from "node:fs";
import { parentPort } from "node:worker_threads";

parentPort.once("message", (/** @type {string[]} */ paths) => {
  const out = new Float64Array(paths.length * 5).fill(NaN);
  paths.forEach((file, i) => {
    let s;
    try {
      s = statSync(file, { throwIfNoEntry: false });
    } catch {
      return;
    }
    if (s) out.set([s.size, s.mtimeMs, s.ctimeMs, s.ino, s.dev], i * 5);
  });
  parentPort.postMessage(out, [out.buffer]);
});
