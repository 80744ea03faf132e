import { stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { renderHuman } from "../../render/render-human.js";
import { requiredBump } from "../../release/bump.js";
import { diffPackages } from "../../release/diff-packages.js";
import { listReleases } from "../../release/list-releases.js";
import { missingRelease } from "../../release/recover-release.js";
import { loadComparison } from "../../release/load-comparison.js";
import { renderDiffHuman, renderDiffJson, renderDiffMarkdown } from "../../release/render-diff.js";
import { bumpVersion, isReleaseVersion } from "../../release/semver.js";
import type { CommandIo } from "../command-io.js";
import { parseOptions } from "../parse-options.js";
import { resolveSourcesRoot } from "../resolve-sources-root.js";
import { EXIT, UsageError } from "../usage-error.js";

export const DIFF_HELP = `Usage: parlex diff [SOURCES] [options]

Compare the package the current sources build with a release. Schema-level: tables and fields
added, removed or retyped, constraints tightened or loosened, keys changed. Record-level: rows
added and removed by primary key, and rows changed field by field with the value before and
after. Ends with the semantic version bump the changes require.

SOURCES is the sources folder (default: sources). Paths are relative to the current folder,
and releases are looked up in its dist-data/.

Options:
  --against VERSION|DIR          the release to compare with: a version in dist-data/, or a package
                                 folder (default: the latest release in dist-data/)
  --format human|markdown|json   how to print the diff (default: human); markdown is a pull
                                 request summary, json the diff as data
  --archive DIR                  verify quotes against archived documents, as validate does
  -h, --help                     show this help

Exit codes: 0 compared (whether or not anything changed), 1 sources invalid or the release
unreadable, 2 usage error, 3 internal error.`;

const Options = z.object({
  paths: z.array(z.string()).max(1, "give at most one SOURCES folder"),
  against: z.string().min(1).optional(),
  format: z.enum(["human", "markdown", "json"]).default("human"),
  archive: z.string().min(1).optional(),
});

/** `parlex diff`: print the difference between the sources' build and a release. */
export async function runDiff(argv: string[], io: CommandIo): Promise<number> {
  const options = parseOptions("diff", argv, { against: { type: "string" }, format: { type: "string" }, archive: { type: "string" } }, Options);
  if (options.help) {
    io.stdout(DIFF_HELP + "\n");
    return EXIT.ok;
  }
  const { root } = resolveSourcesRoot("diff", options.paths, io.cwd);
  const against = await resolveAgainst(io.cwd, options.against);
  if (options.against === undefined) {
    // The release the root descriptor describes is gone: say what this diff is against instead.
    const missing = await missingRelease(path.join(io.cwd, "datapackage.json"), against ? path.basename(against.dir) : undefined);
    if (missing !== undefined) io.stderr(`parlex diff: datapackage.json describes release ${missing}, but dist-data/${missing}/ is not there; comparing with ${against?.label ?? "no release"} (\`parlex release\` refuses until it is restored).\n`);
  }
  const comparison = await loadComparison({ root, cwd: io.cwd, against, ...(options.archive !== undefined ? { archiveDir: options.archive } : {}) });
  if (!comparison.ok) {
    if (comparison.reason === "sources-invalid") io.stderr(renderHuman(comparison.report, io.color) + "parlex diff: the sources are invalid, so there is nothing to compare.\n");
    else io.stderr(comparison.problems.map((p) => `${comparison.label}/${p}\n`).join("") + `parlex diff: ${comparison.label} is not a readable package.\n`);
    return EXIT.invalid;
  }
  const diff = diffPackages(comparison.before, comparison.after);
  const bump = requiredBump(diff);
  const next = !diff.before ? "1.0.0" : bump.level && isReleaseVersion(diff.before) ? bumpVersion(diff.before, bump.level) : null;
  const view = { diff, bump, next };
  io.stdout({ human: renderDiffHuman, markdown: renderDiffMarkdown, json: renderDiffJson }[options.format](view));
  return EXIT.ok;
}

/** The package folder to compare with: `--against` as a version in dist-data/ or a folder, else the latest release. */
async function resolveAgainst(cwd: string, against: string | undefined): Promise<{ dir: string; label: string } | null> {
  const dist = path.join(cwd, "dist-data");
  if (against === undefined) {
    const latest = (await listReleases(dist)).at(-1);
    return latest ? { dir: path.join(dist, latest), label: `dist-data/${latest}` } : null;
  }
  const candidates = isReleaseVersion(against) ? [{ dir: path.join(dist, against), label: `dist-data/${against}` }] : [];
  candidates.push({ dir: path.resolve(cwd, against), label: against });
  for (const c of candidates) {
    if (await stat(c.dir).then((s) => s.isDirectory(), () => false)) return c;
  }
  const releases = await listReleases(dist);
  throw new UsageError(`--against ${against}: no such release or folder (releases: ${releases.length ? releases.join(", ") : "none"})`, "diff");
}
