/** A value as a contributor writes it in a source file. */
export type YamlValue = string | Quoted | Folded | readonly YamlValue[] | YamlMap;
/** Fields in the order they are written; undefined fields are left out. */
export type YamlMap = { readonly [key: string]: YamlValue | undefined };

/** A string always written in double quotes, as contributors quote dates and headlines. */
export interface Quoted {
  quoted: string;
}
/** Prose written as a folded block (`>-`), wrapped like a contributor's editor wraps it. */
export interface Folded {
  folded: string;
}

const WIDTH = 88;
const YAML11_WORDS = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;

/** One source file: the editor modeline, then the record in block style. */
export function renderSourceFile(schemaPath: string, record: YamlMap): string {
  return `# yaml-language-server: $schema=${schemaPath}\n` + renderMap(record, 0);
}

function renderMap(map: YamlMap, indent: number, firstPrefix?: string): string {
  let out = "";
  let first = true;
  for (const [key, value] of Object.entries(map)) {
    if (value === undefined) continue;
    const pad = first && firstPrefix !== undefined ? firstPrefix : " ".repeat(indent);
    first = false;
    out += pad + key + ":" + renderValue(value, indent, key.length + 2);
  }
  return out;
}

/** The text after `key:` — inline for scalars, on following lines for blocks. */
function renderValue(value: YamlValue, indent: number, keyWidth: number): string {
  if (typeof value === "string") return " " + scalar(value) + "\n";
  if (isQuoted(value)) return " " + JSON.stringify(value.quoted) + "\n";
  if (isFolded(value)) {
    if (indent + keyWidth + value.folded.length <= WIDTH && !needsQuotes(value.folded)) return " " + value.folded + "\n";
    return " >-\n" + wrap(value.folded, indent + 2);
  }
  if (Array.isArray(value)) return "\n" + renderList(value, indent + 2);
  return "\n" + renderMap(value as YamlMap, indent + 2);
}

function renderList(items: readonly YamlValue[], indent: number): string {
  const dash = " ".repeat(indent) + "- ";
  let out = "";
  for (const item of items) {
    if (typeof item === "string") out += dash + scalar(item) + "\n";
    else if (isQuoted(item)) out += dash + JSON.stringify(item.quoted) + "\n";
    else if (isFolded(item)) out += dash + scalar(item.folded) + "\n";
    else if (Array.isArray(item)) throw new TypeError("lists of lists are not written in sources");
    else out += renderMap(item as YamlMap, indent + 2, dash);
  }
  return out;
}

/** A plain scalar where YAML (1.1 or 1.2, as editors read it) keeps it the same string; else quoted. */
function scalar(text: string): string {
  return needsQuotes(text) ? JSON.stringify(text) : text;
}

function needsQuotes(text: string): boolean {
  return (
    !/^[\p{L}]/u.test(text) ||
    /[:#]\s|:$|\s#|\s$|[\n\t"]/.test(text) ||
    YAML11_WORDS.test(text)
  );
}

/** Words to lines of at most WIDTH columns; single newlines fold back into spaces when read. */
function wrap(text: string, indent: number): string {
  const pad = " ".repeat(indent);
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && pad.length + line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else line = line ? line + " " + word : word;
  }
  lines.push(line);
  return lines.map((l) => pad + l + "\n").join("");
}

function isQuoted(value: YamlValue): value is Quoted {
  return typeof value === "object" && !Array.isArray(value) && "quoted" in value && typeof (value as Quoted).quoted === "string";
}

function isFolded(value: YamlValue): value is Folded {
  return typeof value === "object" && !Array.isArray(value) && "folded" in value && typeof (value as Folded).folded === "string";
}
