// How a worker thread's entry file starts its TypeScript module: plain JavaScript, so that it
// runs before any loader. In lib/ (src/ compiled by `npm run compile`) it takes the compiled .js
// module beside it; in src/, it registers tsx and takes the .ts one. Which it is follows from
// where this file is, so a stray .js file in src/ is never run.
import path from "node:path";
import { fileURLToPath } from "node:url";

const COMPILED = path.basename(path.dirname(fileURLToPath(import.meta.url))) === "lib";

/** Import `base` (a path without extension, relative to `from`): its compiled .js in lib/, or its .ts through tsx. */
export async function importModule(base, from) {
  if (COMPILED) return import(new URL(`${base}.js`, from).href);
  const { register } = await import("tsx/esm/api");
  register();
  return import(new URL(`${base}.ts`, from).href);
}
