/** The descriptor of a package (Data Package v2 requires this name). */
export const DESCRIPTOR_FILE = "datapackage.json";
/** The data card. */
export const DATA_CARD_FILE = "README.md";
/** The data dictionary every package carries (made from the table definitions). */
export const DATA_DICTIONARY_FILE = "DATA-DICTIONARY.md";
/** The cumulative changelog. */
export const CHANGELOG_FILE = "CHANGELOG.md";
/** Citation metadata (Citation File Format 1.2.0). */
export const CITATION_FILE = "CITATION.cff";
/** The checksum list (`sha256sum` format). */
export const CHECKSUMS_FILE = "SHA256SUMS";
/** The build manifest. */
export const MANIFEST_FILE = "manifest.json";

/** Files a release adds to a build; everything else in a release folder came from the build or is the archive. */
export const RELEASE_ONLY_FILES: ReadonlySet<string> = new Set([DATA_CARD_FILE, CHANGELOG_FILE, CITATION_FILE, CHECKSUMS_FILE, MANIFEST_FILE]);

/** The folder name inside a release's archive, and the archive's name without extension. */
export function archiveStem(packageName: string, version: string): string {
  return `${packageName}-${version}`;
}

/** The release archive's file name. */
export function archiveFileName(packageName: string, version: string): string {
  return `${archiveStem(packageName, version)}.tar.gz`;
}

/** True for a file at the top of a release folder that is an archive (not covered by SHA256SUMS). */
export function isArchiveFile(file: string): boolean {
  return !file.includes("/") && file.endsWith(".tar.gz");
}
