import type { UnplacedDiagnostic } from "../../model/diagnostic.js";
import { FORMULA_START } from "../../model/formula.js";
import { toPointer } from "../../model/pointer.js";
import { makeDiagnostic } from "../../catalogue/make-diagnostic.js";
import type { MeaningCheck } from "./meaning-check.js";


const ASCII = /^[\x00-\x7F]*$/;
/** The words YAML 1.1 and 1.2 read as null when unquoted: never a text a source means. */
const YAML_NULLS = new Set(["null", "Null", "NULL", "~"]);
/** A text of white space only (JavaScript's \s includes Unicode's spaces), or of zero-width spaces. */
const BLANK = /^[\s\u200B\u2060]+$/;

const SCRIPTS = [
  { name: "Latin", letters: /\p{Script=Latin}/u },
  { name: "Cyrillic", letters: /\p{Script=Cyrillic}/u },
  { name: "Greek", letters: /\p{Script=Greek}/u },
];

/**
 * Free text is safe to publish: never a YAML null read as a word (`null`, `~`) nor only spaces,
 * in Unicode NFC (so equal names are equal bytes), with no word that
 * mixes Latin, Cyrillic and Greek letters (look-alike letters that hide a different name), and
 * with no start a spreadsheet would run as a formula.
 */
export const checkText: MeaningCheck = ({ index }) => {
  const out: UnplacedDiagnostic[] = [];
  for (const map of Object.values(index)) {
    for (const { file, record } of map.values()) {
      walkStrings(record, [], (value, path) => {
        // Sources are read with YAML's failsafe schema, so `null` and `~` arrive as those words.
        if (YAML_NULLS.has(value)) out.push(makeDiagnostic("text/yaml-null", { where: path.join("."), value }, { file, pointer: toPointer(path) }));
        else if (BLANK.test(value)) out.push(makeDiagnostic("text/blank", { where: path.join(".") }, { file, pointer: toPointer(path) }));
        const formula = FORMULA_START.test(value);
        // Plain ASCII is always NFC and all Latin: most text is, and needs no closer look.
        const ascii = ASCII.test(value);
        if (!formula && ascii) return;
        const place = { file, pointer: toPointer(path) };
        const where = path.join(".");
        if (formula) out.push(makeDiagnostic("text/formula", { where, start: JSON.stringify(value.charAt(0)).slice(1, -1) }, place));
        if (ascii) return;
        if (value.normalize("NFC") !== value) out.push(makeDiagnostic("text/not-nfc", { where }, place));
        const mixed = mixedScriptWord(value);
        if (mixed) out.push(makeDiagnostic("text/mixed-script", { where, word: mixed.word, scripts: mixed.scripts.join(" and ") }, place));
      });
    }
  }
  return out;
};

/** The first word whose letters come from more than one of Latin, Cyrillic and Greek. */
export function mixedScriptWord(text: string): { word: string; scripts: string[] } | undefined {
  for (const word of text.split(/[^\p{L}\p{M}]+/u)) {
    const scripts = SCRIPTS.filter((s) => s.letters.test(word)).map((s) => s.name);
    if (scripts.length > 1) return { word, scripts };
  }
  return undefined;
}

/** Visit every string in a record with its path; the path array is reused, so copy it to keep it. */
function walkStrings(value: unknown, path: (string | number)[], visit: (value: string, path: (string | number)[]) => void): void {
  if (typeof value === "string") visit(value, path);
  else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      walkStrings(value[i], path, visit);
      path.pop();
    }
  } else if (value && typeof value === "object") {
    for (const key in value) {
      path.push(key);
      walkStrings((value as Record<string, unknown>)[key], path, visit);
      path.pop();
    }
  }
}
