import { readFileSync } from "node:fs";
import { BUILD_HELP, runBuild } from "./commands/build.js";
import { DIFF_HELP, runDiff } from "./commands/diff.js";
import { RELEASE_HELP, runRelease } from "./commands/release.js";
import { runVerify, VERIFY_HELP } from "./commands/verify.js";
import { runValidate, VALIDATE_HELP } from "./commands/validate.js";
import type { CommandIo } from "./command-io.js";
import { EXIT, UsageError } from "./usage-error.js";

/** The toolkit's version, from its package.json. */
const VERSION = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

type Command = { summary: string; help: string; run: (argv: string[], io: CommandIo) => Promise<number> };

/** Every command of the CLI. */
const COMMANDS: Record<string, Command> = {
  validate: { summary: "check the source records and report every problem", help: VALIDATE_HELP, run: runValidate },
  build: { summary: "validate, then write the tables as CSV, JSON and Arrow with datapackage.json", help: BUILD_HELP, run: runBuild },
  diff: { summary: "show what the sources change against a release: schema, rows, the bump it needs", help: DIFF_HELP, run: runDiff },
  release: { summary: "publish the next version to dist-data/<version>/ (never overwriting one)", help: RELEASE_HELP, run: runRelease },
  verify: { summary: "check a release folder or archive: checksums, schemas, keys", help: VERIFY_HELP, run: runVerify },
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
      io.stdout(topic && COMMANDS[topic] ? COMMANDS[topic].help + "\n" : mainHelp());
      return name === undefined ? EXIT.usage : EXIT.ok;
    }
    if (name === "--version") {
      io.stdout(`parlex ${VERSION}\n`);
      return EXIT.ok;
    }
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`unknown command \`${name}\``);
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`parlex${error.command ? " " + error.command : ""}: ${error.message}\n`);
      io.stderr(`Run \`parlex ${error.command ?? ""}${error.command ? " " : ""}--help\` for usage.\n`);
      return EXIT.usage;
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
