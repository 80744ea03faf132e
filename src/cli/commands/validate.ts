import { z } from "zod";
import { checkSourceTree } from "../../validate/check-source-tree.js";
import { renderGithub } from "../../render/render-github.js";
import { renderHuman } from "../../render/render-human.js";
import { renderJson } from "../../render/render-json.js";
import { parseOptions } from "../parse-options.js";
import { requireFolder, resolveSourcesRoot } from "../resolve-sources-root.js";
import { EXIT } from "../usage-error.js";
import type { CommandIo } from "../command-io.js";
import { createProgress } from "../progress.js";
import { runOptions } from "../run-options.js";
import { speedFileChecks } from "../../speed/file-checks.js";

export const VALIDATE_HELP = `Usage: parlex validate [PATH...] [options]

Check source records in three layers — shape (JSON Schema), references (every id exists,
ids unique, file name = id) and meaning (real dates, quotes by participants, likely
duplicates, …) — and report every finding with file, line and column.

PATH is a sources folder or files and folders inside one (default: sources). The whole
tree is always checked, so references resolve; findings are shown for PATHs only.

Options:
  --format human|json|github  how to print findings (default: human)
                              json: the report as data; github: workflow annotations
  --archive DIR               folder of archived document texts: check each copy's sha256
                              and that every direct quote appears in it verbatim
  --max-errors N              list at most N findings (counts stay complete)
  --no-cache                  check every file afresh (default: reuse checks of unchanged
                              files from .parlex-cache/)
  --threads N                 worker threads for parsing (default: one per core on large trees)
  --quiet                     no progress bar
  -h, --help                  show this help

Exit codes: 0 valid (warnings allowed), 1 invalid, 2 usage error, 3 internal error.
Codes and fixes: docs/errors.md`;

const Options = z.object({
  paths: z.array(z.string()),
  format: z.enum(["human", "json", "github"]).default("human"),
  archive: z.string().min(1).optional(),
  "max-errors": z.coerce.number().int().positive().optional(),
  "no-cache": z.boolean().default(false),
  threads: z.coerce.number().int().min(0).max(64).optional(),
  quiet: z.boolean().default(false),
});

/** `parlex validate`: print the report, exit 0 when valid and 1 when not. */
export async function runValidate(argv: string[], io: CommandIo): Promise<number> {
  const options = parseOptions(
    "validate",
    argv,
    { format: { type: "string" }, archive: { type: "string" }, "max-errors": { type: "string" }, "no-cache": { type: "boolean" }, threads: { type: "string" }, quiet: { type: "boolean" } },
    Options,
  );
  if (options.help) {
    io.stdout(VALIDATE_HELP + "\n");
    return EXIT.ok;
  }
  const { root, only } = resolveSourcesRoot("validate", options.paths, io.cwd);
  if (options.archive !== undefined) requireFolder("validate", "--archive", options.archive, io.cwd);
  const progress = createProgress(io, "files checked", options.quiet);
  const { report } = await checkSourceTree(root, {
    cwd: io.cwd,
    onProgress: progress.update,
    checks: speedFileChecks({ cwd: io.cwd, ...runOptions(options) }),
    ...(options.archive !== undefined ? { archiveDir: options.archive } : {}),
    ...(only ? { only } : {}),
    ...(options["max-errors"] !== undefined ? { maxDiagnostics: options["max-errors"] } : {}),
  });
  progress.finish();
  const render = { human: (r: typeof report) => renderHuman(r, io.color), json: renderJson, github: renderGithub }[options.format];
  io.stdout(render(report));
  return report.valid ? EXIT.ok : EXIT.invalid;
}
