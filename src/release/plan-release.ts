import { CODES } from "../catalogue/codes.js";
import type { RELEASE_CODES } from "../catalogue/codes-release.js";
import { fillTemplate, type Params } from "../catalogue/make-diagnostic.js";
import type { Change, PackageDiff } from "./change.js";
import { requiredBump } from "./bump.js";
import { renderChecksums } from "../verify/checksums.js";
import { renderChangelog } from "./render-changelog.js";
import { renderCitation } from "./render-citation.js";
import { renderDataCard } from "./render-data-card.js";
import { renderManifest } from "../verify/manifest.js";
import type { PackageSnapshot } from "../verify/read-package.js";
import { archiveFileName, CHANGELOG_FILE, CHECKSUMS_FILE, CITATION_FILE, DATA_CARD_FILE, DESCRIPTOR_FILE, MANIFEST_FILE } from "../verify/package-files.js";
import { bumpVersion, levelRank, type Level } from "./semver.js";
import { rootDescriptor, withVersion } from "./set-version.js";

/** Everything a release needs to know; gathered at the edge, so planning itself does no I/O. */
export interface ReleaseInput {
  diff: PackageDiff;
  /** The latest release (and the date its manifest gives, when readable), or null for the first. */
  previous: { version: string; changelog: string | null; released?: string | null } | null;
  /** Every version already in dist-data/. */
  published: readonly string[];
  requested: "auto" | Level;
  /** The release date, YYYY-MM-DD. */
  date: string;
  /** Today (UTC), YYYY-MM-DD: a release is not dated later. */
  today: string;
  /** The new build: its files, and the same package as read for the diff. */
  build: ReadonlyMap<string, Uint8Array>;
  snapshot: PackageSnapshot;
  sources: { digest: string; files: number };
  toolkit: { name: string; version: string };
}

/** Why a release was refused, naming the change or version at fault. */
export interface Refusal {
  code: Exclude<keyof typeof RELEASE_CODES, "release/previous-unverified">;
  message: string;
  change?: Change;
}

/** A release ready to write: its version, every file of its folder but the archive, and the root descriptor. */
export interface ReleasePlan {
  version: string;
  /** The bump applied (null for the first release, which is always 1.0.0). */
  level: Level | null;
  because: Change | null;
  date: string;
  files: Map<string, Uint8Array>;
  archive: string;
  /** The repository's root datapackage.json, pointing into dist-data/<version>/. */
  root: Uint8Array;
}

/** Diff → bump → plan: the version to release and every file it holds, or why not. Pure. */
export function planRelease(input: ReleaseInput): { ok: true; plan: ReleasePlan } | { ok: false; refusal: Refusal } {
  if (input.date > input.today) return refuse("release/date-in-future", { date: input.date, today: input.today });
  const released = input.previous?.released;
  if (input.previous && released && input.date < released) {
    return refuse("release/date-before-previous", { date: input.date, previous: input.previous.version, released });
  }
  const required = requiredBump(input.diff);
  let level: Level | null = null;
  let version = "1.0.0";
  if (input.previous) {
    const from = input.previous.version;
    if (!required.level || !required.because) return refuse("release/nothing-changed", { from });
    if (input.requested !== "auto" && levelRank(input.requested) < levelRank(required.level)) {
      const params = { requested: input.requested, because: required.because.message, level: required.level, from, to: bumpVersion(from, required.level) };
      return refuse("release/bump-too-small", params, required.because);
    }
    level = input.requested === "auto" ? required.level : input.requested;
    version = bumpVersion(from, level);
  }
  if (input.published.includes(version)) return refuse("release/already-published", { version });

  // `created` is the release's date: when the package was made, not a date from the sources.
  const descriptor = withVersion(input.build.get(DESCRIPTOR_FILE)!, version, input.date);
  const name = input.snapshot.descriptor.name;
  const archive = archiveFileName(name, version);
  const files = new Map<string, Uint8Array>([...input.build].filter(([f]) => f !== DESCRIPTOR_FILE));
  files.set(DESCRIPTOR_FILE, descriptor);
  const facts = { version, date: input.date, snapshot: input.snapshot, archive };
  files.set(DATA_CARD_FILE, text(renderDataCard(facts)));
  files.set(CHANGELOG_FILE, text(renderChangelog({ ...facts, previous: input.previous?.version ?? null, level, because: required.because, diff: input.diff }, input.previous?.changelog ?? null)));
  files.set(CITATION_FILE, text(renderCitation(facts)));
  files.set(MANIFEST_FILE, renderManifest({ release: version, released: input.date, previous: input.previous?.version ?? null, archive, toolkit: input.toolkit, sources: input.sources }));
  files.set(CHECKSUMS_FILE, renderChecksums(files));
  return { ok: true, plan: { version, level, because: required.because, date: input.date, files: sortFiles(files), archive, root: rootDescriptor(descriptor, `dist-data/${version}/`) } };
}

function refuse(code: Refusal["code"], params: Params, change?: Change): { ok: false; refusal: Refusal } {
  return { ok: false, refusal: { code, message: fillTemplate(CODES[code].message, params), ...(change ? { change } : {}) } };
}

function text(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

function sortFiles(files: Map<string, Uint8Array>): Map<string, Uint8Array> {
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
