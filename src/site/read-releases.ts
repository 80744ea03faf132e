import { readdir } from "node:fs/promises";
import { METADATA_LIMIT, READ_LIMIT, readRegularFile, readRegularTextOrNull, sourceFromFolder } from "../verify/file-source.js";
import { checkArchives, compareArchives } from "../verify/check-archives.js";
import { checkChecksums, factsOfFiles } from "../verify/check-files.js";
import { ProblemSink } from "../verify/verify-problem.js";
import path from "node:path";
import { parseDescriptor, tableOfResource, type Descriptor } from "../verify/descriptor-schema.js";
import { decode, parseJsonRows, type JsonRow } from "../verify/json-rows.js";
import { archiveFileName, CHANGELOG_FILE, CHECKSUMS_FILE, CITATION_FILE, DESCRIPTOR_FILE } from "../verify/package-files.js";

/** A published release folder, as the site shows and serves it. */
export interface SiteRelease {
  version: string;
  folder: string;
  descriptor: Descriptor;
  /** CITATION.cff's date-released, or "" when it gives none. */
  date: string;
  changelog: string;
  citation: string;
  /** Every file of the folder, relative, with its size and sha256 (taken here, and equal to SHA256SUMS's). */
  files: { path: string; bytes: number; sha256: string }[];
  archive: { path: string; bytes: number; sha256: string } | null;
}

/** The site's input was not as a release folder is: one plain line, exit 1. */
export class SiteInputError extends Error {}

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$/;

/** Order of two semantic versions (pre-releases before their release). */
export function compareVersions(a: string, b: string): number {
  const pa = SEMVER.exec(a)!;
  const pb = SEMVER.exec(b)!;
  for (let i = 1; i <= 3; i++) if (Number(pa[i]) !== Number(pb[i])) return Number(pa[i]) - Number(pb[i]);
  if (pa[4] === pb[4]) return 0;
  if (pa[4] === undefined) return 1;
  if (pb[4] === undefined) return -1;
  return pa[4] < pb[4] ? -1 : 1;
}

/** Every release folder (named by a version, holding a descriptor) of dist-data/, oldest first. */
export async function readReleases(distData: string): Promise<SiteRelease[]> {
  const entries = await readdir(distData, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    throw new SiteInputError(`${distData}: ${error.code === "ENOENT" ? "no such folder" : error.message}`);
  });
  const versions = entries.filter((e) => e.isDirectory() && SEMVER.test(e.name) && !SEMVER.exec(e.name)![4]).map((e) => e.name);
  const releases: SiteRelease[] = [];
  for (const version of versions.sort(compareVersions)) {
    const folder = path.join(distData, version);
    const descriptorText = await readRegularTextOrNull(path.join(folder, DESCRIPTOR_FILE), METADATA_LIMIT);
    if (descriptorText === null) continue;
    const parsed = parseDescriptor(descriptorText);
    if (!parsed.ok) throw new SiteInputError(`${path.join(folder, DESCRIPTOR_FILE)}: ${parsed.problems[0]}`);
    const citation = ((await readRegularTextOrNull(path.join(folder, CITATION_FILE), METADATA_LIMIT)) ?? "");
    // The site serves these files and shows their hashes: they are held to the release's SHA256SUMS
    // and its archive to them, as `verify` holds them, so that a release changed since it was
    // published is not served as if it were intact.
    const source = sourceFromFolder(folder, folder);
    const listed = await source.list();
    const facts = factsOfFiles(source, listed);
    const files = new ProblemSink();
    checkChecksums((await readRegularTextOrNull(path.join(folder, CHECKSUMS_FILE), METADATA_LIMIT)) ?? undefined, facts, files, (file) => source.whatIs?.(file));
    // A file changed is said first: its copy in the archive then differs too.
    const archive = new ProblemSink();
    if (files.problems.length === 0) checkArchives(await compareArchives(source, listed, facts), listed, archive);
    const wrong = files.finish()[0] ?? archive.finish()[0];
    if (wrong !== undefined) {
      throw new SiteInputError(`${folder}: ${wrong.file}  ${wrong.code}  ${wrong.message}; the release is not as it was published: run \`parlex verify ${folder}\` (nothing was written)`);
    }
    const served: SiteRelease["files"] = listed.filter((file) => facts.has(file)).map((file) => ({ path: file, ...facts.get(file)! }));
    // The one archive a release has is named after the package and version.
    const archiveName = archiveFileName(parsed.descriptor.name ?? "", version);
    releases.push({
      version,
      folder,
      descriptor: parsed.descriptor,
      date: /^date-released:\s*"?(\d{4}-\d{2}-\d{2})"?\s*$/m.exec(citation)?.[1] ?? "",
      changelog: (await readRegularTextOrNull(path.join(folder, CHANGELOG_FILE), METADATA_LIMIT)) ?? "",
      citation,
      files: served,
      archive: served.find((f) => f.path === archiveName) ?? null,
    });
  }
  return releases;
}

/** A release's tables, read from its JSON files. */
export async function readTables(release: SiteRelease): Promise<Map<string, JsonRow[]>> {
  const tables = new Map<string, JsonRow[]>();
  for (const resource of release.descriptor.resources) {
    if (resource.format !== "json" || !resource.schema) continue;
    const file = path.join(release.folder, resource.path);
    const read = await readRegularFile(file, READ_LIMIT);
    if ("problem" in read) throw new SiteInputError(`${file}: ${read.problem}`);
    const rows = parseJsonRows(decode(read.bytes));
    if (typeof rows === "string") throw new SiteInputError(`${file}: ${rows}`);
    tables.set(tableOfResource(resource), rows);
  }
  return tables;
}
