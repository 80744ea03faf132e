#!/usr/bin/env node
// Runs the CLI: compiled, from lib/, when that was compiled from the src/ there is now (`npm ci`
// compiles it, and `npm run compile` again after an edit); otherwise the TypeScript in src/
// through tsx, so `npx parlex` works from a clone without a build step, edited or not.
import { pathToFileURL } from "node:url";
import { compiledCli } from "./compiled.js";

const compiled = compiledCli();
if (compiled !== undefined) {
  const { main } = await import(pathToFileURL(compiled).href);
  await main();
} else {
  const { register } = await import("tsx/esm/api");
  register();
  const { main } = await import("../src/cli/main.ts");
  await main();
}
