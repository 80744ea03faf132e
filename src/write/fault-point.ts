/**
 * A named point in a multi-step write where a test may kill the process, to prove that an
 * interruption there loses nothing: with PARLEX_FAULT_AT=<name> in the environment, the process
 * sends itself SIGKILL on reaching that point. Without the variable it does nothing.
 */
export function faultPoint(name: string, file?: string): void {
  if (process.env.PARLEX_FAULT_AT === name) process.kill(process.pid, "SIGKILL");
  // PARLEX_FAULT_ERRNO=<name>:<ENOSPC|EROFS|…>: the system call there fails as the environment would make it.
  const given = process.env.PARLEX_FAULT_ERRNO ?? "";
  const at = given.slice(0, given.lastIndexOf(":"));
  const errno = given.slice(given.lastIndexOf(":") + 1);
  if (at === name && errno) throw Object.assign(new Error(`${errno}: injected at ${name}, write '${file ?? ""}'`), { code: errno, syscall: "write", ...(file ? { path: file } : {}) });
}

/** Every fault point, for tests that try them all. */
export const FAULT_POINTS = [
  "build:staging-partly-written",
  "build:staged",
  "build:old-retired",
  "build:new-in-place",
  "release:staging-partly-written",
  "release:staged",
  "release:published",
  "release:root-descriptor-staged",
] as const;
