/**
 * The 1-based column of `offset` in a text whose line starts at `lineStart`, counted in characters
 * (code points), as editors show it and as a file's encoding errors are placed: not in UTF-16
 * units, in which an emoji or any character past U+FFFF would count twice.
 */
export function columnAt(text: string, lineStart: number, offset: number): number {
  let column = 1;
  for (let i = lineStart; i < offset; i++, column++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < offset) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return column;
}
