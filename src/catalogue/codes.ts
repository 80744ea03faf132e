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

/**
 * The catalogue of every code the toolkit reports. It is the single source of truth:
 * diagnostics are built from it and docs/errors.md is generated from it.
 */
export const CODES = {
  "file/unreadable": {
    severity: "error",
    title: "File cannot be read",
    message: "The file cannot be read: {reason}.",
    hint: "Check that the path exists and is a readable file.",
  },
  "file/empty": {
    severity: "error",
    title: "Empty file",
    message: "The file is empty: a source file holds exactly one record.",
    hint: "Write the record's fields, starting with `id:`, or delete the file.",
  },
  "file/too-large": {
    severity: "error",
    title: "File too large",
    message: "The file has {bytes} bytes; a source record may have at most {limit}.",
    hint: "A record this large is a mistake: split it, or shorten its texts.",
  },
  "file/encoding": {
    severity: "error",
    title: "Not UTF-8",
    message: "The file is not valid UTF-8: byte {byte} cannot start or continue a character.",
    hint: "Save the file as UTF-8 (without a byte order mark).",
  },
  "file/control-character": {
    severity: "error",
    title: "Control character",
    message: "The file holds the control character {character}, which no source value may contain.",
    hint: "Delete the character; use YAML's block scalars (`|`) for line breaks.",
  },
  "file/not-a-mapping": {
    severity: "error",
    title: "Record is not a mapping",
    message: "The file must hold one mapping of `key: value` lines; it holds {found}.",
    hint: "Start the file with `id: <the file name>` and put each field on its own line.",
  },
  "file/multiple-documents": {
    severity: "error",
    title: "More than one YAML document",
    message: "The file holds {count} YAML documents separated by `---`; a source file holds one record.",
    hint: "Split the records into one file each, named after their ids.",
  },
  "file/unknown-folder": {
    severity: "error",
    title: "File outside the known source folders",
    message: "`{file}` is not in a source folder, so its kind is unknown.",
    hint: "Move it to sources/documents, people, bodies, topics, visits or meetings/<yyyy>.",
  },
  "file/ignored-extension": {
    severity: "warning",
    title: "File ignored for its extension",
    message: "`{file}` is not read: source files end in `.yaml`.",
    hint: "Rename it to end in `.yaml`, or move it out of sources/.",
  },
  "file/link-outside": {
    severity: "error",
    title: "Link to outside the sources",
    message: "`{file}` is a symbolic link to `{target}`, outside the source tree.",
    hint: "Replace the link with the file itself.",
  },
  "yaml/syntax": {
    severity: "error",
    title: "YAML syntax error",
    message: "YAML syntax error: {detail}",
    hint: "Check indentation and quoting at this position; quote values that contain `: ` or start with a special character.",
  },
  "yaml/duplicate-key": {
    severity: "error",
    title: "Duplicate key",
    message: "The key `{key}` appears more than once in the same mapping.",
    hint: "Keep one `{key}:` and merge the values.",
  },
  "yaml/tab-indent": {
    severity: "error",
    title: "Tab used for indentation",
    message: "A tab is used for indentation; YAML allows only spaces.",
    hint: "Replace the tab with spaces (two per level).",
  },
  "yaml/unknown-tag": {
    severity: "error",
    title: "Tag not allowed",
    message: "The tag `{tag}` is not allowed: sources hold plain data only.",
    hint: "Remove the tag and write the value as plain text.",
  },
  "yaml/alias": {
    severity: "error",
    title: "Anchor or alias",
    message: "Anchors (`&name`) and aliases (`*name`) are not allowed in sources.",
    hint: "Write the value out in full where it is used.",
  },
  "schema/required": {
    severity: "error",
    title: "Missing required property",
    message: "The property `{property}` is required here but missing.",
    hint: "Add `{property}:` ({description}).",
  },
  "schema/unknown-property": {
    severity: "error",
    title: "Unknown property",
    message: "The property `{property}` is not part of the {kind} format.",
    hint: "{suggestion}",
  },
  "schema/type": {
    severity: "error",
    title: "Wrong type",
    message: "`{where}` must be {expected}, but it is {actual}.",
    hint: "Write {expected} here: {description}",
  },
  "schema/id": {
    severity: "error",
    title: "Malformed id",
    message: "`{value}` is not a valid id: ids are lowercase slugs of letters, digits and single hyphens.",
    hint: "Write it as `{suggestion}`.",
  },
  "schema/date": {
    severity: "error",
    title: "Malformed date",
    message: "`{value}` is not a date: write YYYY, YYYY-MM, YYYY-MM-DD, or a {start, end} range.",
    hint: "Write only the precision the documents give, e.g. `2022`, `2022-06` or `2022-06-28`.",
  },
  "schema/pattern": {
    severity: "error",
    title: "Value does not match its pattern",
    message: "`{value}` is not a valid {what}.",
    hint: "{description}",
  },
  "schema/enum": {
    severity: "error",
    title: "Value not in the allowed list",
    message: "`{value}` is not allowed here; allowed: {allowed}.",
    hint: "Use one of: {allowed}.",
  },
  "schema/length": {
    severity: "error",
    title: "Value too short or too long",
    message: "`{where}` {detail}.",
    hint: "{description}",
  },
  "schema/items": {
    severity: "error",
    title: "List too short, too long or with repeats",
    message: "`{where}` {detail}.",
    hint: "{description}",
  },
  "schema/format": {
    severity: "error",
    title: "Value not in its format",
    message: "`{value}` is not a valid {format}.",
    hint: "{description}",
  },
  "schema/dependency": {
    severity: "error",
    title: "Property needs another",
    message: "`{property}` is given, so `{missing}` is required too.",
    hint: "Add `{missing}:` or remove `{property}:`.",
  },
  "ref/duplicate-id": {
    severity: "error",
    title: "Duplicate id",
    message: "The {kind} id `{id}` is already used by {other}.",
    hint: "Ids are unique across a kind: choose another id and rename the file to match.",
  },
  "ref/file-name": {
    severity: "error",
    title: "File name differs from id",
    message: "The id `{id}` does not match the file name `{name}`.",
    hint: "Rename the file to `{id}.yaml`, or correct the id.",
  },
  "ref/unknown-person": {
    severity: "error",
    title: "Unknown person",
    message: "No person has the id `{id}`.",
    hint: "{suggestion}",
  },
  "ref/unknown-body": {
    severity: "error",
    title: "Unknown body",
    message: "No body has the id `{id}`.",
    hint: "{suggestion}",
  },
  "ref/unknown-topic": {
    severity: "error",
    title: "Unknown topic",
    message: "No topic has the id `{id}`.",
    hint: "{suggestion}",
  },
  "ref/unknown-document": {
    severity: "error",
    title: "Unknown document",
    message: "No document has the id `{id}`.",
    hint: "{suggestion}",
  },
  "ref/unknown-visit": {
    severity: "error",
    title: "Unknown visit",
    message: "No visit has the id `{id}`.",
    hint: "{suggestion}",
  },
  "ref/parent-cycle": {
    severity: "error",
    title: "Parent cycle",
    message: "Following `parent` from `{id}` comes back to it: {cycle}.",
    hint: "A parent must be broader than its child: remove one `parent` in the cycle.",
  },
  "date/invalid": {
    severity: "error",
    title: "No such day",
    message: "`{value}` is not a day of the calendar.",
    hint: "Check the day and month against the document.",
  },
  "date/range-order": {
    severity: "error",
    title: "Range ends before it starts",
    message: "The range starts on {start}, after its end {end}.",
    hint: "Swap `start` and `end`.",
  },
  "date/folder-year": {
    severity: "error",
    title: "Meeting in the wrong year folder",
    message: "The meeting is dated {date} but sits in meetings/{folder}/.",
    hint: "Move the file to sources/meetings/{year}/.",
  },
  "date/outside-visit": {
    severity: "error",
    title: "Meeting outside its visit",
    message: "The meeting's date {date} lies outside its visit `{visit}` ({visitDate}).",
    hint: "Correct the meeting's date or the visit's, or the meeting's `visit:`.",
  },
  "date/after-document": {
    severity: "error",
    title: "Event after the document that reports it",
    message: "The date {date} is after document `{document}` was published ({published}).",
    hint: "A document cannot report a later event: check both dates.",
  },
  "cite/uncited-name": {
    severity: "error",
    title: "Name without a source",
    message: "The name `{name}` cites no document.",
    hint: "Add `document: <id>` of the document that writes it, or `basis: editorial` with a `note:`.",
  },
  "cite/editorial-without-note": {
    severity: "error",
    title: "Editorial value without a note",
    message: "The name `{name}` is editorial but has no note.",
    hint: "Add `note:` saying why the name is recorded although no document gives it.",
  },
  "cite/document-not-listed": {
    severity: "error",
    title: "Cited document not listed",
    message: "`{where}` cites document `{document}`, which is not in this record's `documents`.",
    hint: "Add `{document}` to `documents:`, or cite one of those listed.",
  },
  "name/canonical-unlisted": {
    severity: "error",
    title: "Canonical name not among the names",
    message: "The {field} `{name}` is not one of the recorded `names`.",
    hint: "Add it to `names:` with the document that writes it.",
  },
  "name/duplicate": {
    severity: "error",
    title: "Name recorded twice",
    message: "The name `{name}` ({lang}) is recorded twice.",
    hint: "Keep one entry; a spelling is recorded once per language.",
  },
  "country/unknown": {
    severity: "error",
    title: "Unknown country code",
    message: "`{value}` is not an ISO 3166-1 alpha-2 country code.",
    hint: "Use the two-letter code, e.g. CN for China, KZ for Kazakhstan.",
  },
  "participant/duplicate": {
    severity: "error",
    title: "Participant listed twice",
    message: "`{person}` is listed more than once among the participants.",
    hint: "Keep one entry per person.",
  },
  "participant/side-country": {
    severity: "error",
    title: "Side differs from the body's country",
    message: "`{person}` is on side {side} but represents `{body}`, a body of {country}.",
    hint: "Correct the `side:` or the `body:`.",
  },
  "meeting/one-sided": {
    severity: "warning",
    title: "Meeting with one side only",
    message: "All participants are on side {side}: an exchange has two sides.",
    hint: "Add the counterpart the documents name.",
  },
  "meeting/visit-country": {
    severity: "error",
    title: "Meeting elsewhere than its visit",
    message: "The meeting is in {country}, but its visit `{visit}` went to {host}.",
    hint: "Correct `location.country` or `visit:`.",
  },
  "quote/speaker-absent": {
    severity: "error",
    title: "Quote by someone who was not there",
    message: "The speaker `{speaker}` is not a participant of this meeting.",
    hint: "Attribute the quote to a participant, or add the speaker to `participants:`.",
  },
  "quote/duplicate-id": {
    severity: "error",
    title: "Duplicate quote id",
    message: "The quote id `{id}` is already used in {other}.",
    hint: "Quote ids are unique across the dataset: choose another.",
  },
  "quote/not-in-document": {
    severity: "error",
    title: "Direct quote not found in its document",
    message: "The direct quote is not in the archived text of `{document}`: {detail}.",
    hint: "Copy the words exactly as printed, or make it `kind: paraphrase`.",
  },
  "archive/missing": {
    severity: "error",
    title: "Archived copy missing",
    message: "The archived copy `{archive}` of `{document}` is not in {dir}.",
    hint: "Put the file in the archive folder, or correct `archive:`.",
  },
  "archive/hash-mismatch": {
    severity: "error",
    title: "Archived copy changed",
    message: "The archived copy `{archive}` has sha256 {actual}, not the declared {expected}.",
    hint: "Restore the archived file, or, if the copy was re-archived on purpose, update `sha256:`.",
  },
  "archive/unverifiable-quote": {
    severity: "warning",
    title: "Direct quote without an archived copy",
    message: "The direct quote cites `{document}`, which has no archived copy to check it against.",
    hint: "Add `archive:` and `sha256:` to the document record.",
  },
  "archive/skipped": {
    severity: "info",
    title: "Quote verification skipped",
    message: "Direct quotes not checked against archived texts ({count} in all): no --archive folder was given.",
    hint: "Run with `--archive DIR` (e.g. ../shared/source-documents) to verify them.",
  },
  "duplicate/person": {
    severity: "warning",
    title: "Likely duplicate person",
    message: "`{id}` and `{other}` have names that are the same up to transliteration ({name} / {otherName}).",
    hint: "If they are one person, merge the records and keep both spellings in `names:`.",
  },
  "duplicate/meeting": {
    severity: "warning",
    title: "Likely duplicate meeting",
    message: "`{id}` and `{other}` have the same date and the same participants.",
    hint: "If they are one meeting, merge them into one record citing both documents.",
  },
  "text/formula": {
    severity: "error",
    title: "Text read as a spreadsheet formula",
    message: "`{where}` starts with `{start}`, which spreadsheets run as a formula when they open the CSV.",
    hint: "Reword the start of the text (e.g. begin with a word); the published CSV must be safe to open.",
  },
  "text/not-nfc": {
    severity: "error",
    title: "Text not in Unicode NFC",
    message: "`{where}` is not in Unicode normalization form C: the same letters can be written with other bytes.",
    hint: "Save the text in NFC (composed characters), as most editors do by default.",
  },
  "text/mixed-script": {
    severity: "error",
    title: "Word mixing alphabets",
    message: "In `{where}`, the word `{word}` mixes {scripts} letters, which look alike but are different characters.",
    hint: "Retype the word in one alphabet; a look-alike letter makes a different name.",
  },
} as const satisfies Record<string, CodeSpec>;

/** Every code the toolkit can report. */
export type Code = keyof typeof CODES;
