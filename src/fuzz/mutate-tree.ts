import type { Random } from "./random.js";

/** A source tree in memory: path relative to the tree's folder (`sources/people/li-wei.yaml`) → bytes. */
export type Tree = Map<string, Uint8Array>;

/** One kind of damage: changes the tree in place and says what it did, or undefined when it found nothing to change. */
interface Mutation {
  name: string;
  apply(tree: Tree, random: Random): string | undefined;
}

/** Strings YAML gives a meaning to, and characters the loader must refuse or survive. */
const SIGNIFICANT = [
  ...[": ", ":", "- ", "-", "#", " #", "'", '"', "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "!x ", "|", ">", "? ", "%", "@", "`"],
  ...["\t", "\n", "\r\n", "\r", "---\n", "...\n", "\\", "~", "<<: ", "=", "+"],
  ...["\ufeff", "\u0000", "\u001b", "\u0085", "\u202e", "\u2028", "e\u0301", "\u0435", "\u03b9", "李"],
];

/** Values of other types and shapes, and values that are wrong in meaning. */
const VALUES = [
  ...["", '""', "''", "~", "null", "[]", "{}", "[a, b]", "{a: b}", "- x", "0", "-1", "1e309", "0x1F", "true", "no"],
  ...["2022", "2022-02-30", "2022-13-01", "0000-00-00", "{start: 2022-06-30, end: 2022-06-01}", "KZ", "XX", "CN"],
  ...['"=1+1"', "'+1'", '"@x"', '"\\t x"', '"\\r x"', '"\\0"', '"\\e[2J"', '"\\u202e"', "li-wei", "trade", "talks-report"],
  ...["npc-delegation-2022", "mazhilis", "Li We\u0301i", "Astan\u0430", "\u00a0", "x".repeat(5000), "|\n  block text", ">-"],
];

const utf8 = new TextDecoder("utf-8");
const encode = (text: string) => new TextEncoder().encode(text);

/** The source files of a tree, in a stable order. */
function sourceFiles(tree: Tree): string[] {
  return [...tree.keys()].filter((f) => f.startsWith("sources/")).sort();
}

/** Change one line of one source file; `edit` returns the new lines, or undefined to skip the file. */
function editLines(tree: Tree, random: Random, edit: (lines: string[], file: string) => string | undefined): string | undefined {
  const files = sourceFiles(tree);
  if (files.length === 0) return undefined;
  const file = random.pick(files);
  const lines = utf8.decode(tree.get(file)).split("\n");
  const what = edit(lines, file);
  if (what === undefined) return undefined;
  tree.set(file, encode(lines.join("\n")));
  return `${what} in ${file}`;
}

/** The indexes of lines that hold `key: value`. */
function valueLines(lines: string[]): number[] {
  return lines.flatMap((line, i) => (/^\s*(?:- )?[A-Za-z_]+: \S/.test(line) ? [i] : []));
}

/** A new name for a file: another stem, extension or folder, or a name that is hostile in itself. */
function otherName(file: string, tree: Tree, random: Random): string {
  const folder = file.slice(0, file.lastIndexOf("/"));
  const stem = file.slice(folder.length + 1).replace(/\.yaml$/, "");
  const stems = sourceFiles(tree).map((f) => f.slice(f.lastIndexOf("/") + 1).replace(/\.yaml$/, ""));
  const names = [
    `${folder}/${stem}-2.yaml`,
    `${folder}/${random.pick(stems)}.yaml`,
    `${folder}/${stem} copy.yaml`,
    `${folder}/${stem.toUpperCase()}.yaml`,
    `${folder}/${stem}\u0301.yaml`,
    `${folder}/спорт.yaml`,
    `${folder}/${stem}.yml`,
    `${folder}/${stem}.yaml.txt`,
    `${folder}/${stem}`,
    `${folder}/.${stem}.yaml`,
    `sources/${random.pick(["people", "bodies", "topics", "documents", "visits", "meetings/2022", "meetings/1999", "meetings", "misc"])}/${stem}.yaml`,
    `sources/${stem}.yaml`,
  ];
  return random.pick(names);
}

const MUTATIONS: Mutation[] = [
  {
    name: "delete a value",
    apply: (tree, random) =>
      editLines(tree, random, (lines) => {
        const at = valueLines(lines);
        if (at.length === 0) return undefined;
        const i = random.pick(at);
        lines[i] = lines[i]!.replace(/: .*$/, ":");
        return `deleted the value of line ${i + 1}`;
      }),
  },
  {
    name: "duplicate a line",
    apply: (tree, random) =>
      editLines(tree, random, (lines) => {
        const i = random.int(0, lines.length - 1);
        lines.splice(i, 0, lines[i]!);
        return `duplicated line ${i + 1}`;
      }),
  },
  {
    name: "delete a line",
    apply: (tree, random) =>
      editLines(tree, random, (lines) => {
        const i = random.int(0, lines.length - 1);
        lines.splice(i, 1);
        return `deleted line ${i + 1}`;
      }),
  },
  {
    name: "re-indent a line",
    apply: (tree, random) =>
      editLines(tree, random, (lines) => {
        const i = random.int(0, lines.length - 1);
        lines[i] = random.next() < 0.5 ? " ".repeat(random.int(1, 3)) + lines[i] : lines[i]!.replace(/^ {1,2}/, "");
        return `re-indented line ${i + 1}`;
      }),
  },
  {
    name: "retype a value",
    apply: (tree, random) =>
      editLines(tree, random, (lines) => {
        const at = valueLines(lines);
        if (at.length === 0) return undefined;
        const i = random.pick(at);
        const value = random.pick(VALUES);
        lines[i] = lines[i]!.replace(/: .*$/, `: ${value}`);
        return `set line ${i + 1} to ${JSON.stringify(value.slice(0, 40))}`;
      }),
  },
  {
    name: "swap two ids",
    apply: (tree, random) => {
      const withId = sourceFiles(tree).filter((f) => /^id: \S+$/m.test(utf8.decode(tree.get(f))));
      if (withId.length < 2) return undefined;
      const a = random.pick(withId);
      const b = random.pick(withId);
      const textA = utf8.decode(tree.get(a));
      const textB = utf8.decode(tree.get(b));
      const idA = /^id: (\S+)$/m.exec(textA)![1]!;
      const idB = /^id: (\S+)$/m.exec(textB)![1]!;
      tree.set(a, encode(textA.replace(/^id: \S+$/m, `id: ${idB}`)));
      tree.set(b, encode(textB.replace(/^id: \S+$/m, `id: ${idA}`)));
      return `swapped the ids of ${a} and ${b}`;
    },
  },
  {
    name: "replace a reference",
    apply: (tree, random) => {
      const ids = sourceFiles(tree).flatMap((f) => /^id: (\S+)$/m.exec(utf8.decode(tree.get(f)))?.[1] ?? []);
      return editLines(tree, random, (lines) => {
        const at = lines.flatMap((line, i) => (/^\s*(?:- )?(?:person|body|speaker|document|visit|parent|leader|topics?)?:? ?[a-z0-9-]+$/.test(line) && !/^id:/.test(line) ? [i] : []));
        if (at.length === 0 || ids.length === 0) return undefined;
        const i = random.pick(at);
        const id = random.pick([...ids, "no-such-id"]);
        lines[i] = lines[i]!.replace(/[a-z0-9-]+$/, id);
        return `pointed line ${i + 1} at ${id}`;
      });
    },
  },
  {
    name: "insert YAML-significant text",
    apply: (tree, random) => {
      const files = sourceFiles(tree);
      if (files.length === 0) return undefined;
      const file = random.pick(files);
      const text = utf8.decode(tree.get(file));
      const at = random.int(0, text.length);
      const inserted = random.pick(SIGNIFICANT);
      tree.set(file, encode(text.slice(0, at) + inserted + text.slice(at)));
      return `inserted ${JSON.stringify(inserted)} at character ${at} of ${file}`;
    },
  },
  {
    name: "truncate a file",
    apply: (tree, random) => {
      const files = sourceFiles(tree);
      if (files.length === 0) return undefined;
      const file = random.pick(files);
      const bytes = tree.get(file)!;
      const length = random.int(0, Math.max(0, bytes.length - 1));
      tree.set(file, bytes.slice(0, length));
      return `truncated ${file} to ${length} bytes`;
    },
  },
  {
    name: "flip bytes",
    apply: (tree, random) => {
      const files = sourceFiles(tree);
      if (files.length === 0) return undefined;
      const file = random.pick(files);
      const bytes = tree.get(file)!.slice();
      if (bytes.length === 0) return undefined;
      const flips = random.int(1, 3);
      for (let k = 0; k < flips; k++) {
        const at = random.int(0, bytes.length - 1);
        bytes[at] = bytes[at]! ^ random.int(1, 255);
      }
      tree.set(file, bytes);
      return `flipped ${flips} byte(s) of ${file}`;
    },
  },
  {
    name: "re-encode a file",
    apply: (tree, random) => {
      const files = sourceFiles(tree);
      if (files.length === 0) return undefined;
      const file = random.pick(files);
      const text = utf8.decode(tree.get(file));
      const how = random.pick(["crlf", "bom", "utf-16", "nfd", "cr"] as const);
      const bytes =
        how === "crlf" ? encode(text.replace(/\n/g, "\r\n"))
        : how === "bom" ? encode("\ufeff" + text)
        : how === "utf-16" ? new Uint8Array(Buffer.from("\ufeff" + text, "utf16le"))
        : how === "nfd" ? encode(text.normalize("NFD"))
        : encode(text.replace(/\n/g, "\r"));
      tree.set(file, bytes);
      return `re-encoded ${file} as ${how}`;
    },
  },
  {
    name: "delete a file",
    apply: (tree, random) => {
      const files = sourceFiles(tree);
      if (files.length === 0) return undefined;
      const file = random.pick(files);
      tree.delete(file);
      return `deleted ${file}`;
    },
  },
  {
    name: "rename a file",
    apply: (tree, random) => {
      const files = sourceFiles(tree);
      if (files.length === 0) return undefined;
      const file = random.pick(files);
      const name = otherName(file, tree, random);
      const bytes = tree.get(file)!;
      tree.delete(file);
      tree.set(name, bytes);
      return `renamed ${file} to ${name}`;
    },
  },
  {
    name: "copy a file",
    apply: (tree, random) => {
      const files = sourceFiles(tree);
      if (files.length === 0) return undefined;
      const file = random.pick(files);
      const name = otherName(file, tree, random);
      tree.set(name, tree.get(file)!);
      return `copied ${file} to ${name}`;
    },
  },
];

/** The names of every mutation, for reports. */
export const MUTATION_NAMES = MUTATIONS.map((m) => m.name);

/** A copy of a tree with one to three random mutations, and what each did. Pure: the same random gives the same result. */
export function mutateTree(base: Tree, random: Random): { tree: Tree; steps: string[] } {
  const tree: Tree = new Map(base);
  const steps: string[] = [];
  const wanted = random.int(1, 3);
  for (let attempts = 0; steps.length < wanted && attempts < 20; attempts++) {
    const mutation = random.pick(MUTATIONS);
    const did = mutation.apply(tree, random);
    if (did !== undefined) steps.push(`${mutation.name}: ${did}`);
  }
  return { tree, steps };
}
