import type { Severity } from "../model/diagnostic.js";

/** One entry of the catalogue: what a code means and how to fix it. */
export interface CodeSpec {
  severity: Severity;
  /** A short title for the docs. */
  title: string;
  /** The message, with {placeholders} filled from the finding's parameters. */
  message: string;
  /** The fix, as one line, with {placeholders}. */
  hint: string;
}
