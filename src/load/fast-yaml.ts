import { MAX_ENTRIES } from "./parse-record.js";

/**
 * A fast reader for the plain subset of YAML that source files are written in: block mappings and
 * sequences, one-line plain, single- and double-quoted scalars, one-line flow sequences of plain
 * words, and literal and folded block scalars (`|`, `|-`, `>`, `>-`). It returns what the `yaml` library's failsafe
 * schema would, or `undefined` for anything else — then the caller parses with the library, which
 * also reports errors with positions. It never guesses: the differential tests hold it to equality
 * with the library on every input it accepts.
 */
export function parseFastYaml(text: string): Record<string, unknown> | undefined {
  // Tabs, carriage returns and Unicode spaces (which JavaScript's trim removes but YAML keeps) go to the library.
  if (/[\t\r\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]/.test(text)) return undefined;
  const raw = text.split("\n");
  if (raw[raw.length - 1] === "") raw.pop();
  const lines = raw.map((line) => {
    const indent = line.length - line.trimStart().length;
    return { indent, text: line.slice(indent) };
  });
  // Sources nest a few levels deep; anything far deeper is left to the library (and its depth limit).
  if (lines.some((line) => line.indent > MAX_INDENT)) return undefined;
  const reader = new Reader(lines, raw);
  try {
    reader.skipIgnorable();
    if (reader.done() || reader.peek().indent !== 0) return undefined;
    const result = reader.mapping(0);
    reader.skipIgnorable();
    return reader.done() ? result : undefined;
  } catch (error) {
    if (error === BAIL) return undefined;
    throw error;
  }
}

const BAIL = Symbol("not in the fast subset");
const MAX_INDENT = 80;
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*):(?: +(.*))?$/;
const PLAIN_START = /^[^-?:,[\]{}#&*!|>'"%@`\s]/;
const FLOW_WORD = /^[^-?:,[\]{}#&*!|>'"%@`\s][^,[\]{}#'"]*$/;

type Line = { indent: number; text: string };

class Reader {
  private i = 0;
  constructor(
    private readonly lines: Line[],
    private readonly raw: string[],
  ) {}

  done(): boolean {
    return this.i >= this.lines.length;
  }

  peek(): Line {
    return this.lines[this.i]!;
  }

  /** Skip blank and comment-only lines (outside block scalars). */
  skipIgnorable(): void {
    while (!this.done() && (this.peek().text === "" || this.peek().text.startsWith("#"))) this.i++;
  }

  mapping(indent: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    // Over MAX_ENTRIES, the library path refuses the file and says where.
    let entries = 0;
    for (this.skipIgnorable(); !this.done() && this.peek().indent >= indent; this.skipIgnorable()) {
      const line = this.peek();
      if (line.indent !== indent || line.text.startsWith("-")) bail();
      const match = KEY_LINE.exec(line.text);
      if (!match || Object.prototype.hasOwnProperty.call(result, match[1]!) || match[1] === "__proto__") bail();
      if (++entries > MAX_ENTRIES) bail();
      this.i++;
      const rest = match![2];
      const block = rest === undefined || rest === "" ? undefined : /^[|>]/.test(rest) ? rest : undefined;
      result[match![1]!] = rest === undefined || rest === "" ? this.nested(indent) : block ? this.blockScalar(block, indent) : scalar(rest);
    }
    return result;
  }

  /** The block under `key:` — a deeper mapping, or a sequence at the same or a deeper indent. */
  private nested(indent: number): unknown {
    this.skipIgnorable();
    if (this.done()) bail();
    const next = this.peek();
    if (next.text.startsWith("- ")) {
      if (next.indent < indent) bail();
      return this.sequence(next.indent);
    }
    if (next.indent > indent) return this.mapping(next.indent);
    return bail();
  }

  private sequence(indent: number): unknown[] {
    const result: unknown[] = [];
    for (this.skipIgnorable(); !this.done() && this.peek().indent >= indent; this.skipIgnorable()) {
      const line = this.peek();
      if (line.indent !== indent) bail();
      if (!line.text.startsWith("- ")) break;
      if (result.length >= MAX_ENTRIES) bail();
      const content = line.text.slice(2).trimStart();
      const at = indent + (line.text.length - content.length);
      if (KEY_LINE.test(content)) {
        // A compact mapping (`- key: value`): its keys sit where the first one starts.
        this.lines[this.i] = { indent: at, text: content };
        result.push(this.mapping(at));
      } else {
        if (content === "" || /^[-|>]/.test(content)) bail();
        this.i++;
        result.push(scalar(content));
      }
    }
    return result;
  }

  /** A block scalar: `|` keeps line breaks, `>` folds them into spaces; `-` drops the final one. */
  private blockScalar(header: string, parentIndent: number): string {
    if (!["|", "|-", ">", ">-"].includes(header)) bail();
    const start = this.i;
    if (this.done() || this.peek().text === "") bail();
    const contentIndent = this.peek().indent;
    if (contentIndent <= parentIndent) bail();
    const body: string[] = [];
    while (!this.done()) {
      const line = this.peek();
      if (line.text === "") {
        if (this.raw[this.i]!.length > contentIndent) bail();
        body.push("");
      } else if (line.indent >= contentIndent) {
        body.push(this.raw[this.i]!.slice(contentIndent));
      } else if (line.indent > parentIndent) {
        bail();
      } else break;
      this.i++;
    }
    if (this.i === start) bail();
    while (body.length && body[body.length - 1] === "") {
      body.pop();
      this.i--;
    }
    const content = header.startsWith(">") ? fold(body) : body.join("\n");
    return header.endsWith("-") ? content : content + "\n";
  }
}

/**
 * Fold the lines of a `>` scalar: a single line break between two lines becomes a space, and a
 * run of N empty lines becomes N line breaks. More-indented lines fold differently: not ours.
 */
function fold(body: string[]): string {
  let out = "";
  let empty = 0;
  for (const [i, line] of body.entries()) {
    if (line === "") {
      empty++;
      continue;
    }
    if (line.startsWith(" ")) bail();
    out += i === 0 ? line : empty ? "\n".repeat(empty) + line : " " + line;
    empty = 0;
  }
  return out;
}

function bail(): never {
  throw BAIL;
}

/** A one-line scalar or flow sequence value. */
function scalar(text: string): unknown {
  const value = text.trimEnd();
  if (value.startsWith('"')) return doubleQuoted(value);
  if (value.startsWith("'")) return singleQuoted(value);
  if (value.startsWith("[")) return flowSequence(value);
  if (!PLAIN_START.test(value) || value.includes(": ") || value.includes(" #") || value.endsWith(":")) bail();
  return value;
}

function doubleQuoted(value: string): string {
  let out = "";
  let i = 1;
  for (; i < value.length && value[i] !== '"'; i++) {
    if (value[i] !== "\\") {
      out += value[i];
      continue;
    }
    const next = value[++i];
    const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", n: "\n", t: "\t" };
    if (next !== undefined && next in simple) out += simple[next];
    else if (next === "u" && /^[0-9a-fA-F]{4}$/.test(value.slice(i + 1, i + 5))) {
      const code = parseInt(value.slice(i + 1, i + 5), 16);
      if (code >= 0xd800 && code <= 0xdfff) bail();
      out += String.fromCharCode(code);
      i += 4;
    } else bail();
  }
  if (i !== value.length - 1) bail();
  return out;
}

function singleQuoted(value: string): string {
  if (value.length < 2 || !value.endsWith("'")) bail();
  const inner = value.slice(1, -1);
  if (/'(?!')/.test(inner.replace(/''/g, ""))) bail();
  return inner.replace(/''/g, "'");
}

function flowSequence(value: string): string[] {
  if (!value.endsWith("]")) bail();
  const inner = value.slice(1, -1).trim();
  if (inner === "") return [];
  const items = inner.split(",");
  if (items.length > MAX_ENTRIES) bail();
  return items.map((item) => {
    const word = item.trim();
    if (!FLOW_WORD.test(word) || word.includes(": ") || word.endsWith(":")) bail();
    return word;
  });
}
