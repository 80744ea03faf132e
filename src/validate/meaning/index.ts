import { checkArchive } from "./check-archive.js";
import { checkCitations } from "./check-citations.js";
import { checkCountries } from "./check-countries.js";
import { checkDates } from "./check-dates.js";
import { checkDuplicates } from "./check-duplicates.js";
import { checkParticipants } from "./check-participants.js";
import { checkText } from "./check-text.js";
import type { MeaningCheck } from "./meaning-check.js";

/** The meaning layer: every semantic check, run in this order over the checked records. */
export const MEANING_CHECKS: readonly MeaningCheck[] = [
  checkDates,
  checkCitations,
  checkCountries,
  checkParticipants,
  checkArchive,
  checkDuplicates,
  checkText,
];
