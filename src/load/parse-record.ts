import YAML, { isAlias, isMap, isScalar, isSeq, LineCounter, type Document, type Node } from "yaml";
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

// C0 controls other than tab, line feed and carriage return; DEL; C1 controls.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Parse one source file's text into a plain record, reporting every problem with its position. */
export function parseRecord(file: string, text: string): { record: unknown; diagnostics: UnplacedDiagnostic[] } {
  const lines = new LineCounter();
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { file, line, column: col };
  };
  const control = CONTROL.exec(text);
  if (control) {
    const character = "U+" + control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    countLines(lines, text);
    return { record: undefined, diagnostics: [makeDiagnostic("file/control-character", { character }, at(control.index))] };
  }
  const docs = YAML.parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter: lines });
  const list = Array.isArray(docs) ? docs : [docs];
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
  diagnostics.push(...checkPlainData(first, at));
  if (!isMap(first.contents)) {
    const found = isSeq(first.contents) ? "a list" : isScalar(first.contents) ? "a single value" : "nothing";
    const offset = first.contents?.range?.[0] ?? 0;
    diagnostics.push(makeDiagnostic("file/not-a-mapping", { found }, at(offset)));
  }
  if (diagnostics.length) return { record: undefined, diagnostics };
  return { record: first.toJS({ maxAliasCount: 0 }), diagnostics };
}

/** Sources are plain data: no tags, no anchors, no aliases (so no alias bombs either). */
function checkPlainData(
  doc: Document.Parsed,
  at: (offset: number) => { file: string; line: number; column: number },
): UnplacedDiagnostic[] {
  const found: UnplacedDiagnostic[] = [];
  YAML.visit(doc, (_key, node) => {
    if (isAlias(node)) {
      found.push(makeDiagnostic("yaml/alias", {}, at(node.range?.[0] ?? 0)));
      return;
    }
    const n = node as Node;
    if ((isScalar(n) || isMap(n) || isSeq(n)) && n.anchor) {
      found.push(makeDiagnostic("yaml/alias", {}, at(n.range?.[0] ?? 0)));
    }
    // Under the failsafe schema only an explicit tag sets `tag`.
    if ((isScalar(n) || isMap(n) || isSeq(n)) && n.tag) {
      const tag = n.tag.replace(/^tag:yaml\.org,2002:/, "!!");
      found.push(makeDiagnostic("yaml/unknown-tag", { tag }, at(n.range?.[0] ?? 0)));
    }
  });
  return found;
}

function duplicateKeyName(text: string, offset: number): string {
  const match = /^[^:\n]*/.exec(text.slice(offset));
  return (match?.[0] ?? "").trim().replace(/^["']|["']$/g, "");
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

function countLines(lines: LineCounter, text: string): void {
  lines.addNewLine(0);
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines.addNewLine(i + 1);
}
