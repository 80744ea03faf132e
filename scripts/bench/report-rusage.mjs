// Preloaded (node --import) into a measured command when GNU time is absent: at exit, write the
// process's own peak resident set size (getrusage ru_maxrss, KiB on Linux) and user and system CPU
// seconds to the file named by PARLEX_BENCH_RUSAGE, as GNU time's "%M %U %S" would. Worker threads
// are part of the process, so they are included.
import { writeFileSync } from "node:fs";

const target = process.env.PARLEX_BENCH_RUSAGE;
if (target) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    writeFileSync(target, `${usage.maxRSS} ${usage.userCPUTime / 1e6} ${usage.systemCPUTime / 1e6}\n`);
  });
}
