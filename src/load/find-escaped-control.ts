import type { UnplacedDiagnostic } from "../model/diagnostic.js";
import { toPointer } from "../model/pointer.js";
import { makeDiagnostic } from "../catalogue/make-diagnostic.js";
import { indexPointers } from "./locate-pointer.js";
import { unsafeCharacterIn, type UnsafeCharacter } from "./unsafe-character.js";

/**
 * The first key or text of a parsed record that holds a control character, a lone surrogate or a
 * noncharacter — which only an escape (`"\0"`, `"\e"`, `"\u0000"`, `"\ud800"`) can put there, the raw text being checked before parsing — as a
 * finding placed at that key or value.
 */
export function findEscapedControl(file: string, text: string, record: unknown): UnplacedDiagnostic | undefined {
  // An explicit stack, not recursion, like every walk over hostile input.
  const stack: [unknown, (string | number)[]][] = [[record, []]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === "string") {
      const character = unsafeCharacterIn(value);
      if (character) return placed(file, text, character, path, false);
    } else if (value && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        const at = [...path, Array.isArray(value) ? Number(key) : key];
        const character = unsafeCharacterIn(key);
        if (character) return placed(file, text, character, at, true);
        stack.push([item, at]);
      }
    }
  }
  return undefined;
}

function placed(file: string, text: string, found: UnsafeCharacter, path: (string | number)[], atKey: boolean): UnplacedDiagnostic {
  const { line, column } = indexPointers(text).locate(toPointer(path), atKey);
  return makeDiagnostic(found.code, { character: found.character }, { file, line, column });
}
