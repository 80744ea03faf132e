/** A character no source text may hold, where it is, and the code that reports it. */
export interface UnsafeCharacter {
  code: "file/control-character" | "file/lone-surrogate" | "file/noncharacter";
  /** As `U+XXXX`. */
  character: string;
  /** Its index in the text (UTF-16 units). */
  index: number;
}

// Candidates, found in one pass: C0 controls other than tab, line feed and carriage return; DEL;
// C1 controls; the bidi embeddings, overrides and isolates, which make a name display as another
// (Trojan Source); the noncharacters U+FDD0..U+FDEF, U+FFFE, U+FFFF; and every surrogate, which
// is then looked at: a pair is one character (unsafe only when it is a noncharacter, U+nFFFE or
// U+nFFFF), a lone one is no character at all, and the formats would each write it differently
// (CSV and Arrow as U+FFFD, JSON as an escape).
const CANDIDATE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/g;

/** The first unsafe character in a text, or undefined when there is none. */
export function unsafeCharacterIn(text: string): UnsafeCharacter | undefined {
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(text); match !== null; match = CANDIDATE.exec(text)) {
    const index = match.index;
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        const point = 0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00);
        if ((point & 0xfffe) === 0xfffe) return { code: "file/noncharacter", character: name(point), index };
        CANDIDATE.lastIndex = index + 2;
        continue;
      }
      return { code: "file/lone-surrogate", character: name(unit), index };
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) return { code: "file/lone-surrogate", character: name(unit), index };
    if (unit >= 0xfdd0) return { code: "file/noncharacter", character: name(unit), index };
    return { code: "file/control-character", character: name(unit), index };
  }
  return undefined;
}

function name(point: number): string {
  return "U+" + point.toString(16).toUpperCase().padStart(4, "0");
}
