import type { CodeSpec } from "./code-spec.js";

/** Codes of the load stage: reading a file and parsing its YAML. */
export const LOAD_CODES = {
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
  "file/lone-surrogate": {
    severity: "error",
    title: "Lone surrogate",
    message: "The file holds {character}, half of a UTF-16 surrogate pair with no other half: no character at all, which CSV and Arrow would publish as U+FFFD and JSON as an escape.",
    hint: "Delete the escape (e.g. `\\ud800`), or write the whole character instead of its halves.",
  },
  "file/noncharacter": {
    severity: "error",
    title: "Unicode noncharacter",
    message: "The file holds {character}, a Unicode noncharacter, kept for programs' internal use and never for published text.",
    hint: "Delete the character (often a stray byte-order mark read the wrong way round, U+FFFE).",
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
  "file/hidden-folder": {
    severity: "error",
    title: "Hidden folder in the sources",
    message: "`{file}` is a hidden folder (its name starts with a dot), so no record in it is read.",
    hint: "Rename it without the dot (e.g. meetings/2024), or move it out of sources/.",
  },
  "file/hidden-file": {
    severity: "warning",
    title: "Hidden file in the sources",
    message: "`{file}` is a hidden file (its name starts with a dot), so it is not read.",
    hint: "Rename it without the dot if it is a record, or delete it (editors and file browsers leave such files).",
  },
  "file/no-records": {
    severity: "error",
    title: "No records",
    message: "`{root}` holds no source record: there is nothing to build or release.",
    hint: "Pass the sources folder (e.g. sources), or add records as CONTRIBUTING.md shows.",
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
} as const satisfies Record<string, CodeSpec>;
