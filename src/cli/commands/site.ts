import path from "node:path";
import { z } from "zod";
import { datasetIdentity } from "../../dataset/identity.js";
import { buildSite, siteReleases } from "../../site/build-site.js";
import { SiteInputError } from "../../site/read-releases.js";
import { writeSite } from "../../site/write-site.js";
import type { CommandIo } from "../command-io.js";
import { parseOptions } from "../parse-options.js";
import { lockFolder } from "../../write/folder-lock.js";
import { checkOutputFolder } from "../../write/output-folder.js";
import { EXIT } from "../usage-error.js";

export const SITE_HELP = `Usage: parlex site [options]

Build the dataset's static website from the published releases in dist-data/: a landing page
(what the dataset is, its coverage, the latest release, how to cite, every download with its size
and sha256, snippets for pandas, R, DuckDB and frictionless), every release's files served
unchanged under <version>/ and latest/, releases.json, a page per release with its changelog, and
pages to browse: meetings (a timeline, search and filters), one page per meeting, person, body
and topic, by ID. The pages show the latest release. No server is needed: open index.html.

The output folder must not exist, be empty, or be a site parlex wrote (it holds .parlex-site
and nothing a site does not); never the current folder or one above it, the sources, a
repository, the releases or a folder in one. The site is written beside it and swapped in whole,
one run at a time.

Options:
  --out DIR        where to write the site (default: site)
  --releases DIR   the published releases (default: dist-data)
  --quiet          print nothing but errors
  -h, --help       show this help

Exit codes: 0 written, 1 no release to show, or another run kept the folder locked (nothing
written), 2 usage error or an output folder parlex must not replace (nothing touched),
3 internal error.`;

const Options = z.object({
  paths: z.array(z.string()).max(0, "takes no PATH; use --releases DIR and --out DIR"),
  out: z.string().min(1).default("site"),
  releases: z.string().min(1).default("dist-data"),
  quiet: z.boolean().default(false),
});

/** `parlex site`: write the site of dist-data/'s releases. */
export async function runSite(argv: string[], io: CommandIo): Promise<number> {
  const options = parseOptions("site", argv, { out: { type: "string" }, releases: { type: "string" }, quiet: { type: "boolean" } }, Options);
  if (options.help) {
    io.stdout(SITE_HELP + "\n");
    return EXIT.ok;
  }
  const started = performance.now();
  const out = path.resolve(io.cwd, options.out);
  const around = { cwd: io.cwd, sources: path.resolve(io.cwd, "sources"), releases: path.resolve(io.cwd, options.releases) };
  checkOutputFolder(out, options.out, around, "site");
  const lock = await lockFolder(out, options.out, (message) => io.stderr(`parlex site: ${message}.\n`));
  try {
    // Under the lock, the folder may have changed since it was looked at.
    checkOutputFolder(out, options.out, around, "site");
    const identity = datasetIdentity();
    const { releases, latest } = await siteReleases(path.resolve(io.cwd, options.releases));
    const site = await writeSite(out, (emit) => buildSite(releases, latest, identity, emit));
    if (!options.quiet) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      io.stdout(`site of release ${site.latest.version} (${site.releases.length} release${site.releases.length === 1 ? "" : "s"}, ${site.pages} pages) written to ${options.out} in ${seconds} s; open ${path.join(options.out, "index.html")}\n`);
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof SiteInputError) {
      io.stderr(`parlex site: ${error.message}\n`);
      return EXIT.invalid;
    }
    throw error;
  } finally {
    await lock.release();
  }
}
