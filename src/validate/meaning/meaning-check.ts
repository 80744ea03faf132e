import type { UnplacedDiagnostic } from "../../model/diagnostic.js";
import type { SourceIndex } from "../../model/source-index.js";

/** The archived text of each document, as the CLI found it in --archive DIR. */
export type ArchiveLookup = Map<string, { bytes: Uint8Array } | { missing: true }>;

/** What every meaning check receives. */
export interface MeaningContext {
  index: SourceIndex;
  /** Archived copies by archive file name, or undefined when no archive folder was given. */
  archive?: ArchiveLookup;
  /** The archive folder as given, for messages. */
  archiveDir?: string;
}

/** One semantic check: a pure function from the checked records to its findings. */
export type MeaningCheck = (context: MeaningContext) => UnplacedDiagnostic[];
