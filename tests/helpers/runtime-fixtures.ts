import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { MAX_FILE_BYTES } from "../../src/load/parse-source-bytes.js";
import { linkTreeFile, writeTreeFile } from "./temp-tree.js";
import type { Tuple } from "./fixtures.js";

/**
 * Fixtures built at run time on a copy of valid-minimal, because git does not keep them well:
 * bytes that are not UTF-8, a NUL, symbolic links, a file over 1 MiB. Each adds one mistake, like the folders in
 * tests/fixtures/validate/, and lists the findings expected from it.
 */
export interface RuntimeFixture {
  name: string;
  /** Add the mistake to a copy of valid-minimal at `dir`. */
  create: (dir: string) => Promise<void>;
  expected: Tuple[];
}

const SKIPPED: Tuple = ["archive/skipped", "", 0, 0];
const SPORTS = "sources/topics/sports.yaml";
const ascii = (text: string) => new TextEncoder().encode(text);

export const RUNTIME_FIXTURES: RuntimeFixture[] = [
  {
    // "Sports" saved as Latin-1 with an é: 0xE9 starts a three-byte character that never comes.
    name: "file--encoding",
    create: (dir) =>
      writeTreeFile(dir, SPORTS, Buffer.concat([ascii("id: sports\nlabel: Sp"), Buffer.from([0xe9]), ascii("orts\ndescription: Sport.\n")])),
    expected: [SKIPPED, ["file/encoding", SPORTS, 2, 10]],
  },
  {
    name: "file--encoding-after-multibyte",
    // Columns count characters, not bytes: `Ü` (two bytes) is one column.
    create: (dir) =>
      writeTreeFile(dir, SPORTS, Buffer.concat([ascii("id: sports\nlabel: \u00dcbung "), Buffer.from([0xff]), ascii("\ndescription: Sport.\n")])),
    expected: [SKIPPED, ["file/encoding", SPORTS, 2, 14]],
  },
  {
    name: "file--control-character",
    create: (dir) => writeTreeFile(dir, SPORTS, "id: sports\nlabel: Sports\u0000\ndescription: Sport.\n"),
    expected: [SKIPPED, ["file/control-character", SPORTS, 2, 14]],
  },
  {
    name: "file--link-outside",
    create: async (dir) => {
      await writeTreeFile(dir, "elsewhere/sports.yaml", "id: sports\nlabel: Sports\ndescription: Sport.\n");
      await linkTreeFile(dir, SPORTS, "../../elsewhere/sports.yaml");
    },
    expected: [SKIPPED, ["file/link-outside", SPORTS, 0, 0]],
  },
  {
    name: "file--link-inside",
    // A link to a file of the same tree is read like any file; only the target's own name (.txt) is reported.
    create: async (dir) => {
      await writeTreeFile(dir, "sources/topics/sports.txt", "id: sports\nlabel: Sports\ndescription: Sport.\n");
      await linkTreeFile(dir, SPORTS, "sports.txt");
    },
    expected: [SKIPPED, ["file/ignored-extension", "sources/topics/sports.txt", 0, 0]],
  },
  {
    name: "file--too-large",
    // One byte over the limit: refused before it is parsed.
    create: (dir) => {
      const head = "id: sports\nlabel: Sports\ndescription: ";
      return writeTreeFile(dir, SPORTS, head + "x".repeat(MAX_FILE_BYTES + 1 - head.length - 1) + "\n");
    },
    expected: [SKIPPED, ["file/too-large", SPORTS, 0, 0]],
  },
  {
    name: "file--unreadable",
    // A link to nothing: listed like a file, but reading it fails.
    create: (dir) => linkTreeFile(dir, SPORTS, "no-such-file.yaml"),
    expected: [SKIPPED, ["file/unreadable", SPORTS, 0, 0]],
  },
  {
    name: "file--no-records",
    // An empty sources/ folder (git keeps no empty folder): valid before, and releasable.
    create: async (dir) => {
      await rm(path.join(dir, "sources"), { recursive: true });
      await mkdir(path.join(dir, "sources"));
    },
    expected: [["file/no-records", "sources", 0, 0]],
  },
];
