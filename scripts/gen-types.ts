/** Regenerate src/types/ from schemas/ (npm run gen:types). `--check` fails when they are stale. */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { renderSourceTypes } from "../src/types-gen/render-source-types.js";

const check = process.argv.includes("--check");
const outDir = path.resolve("src/types");
const files = await renderSourceTypes();
let stale = 0;
await mkdir(outDir, { recursive: true });
for (const [name, text] of files) {
  const target = path.join(outDir, name);
  const current = await readFile(target, "utf8").catch(() => "");
  if (current === text) continue;
  stale++;
  if (check) console.error(`stale: src/types/${name}`);
  else await writeFile(target, text);
}
if (check && stale) {
  console.error("Run `npm run gen:types` and commit the result.");
  process.exit(1);
}
console.log(check ? "src/types is up to date." : `Wrote ${files.size} files to src/types (${stale} changed).`);
