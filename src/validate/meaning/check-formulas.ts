import type { UnplacedDiagnostic } from "../../model/diagnostic.js";
import { toPointer } from "../../model/pointer.js";
import { makeDiagnostic } from "../../catalogue/make-diagnostic.js";
import type { MeaningCheck } from "./meaning-check.js";

/** Characters that make a spreadsheet treat a cell as a formula when they start it. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** Free text that a spreadsheet would run as a formula. */
export const checkFormulas: MeaningCheck = ({ index }) => {
  const out: UnplacedDiagnostic[] = [];
  for (const map of Object.values(index)) {
    for (const { file, record } of map.values()) {
      walkStrings(record, [], (value, path) => {
        if (FORMULA_START.test(value)) {
          const start = JSON.stringify(value.charAt(0)).slice(1, -1);
          out.push(makeDiagnostic("text/formula", { where: path.join("."), start }, { file, pointer: toPointer(path) }));
        }
      });
    }
  }
  return out;
};

function walkStrings(value: unknown, path: (string | number)[], visit: (value: string, path: (string | number)[]) => void): void {
  if (typeof value === "string") visit(value, path);
  else if (Array.isArray(value)) value.forEach((item, i) => walkStrings(item, [...path, i], visit));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walkStrings(v, [...path, k], visit);
}
