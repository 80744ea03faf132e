import { checkArchive } from "./check-archive.js";
import { checkCitations } from "./check-citations.js";
import { checkCountries } from "./check-countries.js";
import { checkDates } from "./check-dates.js";
import { checkDuplicates } from "./check-duplicates.js";
import { checkParticipants } from "./check-participants.js";
import { checkText } from "./check-text.js";
import type { MeaningCheck } from "./meaning-check.js";

/**
 * The meaning checks that read one record alone: they run on each file as it is checked (in
 * worker threads, and are cached with it), each given an index of that one record.
 */
export const RECORD_CHECKS: readonly MeaningCheck[] = [checkCitations, checkCountries, checkText];

/**
 * The meaning checks that read across records. They are given every record's tree facts (see
 * tree-facts.ts), never its free text, so that an edit to free text cannot change what they find.
 */
export const TREE_CHECKS: readonly MeaningCheck[] = [checkDates, checkParticipants, checkArchive, checkDuplicates];
