import { renderDataDictionary } from "../describe/render-data-dictionary.js";
import { renderErrorDocs } from "./render-error-docs.js";

/** Every generated document, by its path from the project root. */
export const GENERATED_DOCS: Record<string, () => string> = {
  "docs/errors.md": renderErrorDocs,
  "docs/data-dictionary.md": renderDataDictionary,
};
