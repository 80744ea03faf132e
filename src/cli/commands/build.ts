import path from "node:path";
import { z } from "zod";
import { isRealDate } from "../../model/dates.js";
import { buildToFolder } from "../../pipeline/build-to-folder.js";
import { renderHuman } from "../../render/render-human.js";
import { TABLES } from "../../tables/table-definitions.js";
import { lockFolder } from "../../write/folder-lock.js";
import { checkOutputFolder } from "../../write/output-folder.js";
import { recoverInterrupted } from "../../write/write-folder-atomically.js";
import type { CommandIo } from "../command-io.js";
import { parseOptions } from "../parse-options.js";
import { requireFolder, resolveSourcesRoot } from "../resolve-sources-root.js";
import { EXIT } from "../usage-error.js";
import { createProgress } from "../progress.js";
import { runOptions } from "../run-options.js";

export const BUILD_HELP = `Usage: parlex build [SOURCES] [options]

Validate the sources, normalize them into the published tables and write the data package:
every table as CSV, JSON, Arrow and Parquet, datapackage.json (Data Package v2), the load.py /
load.R / load.sql helpers and DATA-DICTIONARY.md. Nothing is written when validation fails. The output folder is replaced atomically:
a failed or interrupted build leaves the previous output as it was.

The output folder must not exist, be empty, or hold an earlier build (parlex marks its output
with a .parlex-output file); anything else (the sources, the current folder or one above it, a
repository, dist-data/ or a release, a file) is refused before anything is touched. One build
at a time writes a folder: another waits for it (PARLEX_LOCK_WAIT seconds, default 120).

With the cache, a build after edits of meetings' free text only (title, summary, note, format)
patches those rows into the last build's files instead of writing every table again, when the
output folder is as that build left it. The bytes are the same either way.

SOURCES is the sources folder (default: sources).

Options:
  --out DIR              where to write the package (default: dist-data/next)
  --archive DIR          verify quotes against archived documents, as validate does
  --dataset-version V    the version written into datapackage.json (default: 0.0.0-dev)
  --date YYYY-MM-DD      the day the package is made, written into datapackage.json as
                         \`created\` (default: none is written, so a build is reproducible)
  --no-cache             check every file afresh and write every table (default: reuse
                         .parlex-cache/)
  --threads N            worker threads for parsing (default: one per core on large trees);
                         0 does everything in this thread, writing the tables too
  --quiet                print nothing but errors (no progress bar, no summary)
  -h, --help             show this help

Exit codes: 0 built, 1 sources invalid or changed while being read (nothing written), another
run writing the folder, or an error of the system (permission, disk full); 2 usage error (an
output folder parlex must not replace), 3 internal error.`;

const Options = z.object({
  paths: z.array(z.string()).max(1, "give at most one SOURCES folder"),
  out: z.string().min(1).default("dist-data/next"),
  archive: z.string().min(1).optional(),
  "dataset-version": z
    .string()
    .regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, "must be a semantic version such as 1.2.0")
    .default("0.0.0-dev"),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD").refine(isRealDate, "must be a real calendar day").optional(),
  quiet: z.boolean().default(false),
  "no-cache": z.boolean().default(false),
  threads: z.coerce.number().int().min(0).max(64).optional(),
});

/** `parlex build`: validate, normalize, write; report rows, bytes, folder and time. */
export async function runBuild(argv: string[], io: CommandIo): Promise<number> {
  const options = parseOptions(
    "build",
    argv,
    { out: { type: "string" }, archive: { type: "string" }, "dataset-version": { type: "string" }, date: { type: "string" }, quiet: { type: "boolean" }, "no-cache": { type: "boolean" }, threads: { type: "string" } },
    Options,
  );
  if (options.help) {
    io.stdout(BUILD_HELP + "\n");
    return EXIT.ok;
  }
  const started = performance.now();
  const { root } = resolveSourcesRoot("build", options.paths, io.cwd);
  if (options.archive !== undefined) requireFolder("build", "--archive", options.archive, io.cwd);
  const archive = options.archive !== undefined ? { archiveDir: options.archive } : {};
  const out = path.resolve(io.cwd, options.out);
  const run = runOptions(options);
  // Before anything is touched: the output folder must be one a build may replace whole.
  checkOutputFolder(out, options.out, { cwd: io.cwd, sources: root, ...(run.cacheDir !== undefined ? { cacheDir: path.resolve(io.cwd, run.cacheDir) } : {}) });
  const lock = await lockFolder(out, options.out, (message) => io.stderr(`parlex build: ${message}.\n`));
  let result;
  try {
    // Under the lock, the folder may have changed since it was looked at.
    checkOutputFolder(out, options.out, { cwd: io.cwd, sources: root });
    // A build killed between retiring the old output and renaming the new one in left the old output
    // aside: put it back first, so that even a build that fails validation leaves it in place.
    await recoverInterrupted(out);
    const progress = createProgress(io, "files checked", options.quiet);
    result = await buildToFolder(root, out, { cwd: io.cwd, version: options["dataset-version"], ...(options.date !== undefined ? { date: options.date } : {}), onProgress: progress.update, ...run, ...archive });
    progress.finish();
  } finally {
    await lock.release();
  }
  if (!result.ok) {
    io.stderr(renderHuman(result.report, io.color));
    io.stderr(`parlex build: the sources are invalid, so nothing was written to ${options.out}.\n`);
    return EXIT.invalid;
  }
  if (!options.quiet) io.stdout(renderSummary(options.out, result.rows, result.sizes, result.patched ? result.patchedMeetings : undefined, performance.now() - started));
  return EXIT.ok;
}

/** The summary of a build; `patched`: how many edited meetings were patched into the last build's files, if that was how. */
function renderSummary(out: string, rows: Record<string, number>, sizes: Map<string, number>, patched: number | undefined, ms: number): string {
  const width = Math.max(...TABLES.map((t) => t.name.length));
  const lines = ["table".padEnd(width) + "    rows     csv bytes    json bytes   arrow bytes"];
  for (const table of TABLES) {
    const size = (f: string) => String(sizes.get(`${f}/${table.name}.${f}`) ?? 0).padStart(12);
    lines.push(`${table.name.padEnd(width)} ${String(rows[table.name] ?? 0).padStart(7)}  ${size("csv")}  ${size("json")}  ${size("arrow")}`);
  }
  const total = [...sizes.values()].reduce((sum, b) => sum + b, 0);
  const how =
    patched === undefined ? "" : patched === 0 ? " (no meeting changed since the last build: its files kept)" : ` (the last build's files, ${patched} edited meeting${patched === 1 ? "" : "s"} patched in)`;
  lines.push(`Wrote ${sizes.size} files (${total} bytes) to ${out}${how} in ${(ms / 1000).toFixed(2)} s.`);
  return lines.join("\n") + "\n";
}
