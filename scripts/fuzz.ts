// `npm run fuzz`: mutate a valid source tree many times and check that validate and build stay
// well-behaved on every mutation (issue #7). Options: --help.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { renderFuzzSummary } from "../src/fuzz/render-fuzz-summary.js";
import { runFuzz } from "../src/fuzz/run-fuzz.js";

const HELP = `Usage: npm run fuzz -- [options]

Mutate a valid source tree (delete, duplicate and retype values, swap ids, truncate files, flip
bytes, insert YAML-significant characters, re-encode, delete, rename and copy files) and check
each mutation: validate answers with exit 0 or 1 and a well-formed report within the time bound
(never 2 or 3, never a throw, never a hang), and build over an existing output writes a complete
package or leaves the output exactly as it was. Mutation i uses seed SEED+i, so a failure
replays alone with --seed SEED+i --count 1.

Options:
  --seed S           the first mutation's seed (default: 1)
  --count N          how many mutations (default: 2000)
  --tree DIR         the valid tree: a folder with sources/ and archive/ (default:
                     tests/fixtures/validate/valid-minimal)
  --timeout MS       time bound of one validate in-process; build gets twice it (default: 5000)
  --process N        also validate N of the mutations with the real executable (default: 10)
  --no-build         validate only
  -h, --help         show this help

Exit codes: 0 no failure, 1 failures (each printed with its seed and mutations), 2 usage error.`;

const REPO = path.resolve(fileURLToPath(new URL("..", import.meta.url)));

const { values: args } = parseArgs({
  options: {
    seed: { type: "string", default: "1" },
    count: { type: "string", default: "2000" },
    tree: { type: "string", default: path.join(REPO, "tests/fixtures/validate/valid-minimal") },
    timeout: { type: "string", default: "5000" },
    process: { type: "string", default: "10" },
    "no-build": { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (args.help) {
  process.stdout.write(HELP + "\n");
  process.exit(0);
}

const summary = await runFuzz({
  seed: integer("--seed", args.seed, 0),
  count: integer("--count", args.count, 1),
  treeDir: path.resolve(args.tree),
  timeoutMs: integer("--timeout", args.timeout, 1),
  build: !args["no-build"],
  viaProcess: integer("--process", args.process, 0),
  bin: path.join(REPO, "bin/parlex.js"),
  onProgress: (done, total) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${done}/${total} mutations`);
  },
});
if (process.stderr.isTTY) process.stderr.write("\n");
process.stdout.write(renderFuzzSummary(summary));
process.exitCode = summary.failures.length ? 1 : 0;

function integer(name: string, text: string, min: number): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min) {
    process.stderr.write(`npm run fuzz: ${name} must be an integer of at least ${min}, not ${JSON.stringify(text)}\n`);
    process.exit(2);
  }
  return n;
}
