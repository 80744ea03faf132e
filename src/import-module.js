// How a worker thread's entry file starts its TypeScript module: plain JavaScript, so that it
// runs before any loader. In lib/ (src/ compiled by `npm run compile`) the module's compiled .js
// file is beside it; in src/ it is not, and tsx is registered to run the .ts file.
import { existsSync } from "node:fs";

/** Import `base` (a path without extension, relative to `from`): its compiled .js, or its .ts through tsx. */
export async function importModule(base, from) {
  const compiled = new URL(`${base}.js`, from);
  if (existsSync(compiled)) return import(compiled.href);
  const { register } = await import("tsx/esm/api");
  register();
  return import(new URL(`${base}.ts`, from).href);
}
