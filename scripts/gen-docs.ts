/** Regenerate docs/ from the code's single sources of truth (npm run gen:docs); `--check` fails when stale. */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { GENERATED_DOCS } from "../src/docs/generated-docs.js";

const check = process.argv.includes("--check");
let stale = 0;
await mkdir("docs", { recursive: true });
for (const [file, render] of Object.entries(GENERATED_DOCS)) {
  const text = render();
  if ((await readFile(file, "utf8").catch(() => "")) === text) continue;
  stale++;
  if (check) console.error(`stale: ${file}`);
  else await writeFile(file, text);
}
if (check && stale) {
  console.error("Run `npm run gen:docs` and commit the result.");
  process.exit(1);
}
console.log(check ? "docs are up to date." : `docs: ${stale} file(s) written.`);
