import type { Diagnostic, UnplacedDiagnostic } from "../model/diagnostic.js";
import { indexPointers, type PointerLocator } from "../load/locate-pointer.js";

/**
 * Give every diagnostic its line and column by finding its pointer in the file's YAML text.
 * Each file with findings is parsed once; `readText` is how the caller gets a file's text.
 */
export function placeDiagnostics(diagnostics: readonly UnplacedDiagnostic[], readText: (file: string) => string | undefined): Diagnostic[] {
  const locators = new Map<string, PointerLocator | undefined>();
  return diagnostics.map(({ atKey, ...d }) => {
    if (d.line !== undefined && d.column !== undefined) return { ...d, line: d.line, column: d.column };
    if (d.file === "") return { ...d, line: 0, column: 0 };
    if (!locators.has(d.file)) {
      const text = readText(d.file);
      locators.set(d.file, text === undefined ? undefined : indexPointers(text));
    }
    const locator = locators.get(d.file);
    const { line, column } = locator ? locator.locate(d.pointer, atKey) : { line: 1, column: 1 };
    return { ...d, line, column };
  });
}
