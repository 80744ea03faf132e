import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { expect, test } from "vitest";
import { GENERATED_DOCS } from "../../src/docs/generated-docs.js";
import { renderErrorDocs } from "../../src/docs/render-error-docs.js";
import { renderSourceTypes } from "../../src/types-gen/render-source-types.js";

/*
 * Files generated from a single source of truth are committed; these fail when they are stale.
 * Fix: `npm run gen:types` (src/types from schemas/), `npm run gen:docs` (docs/ from the catalogue).
 */

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

test("src/types is what the generator makes of schemas/ (npm run gen:types)", async () => {
  const dir = path.join(ROOT, "src/types");
  const onDisk = Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name), "utf8")]));
  expect(onDisk).toEqual(Object.fromEntries(await renderSourceTypes()));
});

test("docs/errors.md is generated from the catalogue (npm run gen:docs)", () => {
  expect(readFileSync(path.join(ROOT, "docs/errors.md"), "utf8")).toBe(renderErrorDocs());
});

test("every generated doc is up to date, the data dictionary included (npm run gen:docs)", () => {
  expect(Object.keys(GENERATED_DOCS)).toContain("docs/data-dictionary.md");
  for (const [file, render] of Object.entries(GENERATED_DOCS)) expect(readFileSync(path.join(ROOT, file), "utf8"), file).toBe(render());
});
