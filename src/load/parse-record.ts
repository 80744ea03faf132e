import { columnAt } from "../model/text-column.js";
import { unsafeCharacterIn } from "./unsafe-character.js";
import { Composer, isMap, isScalar, isSeq, LineCounter, Parser, type CST } from "yaml";
import type { UnplacedDiagnostic } from "../model/diagnostic.js";
import { makeDiagnostic } from "../catalogue/make-diagnostic.js";
import type { Code } from "../catalogue/codes.js";

/**
 * YAML options for sources: the failsafe schema keeps every scalar a string (so `2024-04-25`
 * and `2021` stay dates as written), and duplicate keys are errors.
 */
export const YAML_OPTIONS = { schema: "failsafe", uniqueKeys: true, prettyErrors: false } as const;

const PARSER_CODES: Partial<Record<string, Code>> = {
  DUPLICATE_KEY: "yaml/duplicate-key",
  TAB_AS_INDENT: "yaml/tab-indent",
};

/** Deeper than any record needs; composing recurses once per level, so deeper input is refused first. */
const MAX_DEPTH = 100;

/**
 * More entries in one mapping or list than any record needs (twice the largest maxItems). Refused
 * before composing: the library checks duplicate keys pair by pair, so 100,000 keys took minutes.
 */
export const MAX_ENTRIES = 1000;

/** Parse one source file's text into a plain record, reporting every problem with its position. */
export function parseRecord(file: string, text: string): { record: unknown; diagnostics: UnplacedDiagnostic[] } {
  const lines = new LineCounter();
  const at = (offset: number) => {
    const { line } = lines.linePos(offset);
    return { file, line, column: columnAt(text, lines.lineStarts[line - 1] ?? 0, offset) };
  };
  const control = findControlCharacter(file, text);
  if (control) return { record: undefined, diagnostics: [control] };
  // Parse and compose in two steps (as YAML.parseAllDocuments does) to keep the tokens, which say
  // where each tag and anchor is written.
  const tokens = [...new Parser(lines.addNewLine).parse(text)];
  const large = firstTooLarge(tokens);
  if (large !== undefined) return { record: undefined, diagnostics: [makeDiagnostic("yaml/syntax", { detail: large.detail }, at(large.offset))] };
  const list = [...new Composer(YAML_OPTIONS).compose(tokens)];
  const diagnostics: UnplacedDiagnostic[] = [];
  for (const doc of list) {
    for (const error of doc.errors) {
      const code = PARSER_CODES[error.code] ?? "yaml/syntax";
      const key = code === "yaml/duplicate-key" ? duplicateKeyName(text, error.pos[0]) : "";
      diagnostics.push(makeDiagnostic(code, { detail: firstLine(error.message), key }, at(error.pos[0])));
    }
  }
  const first = list[0];
  if (!first || (first.contents === null && list.length === 1)) {
    if (diagnostics.length) return { record: undefined, diagnostics };
    return { record: undefined, diagnostics: [makeDiagnostic("file/empty", {}, { file, line: 1, column: 1 })] };
  }
  if (list.length > 1) {
    const second = list[1]!;
    diagnostics.push(makeDiagnostic("file/multiple-documents", { count: list.length }, at(second.range[0])));
  }
  if (diagnostics.length) return { record: undefined, diagnostics };
  // Not push(...found): an alias flood gives more findings than a call takes arguments.
  for (const found of checkPlainData(tokens, at)) diagnostics.push(found);
  if (!isMap(first.contents)) {
    const found = isSeq(first.contents) ? "a list" : isScalar(first.contents) ? "a single value" : "nothing";
    const offset = first.contents?.range?.[0] ?? 0;
    diagnostics.push(makeDiagnostic("file/not-a-mapping", { found }, at(offset)));
  }
  if (diagnostics.length) return { record: undefined, diagnostics };
  return { record: first.toJS({ maxAliasCount: 0 }), diagnostics };
}

/**
 * Sources are plain data: no tags, no anchors, no aliases (so no alias bombs either). Read from
 * the tokens, so each finding points at the `!`, `&` or `*` as written, not at the value after it.
 */
function checkPlainData(tokens: readonly CST.Token[], at: (offset: number) => { file: string; line: number; column: number }): UnplacedDiagnostic[] {
  const found: UnplacedDiagnostic[] = [];
  // An explicit stack, not recursion: a hostile file may nest thousands of levels deep.
  const stack: unknown[] = [...tokens];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item || typeof item !== "object") continue;
    const token = item as { type?: unknown; offset?: unknown; source?: unknown };
    if (typeof token.offset === "number" && typeof token.source === "string") {
      if (token.type === "tag") found.push(makeDiagnostic("yaml/unknown-tag", { tag: token.source }, at(token.offset)));
      if (token.type === "anchor" || token.type === "alias") found.push(makeDiagnostic("yaml/alias", {}, at(token.offset)));
    }
    for (const value of Object.values(item)) if (value && typeof value === "object") stack.push(value);
  }
  return found;
}

/** A collection nested deeper than MAX_DEPTH or holding more than MAX_ENTRIES entries, if any (walked without recursion). */
function firstTooLarge(tokens: readonly CST.Token[]): { offset: number; detail: string } | undefined {
  const stack: [unknown, number][] = tokens.map((token) => [token, 0]);
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (!item || typeof item !== "object") continue;
    const token = item as { type?: unknown; offset?: unknown; items?: unknown };
    const collection = token.type === "block-map" || token.type === "block-seq" || token.type === "flow-collection";
    const level = collection ? depth + 1 : depth;
    if (collection && typeof token.offset === "number") {
      if (level > MAX_DEPTH) return { offset: token.offset, detail: `values nest more than ${MAX_DEPTH} levels deep` };
      if (Array.isArray(token.items) && token.items.length > MAX_ENTRIES) return { offset: token.offset, detail: `a mapping or list holds more than ${MAX_ENTRIES} entries` };
    }
    for (const value of Object.values(item)) if (value && typeof value === "object") stack.push([value, level]);
  }
  return undefined;
}

/** The first unsafe character in a text (see unsafe-character.ts), which no source may hold, as a diagnostic. */
export function findControlCharacter(file: string, text: string): UnplacedDiagnostic | undefined {
  const found = unsafeCharacterIn(text);
  if (!found) return undefined;
  const before = text.slice(0, found.index);
  const line = before.split("\n").length;
  const column = columnAt(text, before.lastIndexOf("\n") + 1, found.index);
  return makeDiagnostic(found.code, { character: found.character }, { file, line, column });
}

function duplicateKeyName(text: string, offset: number): string {
  const match = /^[^:\n]*/.exec(text.slice(offset));
  return (match?.[0] ?? "").trim().replace(/^["']|["']$/g, "");
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}
