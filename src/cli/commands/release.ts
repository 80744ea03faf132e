import { statSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { isRealDate } from "../../model/dates.js";
import { CODES } from "../../catalogue/codes.js";
import { fillTemplate } from "../../catalogue/make-diagnostic.js";
import { renderHuman } from "../../render/render-human.js";
import { METADATA_LIMIT, readRegularTextOrNull, sourceFromFolder } from "../../verify/file-source.js";
import { verifyPackage } from "../../verify/verify-package.js";
import { CHANGELOG_FILE, MANIFEST_FILE } from "../../verify/package-files.js";
import { diffPackages } from "../../release/diff-packages.js";
import { listReleases } from "../../release/list-releases.js";
import { loadComparison } from "../../release/load-comparison.js";
import { digestSources, parseManifest } from "../../verify/manifest.js";
import { planRelease, type ReleasePlan } from "../../release/plan-release.js";
import { renderChangelogEntry } from "../../release/render-changelog.js";
import { readSourceFiles, readToolkitVersion } from "../../release/read-source-files.js";
import { missingRelease, recoverInterruptedRelease, repointRootDescriptor } from "../../release/recover-release.js";
import { ReleaseExistsError, writeRelease } from "../../release/write-release.js";
import type { CommandIo } from "../command-io.js";
import { parseOptions } from "../parse-options.js";
import { CACHE_DIR, runOptions } from "../run-options.js";
import { resolveSourcesRoot } from "../resolve-sources-root.js";
import { EXIT } from "../usage-error.js";
import { RunError } from "../../catalogue/run-error.js";
import { lockFolder } from "../../write/folder-lock.js";

export const RELEASE_HELP = `Usage: parlex release [SOURCES] [options]

Build the sources, compare them with the latest release in dist-data/, and publish the next
version as dist-data/<version>/: the data in every format, datapackage.json, a data card
(README.md), CHANGELOG.md, CITATION.cff, SHA256SUMS, manifest.json and one .tar.gz archive.
The root datapackage.json then describes that release. The first release is 1.0.0.

The version follows semantic versioning for data: major when a table, field or ID is removed
or renamed, a type changes, or a constraint tightens or changes without being shown to loosen;
minor when rows, tables or fields are added, a constraint loosens or categories are reordered;
patch when values or descriptive metadata are corrected.
A published release is never overwritten or modified. What an interrupted release left behind
(a staging folder, a root datapackage.json not yet pointing at the latest release) is repaired
at the start of the next one.

SOURCES is the sources folder (default: sources), relative to the current folder.

Options:
  --bump auto|major|minor|patch   the bump (default: auto, the smallest the changes require);
                                  a bump smaller than the changes require is refused
  --date YYYY-MM-DD               the release date (default: today, UTC); not later than
                                  today, nor earlier than the previous release's
  --dry-run                       show the version, the changelog entry and the files; publish nothing
  --archive DIR                   verify quotes against archived documents, as validate does
  --no-cache                      check every source file afresh and build every file (default:
                                  when .parlex-cache/ exists, reuse it, and the files of the last
                                  \`parlex build\` when it was made from these same sources and
                                  stands untouched; a release makes no cache of its own)
  -h, --help                      show this help

One release at a time: a second waits for the first to finish (PARLEX_LOCK_WAIT seconds,
default 120), then works from what it published.

Exit codes: 0 released (or dry run), 1 refused (nothing changed, bump too small, version
already published, the latest release does not verify, --date out of order), sources invalid,
another release still running, or an error of the system (permission, disk full); 2 usage
error, 3 internal error.`;

const Options = z.object({
  paths: z.array(z.string()).max(1, "give at most one SOURCES folder"),
  bump: z.enum(["auto", "major", "minor", "patch"]).default("auto"),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
    .refine(isRealDate, "must be a real calendar day")
    .default(() => new Date().toISOString().slice(0, 10)),
  "dry-run": z.boolean().default(false),
  archive: z.string().min(1).optional(),
  "no-cache": z.boolean().default(false),
});

/** `parlex release`: diff → bump → plan, then write the release folder (unless --dry-run). */
export async function runRelease(argv: string[], io: CommandIo): Promise<number> {
  const options = parseOptions("release", argv, { bump: { type: "string" }, date: { type: "string" }, "dry-run": { type: "boolean" }, archive: { type: "string" }, "no-cache": { type: "boolean" } }, Options);
  if (options.help) {
    io.stdout(RELEASE_HELP + "\n");
    return EXIT.ok;
  }
  const { root } = resolveSourcesRoot("release", options.paths, io.cwd);
  const dist = path.join(io.cwd, "dist-data");
  if (options["dry-run"]) return await releaseLocked(options, root, dist, io);
  if (statOrUndefined(dist) && !statOrUndefined(dist)!.isDirectory()) throw new RunError("output/is-file", { folder: "dist-data" }, 2);
  // One release at a time: the lock covers dist-data/ and the root datapackage.json, from reading
  // the latest release to pointing the root at the new one.
  const lock = await lockFolder(dist, "dist-data", (message) => io.stderr(`parlex release: ${message}.\n`));
  try {
    return await releaseLocked(options, root, dist, io);
  } finally {
    await lock.release();
  }
}

/** The release itself, with dist-data/ locked (unless a dry run, which writes nothing). */
async function releaseLocked(options: z.infer<typeof Options>, root: string, dist: string, io: CommandIo): Promise<number> {
  const published = await listReleases(dist);
  const latest = published.at(-1);
  const rootFile = path.join(io.cwd, "datapackage.json");
  const missing = await missingRelease(rootFile, latest);
  if (missing !== undefined) {
    const message = fillTemplate(CODES["release/missing-release"].message, { version: missing });
    io.stderr(`parlex release: ${message}; nothing was released. ${fillTemplate(CODES["release/missing-release"].hint, { version: missing })}\n`);
    return EXIT.invalid;
  }
  if (!options["dry-run"]) {
    for (const note of await recoverInterruptedRelease(dist, rootFile, latest)) io.stderr(`parlex release: ${note}.\n`);
  }
  const against = latest ? { dir: path.join(dist, latest), label: `dist-data/${latest}` } : null;
  // The latest release is verified while the sources are built: a changelog and a version drawn
  // from a damaged release would be false.
  const [comparison, previous] = await Promise.all([
    loadComparison({ root, cwd: io.cwd, against, date: options.date, ...(options.archive !== undefined ? { archiveDir: options.archive } : {}), ...runOptions({ "no-cache": options["no-cache"] || !statOrUndefined(path.join(io.cwd, CACHE_DIR))?.isDirectory() }) }),
    against ? verifyPackage(sourceFromFolder(against.label, against.dir), { fromArchive: false }) : null,
  ]);
  if (previous && !previous.ok) {
    const shown = previous.problems.slice(0, 10).map((p) => `${against!.label}/${p.file}${p.row !== undefined ? `:${p.row}` : ""}  ${p.code}  ${p.message}\n`);
    const more = previous.problems.length > 10 ? `… and ${previous.problems.length - 10} more\n` : "";
    const message = fillTemplate(CODES["release/previous-unverified"].message, { label: against!.label, problems: previous.problems.length });
    io.stderr(shown.join("") + more + `parlex release: ${message}; nothing was released (run \`parlex verify ${against!.label}\`).\n`);
    return EXIT.invalid;
  }
  if (!options["dry-run"] && comparison.ok) {
    // Only now that the latest release verified: a refused release changes nothing.
    for (const note of await repointRootDescriptor(dist, rootFile, latest)) io.stderr(`parlex release: ${note}.\n`);
  }
  if (!comparison.ok) {
    if (comparison.reason === "sources-invalid") io.stderr(renderHuman(comparison.report, io.color) + "parlex release: the sources are invalid, so nothing was released.\n");
    else io.stderr(comparison.problems.map((p) => `${comparison.label}/${p}\n`).join("") + `parlex release: the latest release, ${comparison.label}, is not readable; run \`parlex verify ${comparison.label}\`.\n`);
    return EXIT.invalid;
  }
  const changelog = latest ? await readRegularTextOrNull(path.join(dist, latest, CHANGELOG_FILE), METADATA_LIMIT) : null;
  const manifest = latest ? parseManifest(((await readRegularTextOrNull(path.join(dist, latest, MANIFEST_FILE), METADATA_LIMIT)) ?? "")) : null;
  const diff = diffPackages(comparison.before, comparison.after);
  const result = planRelease({
    diff,
    previous: latest ? { version: latest, changelog, released: manifest?.ok ? manifest.manifest.released : null } : null,
    published,
    requested: options.bump,
    date: options.date,
    today: new Date().toISOString().slice(0, 10),
    build: comparison.build,
    snapshot: comparison.after,
    sources: digestSources(await readSourceFiles(root)),
    toolkit: await readToolkitVersion(),
  });
  if (!result.ok) {
    io.stderr(`parlex release: ${result.refusal.message}.\n`);
    return EXIT.invalid;
  }
  const plan = result.plan;
  if (options["dry-run"]) {
    const entry = renderChangelogEntry({ version: plan.version, date: plan.date, previous: latest ?? null, level: plan.level, because: plan.because, diff, snapshot: comparison.after });
    io.stdout(renderDryRun(plan) + "\nThe changelog entry:\n\n" + entry);
    return EXIT.ok;
  }
  try {
    await writeRelease(dist, plan, comparison.after.descriptor.name, rootFile);
  } catch (error) {
    if (!(error instanceof ReleaseExistsError)) throw error;
    io.stderr(`parlex release: ${error.message}.\n`);
    return EXIT.invalid;
  }
  const from = comparison.reused === null ? "" : `The data files are those of the last build, ${path.relative(io.cwd, comparison.reused) || "."}/, made from these same sources.\n`;
  io.stdout(`${summary(plan)}\n${from}Wrote dist-data/${plan.version}/ (${plan.files.size + 1} files, archive ${plan.archive}); datapackage.json now describes ${plan.version}.\n`);
  return EXIT.ok;
}

function summary(plan: ReleasePlan): string {
  const why = plan.level === null ? "the first release" : `a ${plan.level} release${plan.because && plan.because.level === plan.level ? `, required by this change: ${plan.because.summary}` : ""}`;
  return `Released ${plan.version}, dated ${plan.date} — ${why}${why.endsWith(".") ? "" : "."}`;
}

function renderDryRun(plan: ReleasePlan): string {
  const width = Math.max(...[...plan.files.keys()].map((f) => f.length));
  const lines = [`Would release ${plan.version}, dated ${plan.date} — ${plan.level === null ? "the first release" : `a ${plan.level} release`}. Nothing was written (--dry-run).`, "", `dist-data/${plan.version}/`];
  for (const [file, bytes] of plan.files) lines.push(`  ${file.padEnd(width)}  ${String(bytes.length).padStart(8)} bytes`);
  lines.push(`  ${plan.archive}  (written with the release)`);
  return lines.join("\n") + "\n";
}

function statOrUndefined(p: string) {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}
