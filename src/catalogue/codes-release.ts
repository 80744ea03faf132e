import type { CodeSpec } from "./code-spec.js";

/**
 * Codes of `parlex release`'s refusals: nothing is written, and the command exits 1 with the
 * message (they concern the release as a whole, so they name no source file).
 */
export const RELEASE_CODES = {
  "release/nothing-changed": {
    severity: "error",
    title: "Nothing to release",
    message: "nothing changed since {from}: the sources build the same data, so there is nothing to release",
    hint: "Change the sources first; a release is made of changes.",
  },
  "release/bump-too-small": {
    severity: "error",
    title: "Bump smaller than the changes require",
    message: "--bump {requested} is too small: {because} requires a {level} release ({from} → {to})",
    hint: "Use --bump auto, or the level the changes require.",
  },
  "release/already-published": {
    severity: "error",
    title: "Version already published",
    message: "{version} is already published; a published release is never overwritten or modified",
    hint: "Change the sources so that the next version is a new one.",
  },
  "release/missing-release": {
    severity: "error",
    title: "A published release is missing",
    message: "datapackage.json describes release {version}, but dist-data/{version}/ is not there: a published release is missing, and releasing now would publish {version} again with other data",
    hint: "Restore dist-data/{version}/ (for example `git checkout -- dist-data/{version}`) and run again.",
  },
  "release/date-in-future": {
    severity: "error",
    title: "Release dated in the future",
    message: "--date {date} is after today ({today}): a release is dated the day it is made",
    hint: "Leave out --date (today, UTC), or give today's date or an earlier one.",
  },
  "release/date-before-previous": {
    severity: "error",
    title: "Release dated before the previous one",
    message: "--date {date} is before {previous}, released {released}: releases are dated in the order they are made",
    hint: "Give a date on or after {released}, or leave out --date (today, UTC).",
  },
  "release/previous-unverified": {
    severity: "error",
    title: "Previous release does not verify",
    message: "the latest release, {label}, does not verify ({problems} problem(s)), so a changelog against it would be false",
    hint: "Run `parlex verify {label}` and restore the release from its archive or from git before releasing again.",
  },
} as const satisfies Record<string, CodeSpec>;
