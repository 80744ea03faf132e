import { readFileSync } from "node:fs";
import type { CommandIo } from "./command-io.js";
import { environmentErrorOf, RunError } from "../catalogue/run-error.js";
import { SourcesChangedError } from "../model/sources-changed.js";
import { DatasetIdentityError } from "../dataset/identity.js";
import { EXIT, UsageError } from "./usage-error.js";

/** The toolkit's version, from its package.json. */
const VERSION = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

type Loaded = { help: string; run: (argv: string[], io: CommandIo) => Promise<number> };
/**
 * A command: its one-line summary, and its module, imported only when the command runs (each
 * pulls in its own libraries — Arrow, Ajv, tar — and a command should not pay for the others').
 */
type Command = { summary: string; load: () => Promise<Loaded> };

/** Every command of the CLI. */
const COMMANDS: Record<string, Command> = {
  validate: {
    summary: "check the source records and report every problem",
    load: async () => import("./commands/validate.js").then((m) => ({ help: m.VALIDATE_HELP, run: m.runValidate })),
  },
  build: {
    summary: "validate, then write the tables as CSV, JSON, Arrow and Parquet with datapackage.json",
    load: async () => import("./commands/build.js").then((m) => ({ help: m.BUILD_HELP, run: m.runBuild })),
  },
  diff: {
    summary: "show what the sources change against a release: schema, rows, the bump it needs",
    load: async () => import("./commands/diff.js").then((m) => ({ help: m.DIFF_HELP, run: m.runDiff })),
  },
  release: {
    summary: "publish the next version to dist-data/<version>/ (never overwriting one)",
    load: async () => import("./commands/release.js").then((m) => ({ help: m.RELEASE_HELP, run: m.runRelease })),
  },
  site: {
    summary: "build the dataset's static website from dist-data/ (pages, downloads, releases.json)",
    load: async () => import("./commands/site.js").then((m) => ({ help: m.SITE_HELP, run: m.runSite })),
  },
  verify: {
    summary: "check a release folder or archive: checksums, schemas, keys",
    load: async () => import("./commands/verify.js").then((m) => ({ help: m.VERIFY_HELP, run: m.runVerify })),
  },
};

function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const list = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `Usage: parlex <command> [options]

Build the China–Kazakhstan inter-parliamentary exchanges dataset from its YAML sources.

Commands:
${list.join("\n")}

Run \`parlex <command> --help\` for a command's options.
Options: -h, --help  this help;  --version  the toolkit version\n`;
}

/** Run the CLI with arguments and I/O; resolves to the exit code. Never throws. */
export async function runCli(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      const topic = name === "help" ? rest[0] : undefined;
      io.stdout(topic && Object.hasOwn(COMMANDS, topic) ? (await COMMANDS[topic]!.load()).help + "\n" : mainHelp());
      return name === undefined ? EXIT.usage : EXIT.ok;
    }
    if (name === "--version") {
      io.stdout(`parlex ${VERSION}\n`);
      return EXIT.ok;
    }
    if (!Object.hasOwn(COMMANDS, name)) throw new UsageError(`unknown command \`${name}\``);
    return await (await COMMANDS[name]!.load()).run(rest, io);
  } catch (error) {
    if (error instanceof SourcesChangedError) {
      io.stderr(`parlex: ${error.message}.\n`);
      return EXIT.invalid;
    }
    if (error instanceof DatasetIdentityError) {
      io.stderr(`parlex: ${error.message}\n`);
      return EXIT.invalid;
    }
    if (error instanceof UsageError) {
      io.stderr(`parlex${error.command ? " " + error.command : ""}: ${error.message}\n`);
      io.stderr(`Run \`parlex ${error.command ?? ""}${error.command ? " " : ""}--help\` for usage.\n`);
      return EXIT.usage;
    }
    // A folder a command must not write, another run's lock, a read-only or full disk: one line,
    // with its code and fix, never "internal error".
    const stopped = error instanceof RunError ? error : environmentErrorOf(error);
    if (stopped) {
      io.stderr(`parlex${name ? " " + name : ""}: ${stopped.message} ${stopped.hint} [${stopped.code}]\n`);
      return stopped.exit;
    }
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`parlex: internal error, please report it with the command you ran and this output:\n${stack}\n`);
    return EXIT.internal;
  }
}

/** The process edge: real stdout/stderr and exit code. */
export async function main(): Promise<void> {
  const io: CommandIo = {
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    interactive: Boolean(process.stderr.isTTY),
  };
  process.exitCode = await runCli(process.argv.slice(2), io);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) await main();
