import { defineConfig } from "vitest/config";

/** One config for every suite: tests live under tests/, next to their fixtures. */
export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Some suites start the real CLI as a child process; a slow CI machine must not flap on them.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
  },
});
