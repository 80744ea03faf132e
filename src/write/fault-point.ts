/**
 * A named point in a multi-step write where a test may kill the process, to prove that an
 * interruption there loses nothing: with PARLEX_FAULT_AT=<name> in the environment, the process
 * sends itself SIGKILL on reaching that point. Without the variable it does nothing.
 */
export function faultPoint(name: string): void {
  if (process.env.PARLEX_FAULT_AT === name) process.kill(process.pid, "SIGKILL");
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
